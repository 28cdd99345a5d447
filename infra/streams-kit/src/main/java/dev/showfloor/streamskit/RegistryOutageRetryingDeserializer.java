package dev.showfloor.streamskit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.jboss.logging.Logger;

/**
 * Waits out a schema-registry outage instead of treating the record at hand as poison: the stream thread
 * pauses (readiness reports the registry down) and resumes with the same record once the registry answers.
 * Any other failure is passed on, and the dead-letter handler takes the record.
 */
public final class RegistryOutageRetryingDeserializer<T> implements Deserializer<T> {
    private static final Logger LOG = Logger.getLogger(RegistryOutageRetryingDeserializer.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
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
        return retry(topic, () -> delegate.deserialize(topic, data));
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        return retry(topic, () -> delegate.deserialize(topic, headers, data));
    }

    private T retry(String topic, java.util.function.Supplier<T> attempt) {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                if (!RegistryFailures.unreachable(e) || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                LOG.warnf("schema registry unreachable while reading %s; retrying in %d ms", topic, backoff.toMillis());
                LockSupport.parkNanos(backoff.toNanos()); // back-off between attempts on the stream thread
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    @Override
    public void close() {
        delegate.close();
    }
}
