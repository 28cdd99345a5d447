package dev.showfloor.streamskit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
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

    @Test
    void aRegistryCallWhoseAnswerIsLostIsAbandonedAtItsDeadlineAndAskedAgain() {
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch neverAnswered = new CountDownLatch(1);
        Serializer<String> losesTheFirstAnswer = (topic, data) -> RegistryFailures.withDeadline("test",
                () -> {
                    if (attempts.incrementAndGet() == 1) {
                        try {
                            neverAnswered.await();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException("abandoned", e);
                        }
                    }
                    return data.getBytes();
                }, Duration.ofMillis(100));

        byte[] written = new RegistryOutageRetryingSerializer<>(losesTheFirstAnswer).serialize("inventory.events",
                "held");

        assertThat(written).isEqualTo("held".getBytes());
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aCallPastItsDeadlineCountsAsAnUnreachableRegistry() {
        assertThatThrownBy(() -> RegistryFailures.withDeadline("test", () -> {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }, Duration.ofMillis(50)))
                .satisfies(failure -> assertThat(RegistryFailures.unreachable(failure)).isTrue())
                .hasMessageContaining("did not answer within 50 ms");
    }
}
