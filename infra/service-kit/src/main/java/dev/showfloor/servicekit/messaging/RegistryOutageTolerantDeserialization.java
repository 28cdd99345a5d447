package dev.showfloor.servicekit.messaging;

import dev.showfloor.streamskit.RegistryFailures;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.Logger;

/**
 * Retries deserialization for as long as the schema registry is unreachable, so a registry outage pauses
 * consumption (readiness is DOWN meanwhile) instead of killing the channel or dropping records. Records that
 * fail for any other reason are handed on as failures, which the channel's dead-letter strategy takes.
 *
 * <p>Use with {@code mp.messaging.incoming.<channel>.value-deserialization-failure-handler=registry-outage-tolerant}.
 */
@ApplicationScoped
@Identifier(RegistryOutageTolerantDeserialization.NAME)
public class RegistryOutageTolerantDeserialization implements DeserializationFailureHandler<Object> {
    public static final String NAME = "registry-outage-tolerant";
    private static final Logger LOG = Logger.getLogger(RegistryOutageTolerantDeserialization.class);

    @Override
    public Object decorateDeserialization(Uni<Object> deserialization, String topic, boolean isKey,
                                          String deserializer, byte[] data, Headers headers) {
        return deserialization
                .onFailure(RegistryFailures::unreachable)
                .invoke(failure -> LOG.warnf("schema registry unreachable while reading %s (%s); retrying", topic,
                        failure.getMessage()))
                .onFailure(RegistryFailures::unreachable)
                .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).indefinitely()
                .onFailure().recoverWithItem(failure -> handleDeserializationFailure(topic, isKey, deserializer, data,
                        failure instanceof Exception e ? e : new RuntimeException(failure), headers))
                .await().indefinitely();
    }
}
