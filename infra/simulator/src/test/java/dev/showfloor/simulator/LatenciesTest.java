package dev.showfloor.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesUseNearestRank() {
        Latencies latencies = new Latencies();
        for (int ms = 1; ms <= 100; ms++) {
            latencies.add(ms * 1_000_000L);
        }
        assertThat(latencies.percentileMillis(50)).isEqualTo(50.0);
        assertThat(latencies.percentileMillis(99)).isEqualTo(99.0);
        assertThat(latencies.percentileMillis(100)).isEqualTo(100.0);
        assertThat(new Latencies().percentileMillis(99)).isZero();
    }

    @Test
    void reportRatioIsOpsOverRaw() {
        BenchReport report = new BenchReport("x", java.time.Instant.EPOCH).throughput(1_000, 50_000);
        assertThat(report.get("ratio")).isEqualTo(0.02);
        assertThat(new BenchReport("y", java.time.Instant.EPOCH).throughput(78, 230_000).get("ratio")).isEqualTo(0.0003);
        assertThat(report.get("cores")).isEqualTo(Runtime.getRuntime().availableProcessors());
    }
}
