package dev.showfloor.streamskit;

import io.apicurio.registry.resolver.strategy.ArtifactReference;
import io.apicurio.registry.serde.BaseSerde;
import io.apicurio.registry.serde.IdHandler;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Reads what Apicurio's Avro serializer (or {@link CachedSchemaAvroSerializer}) wrote into the generated classes,
 * resolving each writer schema id through Apicurio once and decoding later records with a cached reader; Apicurio's
 * own path builds a datum reader per record. Records whose schema ids travel in headers, or whose writer schema
 * has no generated class here, go through Apicurio unchanged.
 */
public class CachedSchemaAvroDeserializer<T> extends AvroKafkaDeserializer<T> {
    private final Map<Long, DatumReader<T>> readers = new ConcurrentHashMap<>();
    private IdHandler idHandler;
    /** Magic byte plus the schema id. */
    private int prefixLength;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        super.configure(configs, isKey);
        idHandler = delegatedDeserializer.getSerdeConfigurer().getIdHandler();
        prefixLength = 1 + idHandler.idSize();
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        return deserialize(topic, null, data);
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        if (data == null || data.length <= prefixLength || data[0] != BaseSerde.MAGIC_BYTE
                || carriesRegistryHeaders(headers)) {
            return super.deserialize(topic, headers, data);
        }
        ByteBuffer buffer = ByteBuffer.wrap(data, 1, prefixLength - 1);
        long id = prefixLength == 5 ? buffer.getInt() : buffer.getLong();
        DatumReader<T> reader = readers.get(id);
        if (reader == null) {
            reader = RegistryFailures.withDeadline("looking up schema " + id + " of " + topic, () -> readerFor(data));
            if (reader == null) {
                return super.deserialize(topic, headers, data);
            }
            readers.put(id, reader);
        }
        try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(data, prefixLength,
                    data.length - prefixLength, null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot decode an Avro record of " + topic + " (schema id " + id + ")", e);
        }
    }

    @SuppressWarnings("unchecked")
    private DatumReader<T> readerFor(byte[] data) {
        ArtifactReference reference = idHandler.readId(ByteBuffer.wrap(data, 1, data.length - 1));
        Schema writer = getSchemaResolver().resolveSchemaByArtifactReference(reference).getParsedSchema()
                .getParsedSchema();
        Class<?> generated = SpecificData.get().getClass(writer);
        if (generated == null || !SpecificRecord.class.isAssignableFrom(generated)) {
            return null;
        }
        return new SpecificDatumReader<>(writer, SpecificData.get().getSchema(generated));
    }

    private static boolean carriesRegistryHeaders(Headers headers) {
        if (headers == null) {
            return false;
        }
        for (Header header : headers) {
            if (header.key().startsWith("apicurio.")) {
                return true;
            }
        }
        return false;
    }
}
