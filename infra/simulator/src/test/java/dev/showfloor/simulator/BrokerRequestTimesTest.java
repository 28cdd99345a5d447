package dev.showfloor.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BrokerRequestTimesTest {
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final List<ObjectName> registered = new ArrayList<>();

    @AfterEach
    void unregister() throws Exception {
        for (ObjectName name : registered) {
            server.unregisterMBean(name);
        }
    }

    @Test
    void readsEachKindsPartsAsCountAndSumAndSkipsWhatIsNotAPart() throws Exception {
        histogram("TotalTimeMs", "Produce", 400, 4.25);
        histogram("RequestQueueTimeMs", "Produce", 400, 2.0);
        histogram("TotalTimeMs", "EndTxn", 10, 3.0);
        histogram("RequestsPerSec", "Produce", 400, 0.0); // a meter, not a part of a request's time
        histogram("TotalTimeMs", "Fetch", 20, 450.0);
        histogram("TotalTimeMs", "FetchConsumer", 20, 450.0); // the same fetches again

        BrokerRequestTimes.Snapshot read = BrokerRequestTimes.snapshot(server);

        assertThat(read.byRequest()).containsOnlyKeys("Produce", "EndTxn", "Fetch");
        assertThat(read.byRequest().get("Produce")).containsOnly(
                Map.entry("total_ms", new BrokerRequestTimes.Sum(400, 1_700.0)),
                Map.entry("queued_ms", new BrokerRequestTimes.Sum(400, 800.0)));
    }

    @Test
    void aPhaseGivesEachKindsRateAndMeanPartsWithTheMostSentFirst() {
        BrokerRequestTimes.Snapshot before = new BrokerRequestTimes.Snapshot(0, Map.of(
                "Produce", Map.of("total_ms", sum(100, 2.0), "queued_ms", sum(100, 0.5), "handled_ms", sum(100, 1.0)),
                "Fetch", Map.of("total_ms", sum(50, 400.0)),
                "EndTxn", Map.of("total_ms", sum(10, 3.0), "handled_ms", sum(10, 1.0))));
        // Ten seconds: 300 more Produce requests of 5 ms (2.5 of it queued, 2 handled), 10 more fetches parked
        // 500 ms, no EndTxn.
        BrokerRequestTimes.Snapshot after = new BrokerRequestTimes.Snapshot(10_000_000_000L, Map.of(
                "Produce", Map.of("total_ms", sum(400, (100 * 2.0 + 300 * 5.0) / 400),
                        "queued_ms", sum(400, (100 * 0.5 + 300 * 2.5) / 400),
                        "handled_ms", sum(400, (100 * 1.0 + 300 * 2.0) / 400)),
                "Fetch", Map.of("total_ms", sum(60, (50 * 400.0 + 10 * 500.0) / 60)),
                "EndTxn", Map.of("total_ms", sum(10, 3.0), "handled_ms", sum(10, 1.0)),
                "Heartbeat", Map.of("total_ms", sum(2, 0.0))));

        Map<String, Object> report = BrokerRequestTimes.between(before, after);

        assertThat(report).containsEntry("handled_ms_per_s", 60.0); // 300 x 2 ms in 10 s
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Double>> requests = (Map<String, Map<String, Double>>) report.get("requests");
        assertThat(requests.keySet()).containsExactly("Produce", "Fetch", "Heartbeat");
        assertThat(requests.get("Produce")).containsExactly(Map.entry("per_s", 30.0), Map.entry("queued_ms", 2.5),
                Map.entry("handled_ms", 2.0), Map.entry("total_ms", 5.0));
        assertThat(requests.get("Fetch")).containsEntry("per_s", 1.0).containsEntry("total_ms", 500.0);
        assertThat(requests.get("Heartbeat")).containsEntry("per_s", 0.2).containsEntry("total_ms", 0.0);
    }

    @Test
    void aQuietPhaseHasNoRequests() {
        BrokerRequestTimes.Snapshot quiet = new BrokerRequestTimes.Snapshot(0, Map.of("Produce",
                Map.of("total_ms", sum(5, 1.0))));
        assertThat(BrokerRequestTimes.between(quiet, new BrokerRequestTimes.Snapshot(1_000_000_000L,
                quiet.byRequest()))).containsEntry("handled_ms_per_s", 0.0).containsEntry("requests", Map.of());
    }

    private static BrokerRequestTimes.Sum sum(long count, double mean) {
        return new BrokerRequestTimes.Sum(count, mean * count);
    }

    private void histogram(String name, String request, long count, double mean) throws Exception {
        register("kafka.network:type=RequestMetrics,name=" + name + ",request=" + request,
                Map.of("Count", count, "Mean", mean));
    }

    private void register(String name, Map<String, Object> values) throws Exception {
        ObjectName objectName = new ObjectName(name);
        server.registerMBean(new Attributes(Map.copyOf(values)), objectName);
        registered.add(objectName);
    }

    /** A read-only MBean with fixed attributes, standing in for one of Kafka's metrics. */
    private record Attributes(Map<String, Object> values) implements DynamicMBean {
        @Override
        public Object getAttribute(String attribute) throws AttributeNotFoundException {
            if (!values.containsKey(attribute)) {
                throw new AttributeNotFoundException(attribute);
            }
            return values.get(attribute);
        }

        @Override
        public AttributeList getAttributes(String[] attributes) {
            AttributeList list = new AttributeList();
            for (String attribute : attributes) {
                list.add(new Attribute(attribute, values.get(attribute)));
            }
            return list;
        }

        @Override
        public void setAttribute(Attribute attribute) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public AttributeList setAttributes(AttributeList attributes) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public Object invoke(String action, Object[] params, String[] signature) {
            throw new UnsupportedOperationException("no operations");
        }

        @Override
        public MBeanInfo getMBeanInfo() {
            return new MBeanInfo(Attributes.class.getName(), "test metric", null, null, null, null);
        }
    }
}
