package dev.showfloor.streamskit;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.kafka.config.KafkaSerdeConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Apicurio's Avro serializer, wire-compatible, without its per-record cost: Apicurio resolves the schema and
 * fingerprints it for every record. Here the first record of each (topic, schema) goes through Apicurio, which
 * registers or looks the schema up and writes its id prefix; that prefix is kept and later records are the
 * prefix plus a plain Avro encoding. After warm-up the hot path never touches the registry, so an outage does
 * not stop producers of known schemas.
 *
 * <p>The prefix is only trusted when Apicurio's own bytes end in exactly our encoding and it put nothing in
 * headers; otherwise that (topic, schema) keeps going through Apicurio.
 */
public class CachedSchemaAvroSerializer<T> extends AvroKafkaSerializer<T> {
    /** Marks a (topic, schema) whose records keep going through Apicurio. */
    private static final Encoding APICURIO = new Encoding(null, null);
    private final Map<PrefixKey, Encoding> encodings = new ConcurrentHashMap<>();
    private boolean idsInHeaders;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        super.configure(configs, isKey);
        idsInHeaders = Boolean.parseBoolean(String.valueOf(configs.get(KafkaSerdeConfig.ENABLE_HEADERS)));
    }

    @Override
    public byte[] serialize(String topic, T data) {
        return serialize(topic, null, data);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, T data) {
        if (idsInHeaders || !(data instanceof GenericContainer container)) {
            return super.serialize(topic, headers, data);
        }
        PrefixKey key = new PrefixKey(topic, container.getSchema());
        Encoding encoding = encodings.get(key);
        if (encoding == null) {
            return learn(key, topic, headers, data);
        }
        if (encoding == APICURIO) {
            return super.serialize(topic, headers, data);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(encoding.prefix().length + 256);
        out.writeBytes(encoding.prefix());
        encoding.write(data, out);
        return out.toByteArray();
    }

    private byte[] learn(PrefixKey key, String topic, Headers headers, T data) {
        RecordHeaders probeHeaders = new RecordHeaders();
        byte[] apicurio = RegistryFailures.withDeadline("registering the schema of " + topic,
                () -> super.serialize(topic, probeHeaders, data));
        DatumWriter<Object> writer = new SpecificDatumWriter<>(key.schema());
        ByteArrayOutputStream payload = new ByteArrayOutputStream(256);
        new Encoding(new byte[0], writer).write(data, payload);
        byte[] encoded = payload.toByteArray();
        int prefixLength = apicurio.length - encoded.length;
        boolean matches = prefixLength > 0 && probeHeaders.toArray().length == 0
                && Arrays.equals(apicurio, prefixLength, apicurio.length, encoded, 0, encoded.length);
        encodings.put(key, matches ? new Encoding(Arrays.copyOf(apicurio, prefixLength), writer) : APICURIO);
        if (headers != null) {
            probeHeaders.forEach(headers::add);
        }
        return apicurio;
    }

    /** Apicurio's id prefix for one (topic, schema) and the plain Avro writer for what follows it. */
    private record Encoding(byte[] prefix, DatumWriter<Object> writer) {
        void write(Object data, ByteArrayOutputStream out) {
            try {
                BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
                writer.write(data, encoder);
                encoder.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Schemas of generated classes are singletons, so identity is the cheap and exact key. */
    private record PrefixKey(String topic, Schema schema) {
        @Override
        public boolean equals(Object other) {
            return other instanceof PrefixKey that && topic.equals(that.topic) && schema == that.schema;
        }

        @Override
        public int hashCode() {
            return topic.hashCode() * 31 + System.identityHashCode(schema);
        }
    }
}
