package dev.showfloor.streamskit;

import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Readiness of a stream service: not ready until its Kafka Streams app has first been RUNNING, i.e. every task
 * it was given has restored its stores. Quarkus' own checks count a starting app as alive and ask only whether
 * the topics exist, so a fresh instance looked ready while every request that reads its stores answered 503.
 * Once it has run, a later rebalance keeps it ready: rebalancing is cooperative, so the tasks it keeps go on
 * answering, and taking every instance out of a load balancer at each scale-out would turn the few requests
 * for moving keys (a 503 with a retry hint) into failed connections for all of them.
 * A service declares it as a {@code @Readiness @Singleton} bean by subclassing (this module has no CDI; a
 * normal-scoped bean would need a no-args constructor for its proxy).
 */
public abstract class StreamsRunningCheck implements HealthCheck {
    private final KafkaStreams streams;
    private volatile boolean hasRun;

    protected StreamsRunningCheck(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public HealthCheckResponse call() {
        KafkaStreams.State state = streams.state();
        if (state == KafkaStreams.State.RUNNING) {
            hasRun = true;
        }
        boolean ready = state == KafkaStreams.State.RUNNING || (hasRun && state == KafkaStreams.State.REBALANCING);
        return HealthCheckResponse.named("kafka-streams-running").status(ready).withData("state", state.name())
                .build();
    }
}
