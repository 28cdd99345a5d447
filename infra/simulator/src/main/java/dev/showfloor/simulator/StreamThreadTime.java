package dev.showfloor.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Where a Kafka Streams service's stream threads spent a benchmark phase: how often they committed, how long a commit
 * held a thread (the producer's flush, offsets and commit request, all blocking the thread, summed by Kafka's own
 * cumulative timers), and how many records one commit carried. Read from the service's Prometheus endpoint
 * ({@code /q/metrics}) before and after the phase, so it needs no agent in the service, or from an in-process stream
 * app's own metrics (the exactly-once floor's). The longest and mean calls come from Kafka's gauges read at the
 * phase's end: they span the app's metric window ({@code metrics.sample.window.ms} × {@code metrics.num.samples}),
 * which a benchmark shortens to {@link #BENCH_METRICS_WINDOW_MS} so that it does not reach into the phase before.
 * Alongside, the requests every Kafka client of the app sent the broker in the phase, per second and by the client's
 * role: at a paced rate the broker's work follows its requests and transactions more than the records in them.
 */
final class StreamThreadTime {
    private static final Pattern SAMPLE = Pattern.compile("^(kafka_\\w+)\\{([^}]*)} (\\S+)$");
    /** A stream thread's name in a metric's labels: its own thread id or its producer's or consumer's client id. */
    private static final Pattern STREAM_THREAD =
            Pattern.compile("(?:thread_id|client_id)=\"?[^\",}]*-(StreamThread-\\d+)");
    /** The cumulative counters read, by what they count. */
    private static final Map<String, String> COUNTED = Map.of(
            "kafka_stream_thread_commit_total", "commits",
            "kafka_stream_thread_process_total", "processed",
            "kafka_stream_thread_poll_total", "polls",
            "kafka_stream_thread_blocked_time_ns_total", "blocked_ns",
            "kafka_producer_flush_time_ns_total", "flush_ns",
            "kafka_producer_txn_send_offsets_time_ns_total", "send_offsets_ns",
            "kafka_producer_txn_commit_time_ns_total", "commit_transaction_ns");
    /**
     * The steps of an exactly-once commit that hold the stream thread, by their timer: the producer's flush (every
     * record of the transaction acknowledged), the consumed offsets added to the transaction, and the commit request.
     */
    private static final List<String> COMMIT_STEPS = List.of("flush_ns", "send_offsets_ns", "commit_transaction_ns");
    /**
     * Kafka Streams' per-thread latency gauges (milliseconds, the longest in the metric window), by what they time:
     * Kafka records a commit's time divided by the tasks it committed, a processing loop's by the records it
     * processed and a punctuation round's by its punctuators, so only a poll is one whole call.
     */
    private static final Map<String, String> LONGEST_CALLS = Map.of(
            "kafka_stream_thread_commit_latency_max", "commit_per_task", "kafka_stream_thread_poll_latency_max", "poll",
            "kafka_stream_thread_process_latency_max", "process_per_record",
            "kafka_stream_thread_punctuate_latency_max", "punctuate_per_punctuator",
            "kafka_producer_request_latency_max", "produce_request");
    /**
     * Gauges of a mean over the metric window, by what they time, averaged over the threads: a produce request's
     * round trip as the stream thread's producer saw it, the broker's share of a flush.
     */
    private static final Map<String, String> MEAN_CALLS = Map.of("kafka_producer_request_latency_avg",
            "produce_request");
    /**
     * The metric window ({@code metrics.sample.window.ms}; two samples) of every stream app a benchmark measures: a
     * tenth of Kafka's default, so gauges read at the end of a 10 s phase cover the last 3–6 s of it and nothing
     * before. {@code infra/local/stack bench} starts the services with the same.
     */
    static final int BENCH_METRICS_WINDOW_MS = 3_000;
    /** Each kind of Kafka client's count of the requests it sent, whichever broker they went to. */
    private static final Set<String> REQUEST_TOTALS = Set.of("kafka_consumer_request_total",
            "kafka_producer_request_total", "kafka_admin_client_request_total");
    private static final Pattern CLIENT_ID = Pattern.compile("client_id=\"?([^\",}]+)");
    /** The part of a stream app's client id that names one of its threads, summed over in a client's role. */
    private static final Pattern APP_THREAD = Pattern.compile("^.+-(StreamThread|StateUpdater)-\\d+-(.+)$");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * The counters of each stream thread (by its {@code StreamThread-N} name) at one instant, and the longest and
     * the mean call of each kind in the metric window, in milliseconds.
     */
    record Snapshot(long nanoTime, Map<String, Counters> byThread, Map<String, Double> longestCallMs,
                    Map<String, Double> meanCallMs, Map<String, Double> requestsByClientRole) {
        /** From a Prometheus text exposition, as a Quarkus service's {@code /q/metrics} names Kafka's metrics. */
        static Snapshot parse(long nanoTime, String exposition) {
            return of(nanoTime, exposition.lines().map(SAMPLE::matcher).filter(Matcher::matches)
                    .map(sample -> new Sample(sample.group(1), sample.group(2), Double.parseDouble(sample.group(3)))));
        }

        /** From an in-process client's own metrics (a stream app the benchmark runs), named as Quarkus names them. */
        static Snapshot of(long nanoTime, Map<MetricName, ? extends Metric> metrics) {
            return of(nanoTime, metrics.entrySet().stream()
                    .filter(metric -> metric.getValue().metricValue() instanceof Number)
                    .map(metric -> new Sample(prometheusName(metric.getKey()),
                            labels(metric.getKey().tags()),
                            ((Number) metric.getValue().metricValue()).doubleValue())));
        }

        private static Snapshot of(long nanoTime, Stream<Sample> samples) {
            Map<String, Counters> byThread = new TreeMap<>();
            Map<String, Double> longest = new TreeMap<>();
            Map<String, List<Double>> means = new TreeMap<>();
            Map<String, Double> requests = new TreeMap<>();
            samples.forEach(sample -> {
                if (REQUEST_TOTALS.contains(sample.name())) {
                    Matcher client = CLIENT_ID.matcher(sample.labels());
                    if (client.find()) {
                        requests.merge(clientRole(client.group(1)), sample.value(), Double::sum);
                    }
                    return;
                }
                Matcher thread = STREAM_THREAD.matcher(sample.labels());
                if (!thread.find()) {
                    return;
                }
                if (COUNTED.containsKey(sample.name())) {
                    byThread.merge(thread.group(1), Counters.of(COUNTED.get(sample.name()), sample.value()),
                            Counters::plus);
                } else if (LONGEST_CALLS.containsKey(sample.name()) && !Double.isNaN(sample.value())) {
                    longest.merge(LONGEST_CALLS.get(sample.name()), sample.value(), Math::max);
                } else if (MEAN_CALLS.containsKey(sample.name()) && !Double.isNaN(sample.value())) {
                    means.computeIfAbsent(MEAN_CALLS.get(sample.name()), call -> new ArrayList<>()).add(sample.value());
                }
            });
            Map<String, Double> mean = new TreeMap<>();
            means.forEach((call, values) -> mean.put(call,
                    PhaseCost.thousandths(values.stream().mapToDouble(Double::doubleValue).sum(), values.size())));
            return new Snapshot(nanoTime, byThread, longest, mean, requests);
        }
    }

    /** One metric's value with its labels as text, in which the stream thread's name is found. */
    private record Sample(String name, String labels, double value) {
    }

    /**
     * A client's role in its app: a stream app's clients by what they are to their threads, summed over the threads
     * ({@code stream_threads.consumer}, {@code state_updaters.restore-consumer}, {@code admin}); any other client by
     * its own id ({@code kafka-consumer-order-status}).
     */
    static String clientRole(String clientId) {
        Matcher thread = APP_THREAD.matcher(clientId);
        if (thread.matches()) {
            return (thread.group(1).equals("StreamThread") ? "stream_threads." : "state_updaters.") + thread.group(2);
        }
        return clientId.endsWith("-admin") ? "admin" : clientId;
    }

    /** Tags as Prometheus labels: {@code thread-id} → {@code thread_id}, values as they are. */
    private static String labels(Map<String, String> tags) {
        return tags.entrySet().stream().map(tag -> tag.getKey().replace('-', '_') + "=" + tag.getValue())
                .collect(Collectors.joining(","));
    }

    /** {@code stream-thread-metrics} / {@code commit-total} → {@code kafka_stream_thread_commit_total}. */
    static String prometheusName(MetricName metric) {
        return ("kafka_" + metric.group().replaceFirst("-metrics$", "") + "_" + metric.name()).replace('-', '_');
    }

    /** One stream thread's cumulative counters, by what they count ({@link #COUNTED}). */
    record Counters(Map<String, Double> totals) {
        static final Counters NONE = new Counters(Map.of());

        static Counters of(String counted, double value) {
            return new Counters(Map.of(counted, value));
        }

        double get(String counted) {
            return totals.getOrDefault(counted, 0.0);
        }

        Counters plus(Counters other) {
            return combined(other, 1);
        }

        Counters minus(Counters other) {
            return combined(other, -1);
        }

        private Counters combined(Counters other, int sign) {
            Map<String, Double> combined = new TreeMap<>(totals);
            other.totals.forEach((counted, value) -> combined.merge(counted, sign * value, Double::sum));
            return new Counters(combined);
        }

        double commitNanos() {
            return COMMIT_STEPS.stream().mapToDouble(this::get).sum();
        }
    }

    private StreamThreadTime() {
    }

    /** The service's stream-thread counters now; empty when its metrics cannot be read (the report says so). */
    static Optional<Snapshot> of(String serviceUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(serviceUrl + "/q/metrics"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    ? Optional.of(Snapshot.parse(System.nanoTime(), response.body())) : Optional.empty();
        } catch (IOException unreachable) {
            return Optional.empty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * What the stream threads did between two snapshots, per thread on average: commits per second, a commit's mean
     * milliseconds (in all and by step), the share of the phase each thread spent committing and blocked on Kafka (waiting in poll
     * included), and records processed and polls per commit.
     */
    static Map<String, Object> between(Optional<Snapshot> before, Optional<Snapshot> after) {
        Map<String, Object> report = new LinkedHashMap<>();
        if (before.isEmpty() || after.isEmpty() || after.get().byThread().isEmpty()) {
            report.put("unavailable", "the app's stream-thread metrics could not be read");
            return report;
        }
        int threads = after.get().byThread().size();
        Counters added = Counters.NONE;
        for (var thread : after.get().byThread().entrySet()) {
            added = added.plus(thread.getValue().minus(before.get().byThread().getOrDefault(thread.getKey(),
                    Counters.NONE)));
        }
        double threadNanos = (double) threads * (after.get().nanoTime() - before.get().nanoTime());
        double commits = added.get("commits");
        report.put("stream_threads", threads);
        report.put("commits_per_s_per_thread", PhaseCost.thousandths(commits * 1e9, threadNanos));
        report.put("committing_share", PhaseCost.thousandths(added.commitNanos(), threadNanos));
        report.put("blocked_share", PhaseCost.thousandths(added.get("blocked_ns"), threadNanos));
        if (commits > 0) {
            report.put("commit_ms_mean", PhaseCost.thousandths(added.commitNanos() / 1e6, commits));
            Map<String, Double> bySteps = new LinkedHashMap<>();
            for (String step : COMMIT_STEPS) {
                bySteps.put(step.replaceFirst("_ns$", ""), PhaseCost.thousandths(added.get(step) / 1e6, commits));
            }
            report.put("commit_ms_mean_by_step", bySteps);
            report.put("processed_per_commit", PhaseCost.thousandths(added.get("processed"), commits));
            report.put("polls_per_commit", PhaseCost.thousandths(added.get("polls"), commits));
        }
        double seconds = (after.get().nanoTime() - before.get().nanoTime()) / 1e9;
        report.put("kafka_requests_per_s", PhaseCost.perOperation(before.get().requestsByClientRole(),
                after.get().requestsByClientRole(), seconds));
        report.put("longest_call_ms_in_metric_window", after.get().longestCallMs());
        report.put("mean_call_ms_in_metric_window", after.get().meanCallMs());
        return report;
    }

    /** Snapshots of several stream apps taken when a phase starts; {@link #report} compares them with the end. */
    static final class Watch {
        private final Map<String, Supplier<Optional<Snapshot>>> sources;
        private final Map<String, Optional<Snapshot>> started = new LinkedHashMap<>();

        private Watch(Map<String, Supplier<Optional<Snapshot>>> sources) {
            this.sources = sources;
            sources.forEach((app, source) -> started.put(app, source.get()));
        }

        /** By app name, what its stream threads did since the watch started ({@link #between}). */
        Map<String, Object> report() {
            Map<String, Object> byApp = new LinkedHashMap<>();
            sources.forEach((app, source) -> byApp.put(app, between(started.get(app), source.get())));
            return byApp;
        }
    }

    /** Starts watching the stream threads of each service, given by name and base URL. */
    static Watch watchServices(Map<String, String> serviceUrls) {
        Map<String, Supplier<Optional<Snapshot>>> sources = new LinkedHashMap<>();
        serviceUrls.forEach((service, url) -> sources.put(service, () -> of(url)));
        return new Watch(sources);
    }

    /** Starts watching the stream threads of a stream app in this process. */
    static Watch watch(String app, KafkaStreams streams) {
        return new Watch(Map.of(app, () -> Optional.of(Snapshot.of(System.nanoTime(), streams.metrics()))));
    }
}
