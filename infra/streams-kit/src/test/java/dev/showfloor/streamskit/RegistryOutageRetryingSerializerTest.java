package dev.showfloor.streamskit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

class RegistryOutageRetryingSerializerTest {

    @Test
    void aRecordWhoseSchemaNeedsTheRegistryWaitsUntilItAnswers() {
        AtomicInteger attempts = new AtomicInteger();
        Serializer<String> flaky = (topic, data) -> {
            if (attempts.incrementAndGet() < 3) {
                throw new RuntimeException("lookup failed", new ConnectException("Connection refused"));
            }
            return data.getBytes();
        };

        byte[] written = new RegistryOutageRetryingSerializer<>(flaky).serialize("inventory.stock-levels", "level");

        assertThat(written).isEqualTo("level".getBytes());
        assertThat(attempts).hasValue(3);
    }

    @Test
    void anyOtherFailureIsPassedOnAtOnce() {
        AtomicInteger attempts = new AtomicInteger();
        Serializer<String> broken = (topic, data) -> {
            attempts.incrementAndGet();
            throw new IllegalArgumentException("not an Avro record");
        };

        assertThatThrownBy(() -> new RegistryOutageRetryingSerializer<>(broken).serialize("inventory.events", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(attempts).hasValue(1);
    }
}
