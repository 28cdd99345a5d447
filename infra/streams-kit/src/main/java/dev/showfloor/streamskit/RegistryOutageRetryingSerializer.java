package dev.showfloor.streamskit;

import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Waits out a schema-registry outage when a record's schema is not known yet (its first record on a topic
 * needs the registry), so the stream thread pauses and writes the record once the registry answers instead of
 * failing the task. Records of known schemas never wait: {@link CachedSchemaAvroSerializer} does not ask the
 * registry for them.
 */
public final class RegistryOutageRetryingSerializer<T> implements Serializer<T> {
    private final Serializer<T> delegate;

    public RegistryOutageRetryingSerializer(Serializer<T> delegate) {
        this.delegate = delegate;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        delegate.configure(configs, isKey);
    }

    @Override
    public byte[] serialize(String topic, T data) {
        return RegistryFailures.waitOut("writing " + topic, () -> delegate.serialize(topic, data));
    }

    @Override
    public byte[] serialize(String topic, Headers headers, T data) {
        return RegistryFailures.waitOut("writing " + topic, () -> delegate.serialize(topic, headers, data));
    }

    @Override
    public void close() {
        delegate.close();
    }
}
