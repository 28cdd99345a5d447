package dev.showfloor.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

class StreamThreadTimeTest {
    private static final String APP = "inventory-d74d3be2-e231-40fd-a1ae-9b5b4d9221a1";

    private static String exposition(double commits, double commitNs, double flushNs, double processed) {
        return String.join("\n",
                "# HELP kafka_stream_thread_commit_total The total number of calls to commit",
                "# TYPE kafka_stream_thread_commit_total counter",
                "kafka_stream_thread_commit_total{kafka_version=\"4.1.1\",thread_id=\"" + APP + "-StreamThread-1\"} "
                        + commits,
                "kafka_stream_thread_process_total{kafka_version=\"4.1.1\",thread_id=\"" + APP + "-StreamThread-1\"} "
                        + processed,
                "kafka_producer_txn_commit_time_ns_total{client_id=\"" + APP + "-StreamThread-1-producer\","
                        + "kafka_version=\"4.1.1\"} " + commitNs,
                "kafka_producer_flush_time_ns_total{client_id=\"" + APP + "-StreamThread-1-producer\","
                        + "kafka_version=\"4.1.1\"} " + flushNs,
                // Another producer's timers are not a stream thread's commit.
                "kafka_producer_txn_commit_time_ns_total{client_id=\"kafka-producer-inventory-commands-out\","
                        + "kafka_version=\"4.1.1\"} 9.9E9",
                "kafka_stream_thread_commit_latency_max{kafka_version=\"4.1.1\",thread_id=\"" + APP
                        + "-StreamThread-1\"} 12.0",
                "kafka_stream_thread_commit_latency_max{kafka_version=\"4.1.1\",thread_id=\"" + APP
                        + "-StreamThread-2\"} 31.0",
                "kafka_stream_thread_punctuate_latency_max{kafka_version=\"4.1.1\",thread_id=\"" + APP
                        + "-StreamThread-2\"} NaN",
                "kafka_producer_request_latency_avg{client_id=\"" + APP + "-StreamThread-1-producer\"} 2.0",
                "kafka_producer_request_latency_avg{client_id=\"" + APP + "-StreamThread-2-producer\"} 3.0",
                "jvm_threads_live_threads 42.0");
    }

    @Test
    void sumsEachStreamThreadsCommitTimersAndLeavesOtherProducersOut() {
        var parsed = StreamThreadTime.Snapshot.parse(0, exposition(137, 6.0E8, 2.0E7, 5000));

        assertThat(parsed.byThread()).containsOnlyKeys("StreamThread-1");
        assertThat(parsed.byThread().get("StreamThread-1").totals()).containsOnly(Map.entry("commits", 137.0),
                Map.entry("processed", 5000.0), Map.entry("commit_transaction_ns", 6.0E8),
                Map.entry("flush_ns", 2.0E7));
        // The longest call of a kind over every thread; a gauge with no sample in its window (NaN) is left out.
        assertThat(parsed.longestCallMs()).containsExactly(Map.entry("commit_per_task", 31.0));
        // A mean over the window is averaged over the threads.
        assertThat(parsed.meanCallMs()).containsExactly(Map.entry("produce_request", 2.5));
    }

    @Test
    void reportsPerThreadRatesAndMeansOverThePhase() {
        var before = StreamThreadTime.Snapshot.parse(0, exposition(100, 1.0E8, 0, 1000));
        // One second later: 50 more commits holding the thread 300 ms in all, 4,000 more records.
        var after = StreamThreadTime.Snapshot.parse(1_000_000_000L, exposition(150, 3.5E8, 5.0E7, 5000));

        Map<String, Object> report = StreamThreadTime.between(Optional.of(before), Optional.of(after));

        assertThat(report).containsEntry("stream_threads", 1).containsEntry("commits_per_s_per_thread", 50.0)
                .containsEntry("committing_share", 0.3).containsEntry("commit_ms_mean", 6.0)
                .containsEntry("processed_per_commit", 80.0)
                .containsEntry("commit_ms_mean_by_step", Map.of("flush", 1.0, "send_offsets", 0.0,
                        "commit_transaction", 5.0));
    }

    private record Value(MetricName metricName, Object metricValue) implements Metric {
    }

    private static Map.Entry<MetricName, Metric> metric(String group, String name, String tag, String client,
                                                        Object value) {
        MetricName metricName = new MetricName(name, group, "", Map.of(tag, client));
        return Map.entry(metricName, new Value(metricName, value));
    }

    @Test
    void readsAnInProcessAppsOwnMetricsUnderTheNamesItsServiceWouldHave() {
        String thread = "floor-run-1f2e-StreamThread-2";
        Map<MetricName, Metric> metrics = Map.ofEntries(
                metric("stream-thread-metrics", "commit-total", "thread-id", thread, 40.0),
                metric("producer-metrics", "txn-commit-time-ns-total", "client-id", thread + "-producer", 2.0E8),
                metric("stream-thread-metrics", "poll-latency-max", "thread-id", thread, 9.5),
                metric("stream-thread-metrics", "thread-state", "thread-id", thread, "RUNNING"));

        var snapshot = StreamThreadTime.Snapshot.of(0, metrics);

        assertThat(snapshot.byThread()).containsOnlyKeys("StreamThread-2");
        assertThat(snapshot.byThread().get("StreamThread-2").totals())
                .containsOnly(Map.entry("commits", 40.0), Map.entry("commit_transaction_ns", 2.0E8));
        assertThat(snapshot.longestCallMs()).containsExactly(Map.entry("poll", 9.5));
    }

    private static String requests(double streamConsumer, double otherConsumer) {
        return String.join("\n",
                "kafka_stream_thread_commit_total{thread_id=\"" + APP + "-StreamThread-1\"} 1.0",
                "kafka_consumer_request_total{client_id=\"" + APP + "-StreamThread-1-consumer\"} " + streamConsumer,
                "kafka_consumer_request_total{client_id=\"" + APP + "-StreamThread-2-consumer\"} " + streamConsumer,
                "kafka_consumer_request_total{client_id=\"kafka-consumer-order-status\"} " + otherConsumer,
                "kafka_producer_request_total{client_id=\"" + APP + "-StreamThread-1-producer\"} 7.0",
                // Per broker as well as in all: not counted twice.
                "kafka_producer_node_request_total{client_id=\"" + APP + "-StreamThread-1-producer\","
                        + "node_id=\"node-1\"} 7.0",
                "kafka_admin_client_request_total{client_id=\"" + APP + "-admin\"} 3.0");
    }

    @Test
    void countsTheRequestsOfEveryClientOfTheAppPerSecondByRole() {
        var before = StreamThreadTime.Snapshot.parse(0, requests(100, 10));
        // Two seconds later: each stream thread's consumer sent 400 more requests, the status board's 60.
        var after = StreamThreadTime.Snapshot.parse(2_000_000_000L, requests(500, 70));

        assertThat(before.requestsByClientRole()).containsOnly(Map.entry("stream_threads.consumer", 200.0),
                Map.entry("kafka-consumer-order-status", 10.0), Map.entry("stream_threads.producer", 7.0),
                Map.entry("admin", 3.0));
        assertThat(StreamThreadTime.between(Optional.of(before), Optional.of(after)))
                .containsEntry("kafka_requests_per_s", Map.of("stream_threads.consumer", 400.0,
                        "kafka-consumer-order-status", 30.0, "total", 430.0));
    }

    @Test
    void namesAClientByItsRoleInItsApp() {
        assertThat(StreamThreadTime.clientRole(APP + "-StateUpdater-2-restore-consumer"))
                .isEqualTo("state_updaters.restore-consumer");
        assertThat(StreamThreadTime.clientRole("kafka-producer-orders-out")).isEqualTo("kafka-producer-orders-out");
        assertThat(StreamThreadTime.clientRole("floor-run-1f2e-StreamThread-1-producer"))
                .isEqualTo("stream_threads.producer");
    }

    @Test
    void saysSoWhenTheMetricsCouldNotBeRead() {
        assertThat(StreamThreadTime.between(Optional.empty(), Optional.empty())).containsKey("unavailable");
    }
}
