package dev.showfloor.streamskit;

import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Waits out a schema-registry outage instead of treating the record at hand as poison: the stream thread
 * pauses (readiness reports the registry down) and resumes with the same record once the registry answers.
 * Any other failure is passed on, and the dead-letter handler takes the record.
 */
public final class RegistryOutageRetryingDeserializer<T> implements Deserializer<T> {
    private final Deserializer<T> delegate;

    public RegistryOutageRetryingDeserializer(Deserializer<T> delegate) {
        this.delegate = delegate;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        delegate.configure(configs, isKey);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        return RegistryFailures.waitOut("reading " + topic, () -> delegate.deserialize(topic, data));
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        return RegistryFailures.waitOut("reading " + topic, () -> delegate.deserialize(topic, headers, data));
    }

    @Override
    public void close() {
        delegate.close();
    }
}
