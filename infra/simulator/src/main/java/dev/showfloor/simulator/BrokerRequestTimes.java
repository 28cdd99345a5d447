package dev.showfloor.simulator;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Attribute;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Where the broker's time went in a benchmark phase, by kind of request: Kafka's own request metrics (how many of
 * each of the kinds that make up a phase's traffic, and the mean milliseconds each spent queued for a request
 * handler, handled, parked waiting on something else such as a fetch's wait for data, queued for its network
 * thread, and sent), and the request handlers' time in all. Read over JMX from the broker's JVM, which the Attach
 * API asks to start its local management agent, so the broker needs no JMX port. Kafka's histograms keep a
 * cumulative count and mean, so the phase's means are exact means of what Kafka recorded, which is each time
 * rounded to whole milliseconds (a part that always takes 0.3 ms reads 0); their percentiles and maxima span
 * minutes and are not read.
 */
final class BrokerRequestTimes implements AutoCloseable {
    /** One of Kafka's request-time histograms and the name that part of a request's time is reported under. */
    private record Part(String histogram, String reported) {
    }

    private static final List<Part> PARTS = List.of(new Part("RequestQueueTimeMs", "queued_ms"),
            new Part("LocalTimeMs", "handled_ms"), new Part("RemoteTimeMs", "parked_ms"),
            new Part("ResponseQueueTimeMs", "response_queued_ms"), new Part("ResponseSendTimeMs", "sent_ms"),
            new Part("TotalTimeMs", "total_ms"));
    /**
     * The kinds read: the data path and exactly-once bookkeeping, which are nearly all the requests in a phase
     * (every other kind came to at most 3 a second in the first runs). Every read is a round trip to the broker,
     * and all of Kafka's kinds and parts are 650 of them, 0.2–0.5 s of work for both JVMs.
     */
    private static final List<String> KINDS = List.of("Produce", "Fetch", "AddPartitionsToTxn", "AddOffsetsToTxn",
            "TxnOffsetCommit", "EndTxn", "WriteTxnMarkers", "InitProducerId", "OffsetCommit", "Heartbeat");

    /** One histogram's cumulative count and sum of milliseconds. */
    record Sum(long count, double ms) {
        static final Sum NONE = new Sum(0, 0);
    }

    /** The broker's request metrics at one moment: by kind (Produce, Fetch, EndTxn, ...), each part's {@link Sum}. */
    record Snapshot(long nanoTime, Map<String, Map<String, Sum>> byRequest) {
    }

    private final JMXConnector connector;
    private final String unreadBecause;
    private final Snapshot started;

    private BrokerRequestTimes(JMXConnector connector, String unreadBecause) {
        this.connector = connector;
        this.unreadBecause = unreadBecause;
        this.started = connector == null ? null : read().orElse(null);
    }

    /** Connects to the local stack's broker and takes the phase's first reading; never fails the benchmark. */
    static BrokerRequestTimes watchBroker() {
        AtomicLong brokerPid = new AtomicLong(-1);
        StackCpu.eachProcess((role, process) -> {
            if (role.equals("broker")) {
                brokerPid.set(process.pid());
            }
        });
        if (brokerPid.get() < 0) {
            return new BrokerRequestTimes(null, "no broker process found");
        }
        try {
            VirtualMachine broker = VirtualMachine.attach(Long.toString(brokerPid.get()));
            try {
                JMXServiceURL url = new JMXServiceURL(broker.startLocalManagementAgent());
                return new BrokerRequestTimes(JMXConnectorFactory.connect(url), null);
            } finally {
                broker.detach();
            }
        } catch (Exception | LinkageError refused) { // not attachable, or the JDK's attach module left out
            return new BrokerRequestTimes(null, "could not attach to the broker: " + refused);
        }
    }

    /** What the broker did since this watch started ({@link #between}), or why it could not be read. */
    Map<String, Object> report() {
        if (started == null) {
            return Map.of("unread",
                    unreadBecause == null ? "the broker's request metrics did not answer" : unreadBecause);
        }
        return read().map(now -> between(started, now))
                .orElseGet(() -> Map.of("unread", "the broker's request metrics did not answer at the phase's end"));
    }

    private Optional<Snapshot> read() {
        try {
            return Optional.of(snapshot(connector.getMBeanServerConnection()));
        } catch (IOException | JMException unanswered) {
            return Optional.empty();
        }
    }

    /** Reads the time histograms of the {@link #KINDS} from {@code server}; a kind or part it lacks is left out. */
    static Snapshot snapshot(MBeanServerConnection server) throws IOException, JMException {
        long nanoTime = System.nanoTime();
        Map<String, Map<String, Sum>> byRequest = new TreeMap<>();
        for (String kind : KINDS) {
            for (Part part : PARTS) {
                ObjectName histogram = new ObjectName(
                        "kafka.network:type=RequestMetrics,name=" + part.histogram() + ",request=" + kind);
                List<Attribute> values;
                try {
                    values = server.getAttributes(histogram, new String[] {"Count", "Mean"}).asList();
                } catch (InstanceNotFoundException notKept) { // another Kafka version's kinds
                    continue;
                }
                if (values.size() == 2) {
                    long count = ((Number) values.get(0).getValue()).longValue();
                    double mean = ((Number) values.get(1).getValue()).doubleValue();
                    byRequest.computeIfAbsent(kind, read -> new TreeMap<>())
                            .put(part.reported(), new Sum(count, mean * count));
                }
            }
        }
        return new Snapshot(nanoTime, byRequest);
    }

    /**
     * Between two snapshots: the milliseconds a second that request handlers spent handling requests of any kind
     * (what Kafka recorded, so rounded per request), and for each request kind that was sent, how many a second and
     * the mean milliseconds of each part of its time, the kinds most sent first.
     */
    static Map<String, Object> between(Snapshot before, Snapshot after) {
        double seconds = (after.nanoTime() - before.nanoTime()) / 1e9;
        double handledMs = 0;
        Map<String, Map<String, Double>> byRequest = new TreeMap<>();
        for (Map.Entry<String, Map<String, Sum>> kindParts : after.byRequest().entrySet()) {
            String kind = kindParts.getKey();
            Map<String, Sum> parts = kindParts.getValue();
            Map<String, Sum> earlier = before.byRequest().getOrDefault(kind, Map.of());
            Sum total = parts.get("total_ms");
            long sent = total == null ? 0 : total.count() - earlier.getOrDefault("total_ms", Sum.NONE).count();
            if (sent <= 0) {
                continue;
            }
            Sum handled = parts.get("handled_ms");
            if (handled != null) {
                handledMs += handled.ms() - earlier.getOrDefault("handled_ms", Sum.NONE).ms();
            }
            Map<String, Double> times = new LinkedHashMap<>();
            times.put("per_s", Math.round(10 * sent / seconds) / 10.0);
            for (Part part : PARTS) {
                Sum now = parts.get(part.reported());
                Sum then = earlier.getOrDefault(part.reported(), Sum.NONE);
                if (now != null && now.count() > then.count()) {
                    times.put(part.reported(), PhaseCost.thousandths(now.ms() - then.ms(), now.count() - then.count()));
                }
            }
            byRequest.put(kind, times);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("handled_ms_per_s", Math.round(10 * handledMs / seconds) / 10.0);
        List<Map.Entry<String, Map<String, Double>>> mostSentFirst = byRequest.entrySet().stream()
                .sorted((a, b) -> Double.compare(b.getValue().get("per_s"), a.getValue().get("per_s"))).toList();
        Map<String, Object> requests = new LinkedHashMap<>();
        mostSentFirst.forEach(entry -> requests.put(entry.getKey(), entry.getValue()));
        report.put("requests", requests);
        return report;
    }

    @Override
    public void close() {
        if (connector != null) {
            try {
                connector.close();
            } catch (IOException alreadyGone) {
                // the broker stopped first; nothing to release
            }
        }
    }
}
