package dev.showfloor.streamskit;

import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Readiness of a stream service: up only while its Kafka Streams app is RUNNING, i.e. every task it owns has
 * restored its stores. Quarkus' own checks count a starting or rebalancing app as alive and ask only whether the
 * topics exist, so a fresh instance looked ready while every request that reads its stores still answered 503.
 * A service declares it as a {@code @Readiness @Singleton} bean by subclassing (this module has no CDI; a
 * normal-scoped bean would need a no-args constructor for its proxy).
 */
public abstract class StreamsRunningCheck implements HealthCheck {
    private final KafkaStreams streams;

    protected StreamsRunningCheck(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public HealthCheckResponse call() {
        KafkaStreams.State state = streams.state();
        return HealthCheckResponse.named("kafka-streams-running").status(state == KafkaStreams.State.RUNNING)
                .withData("state", state.name()).build();
    }
}
