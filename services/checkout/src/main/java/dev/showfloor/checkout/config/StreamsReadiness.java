package dev.showfloor.checkout.config;

import dev.showfloor.streamskit.StreamsRunningCheck;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the saga store answers: see {@link StreamsRunningCheck}. */
@Readiness
@Singleton
public class StreamsReadiness extends StreamsRunningCheck {
    public StreamsReadiness(KafkaStreams streams) {
        super(streams);
    }
}
