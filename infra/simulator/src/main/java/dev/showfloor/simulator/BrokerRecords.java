package dev.showfloor.simulator;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * Everything the broker has stored so far: the sum of every partition's end offset, internal topics (offsets,
 * transaction state) and transaction markers included. The difference across a benchmark phase divided by its
 * operations is what one operation costs the broker in records, the unit the raw figure is measured in.
 */
final class BrokerRecords implements AutoCloseable {
    private final Admin admin;

    /** A benchmark phase that returns its operations per second. */
    @FunctionalInterface
    interface Phase {
        double run() throws InterruptedException;
    }

    /**
     * What a phase measured: its rate, the broker records each operation wrote ({@link #perOperation}) and the
     * CPU milliseconds it cost each process of the stack ({@link StackCpu}).
     */
    record Measured(double perSecond, Map<String, Double> recordsPerOperation, Map<String, Double> cpuMsPerOperation) {
    }

    /** Runs {@code phase} of {@code operations} operations, counting the broker's records and CPU around it. */
    static Measured around(String bootstrapServers, int operations, Phase phase) throws InterruptedException {
        try (BrokerRecords broker = new BrokerRecords(bootstrapServers)) {
            Map<String, Long> before = broker.byTopic();
            Map<String, java.time.Duration> cpuBefore = StackCpu.snapshot();
            double perSecond = phase.run();
            Map<String, java.time.Duration> cpuAfter = StackCpu.snapshot();
            return new Measured(perSecond, perOperation(before, broker.byTopic(), operations),
                    StackCpu.millisPerOperation(cpuBefore, cpuAfter, operations));
        }
    }

    private BrokerRecords(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Records stored so far per topic. */
    private Map<String, Long> byTopic() {
        try {
            Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names()
                    .get(30, TimeUnit.SECONDS).stream().filter(topic -> !topic.equals(RawBroker.TOPIC))
                    .collect(Collectors.toSet());
            Map<TopicPartition, OffsetSpec> ends = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS)
                    .values().stream().flatMap(BrokerRecords::partitions)
                    .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
            Map<String, Long> stored = new java.util.TreeMap<>();
            admin.listOffsets(ends).all().get(30, TimeUnit.SECONDS)
                    .forEach((partition, info) -> stored.merge(partition.topic(), info.offset(), Long::sum));
            return stored;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting the broker's records", interrupted);
        } catch (Exception failure) {
            throw new IllegalStateException("could not count the broker's records", failure);
        }
    }

    /**
     * What one operation of a phase wrote, per topic and in all ({@code total}): the difference between two
     * {@link #byTopic()} snapshots divided by the phase's operations; topics it did not write are left out.
     */
    static Map<String, Double> perOperation(Map<String, Long> before, Map<String, Long> after, int operations) {
        Map<String, Double> perOperation = new java.util.LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, Long> topic : after.entrySet()) {
            long written = topic.getValue() - before.getOrDefault(topic.getKey(), 0L);
            if (written > 0) {
                double share = Math.round(1000.0 * written / operations) / 1000.0;
                perOperation.put(topic.getKey(), share);
                total += written;
            }
        }
        perOperation.put("total", Math.round(1000.0 * total / operations) / 1000.0);
        return perOperation;
    }

    private static java.util.stream.Stream<TopicPartition> partitions(TopicDescription topic) {
        return topic.partitions().stream().map(partition -> new TopicPartition(topic.name(), partition.partition()));
    }

    @Override
    public void close() {
        admin.close();
    }
}
