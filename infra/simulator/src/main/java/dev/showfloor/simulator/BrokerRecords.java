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
 * operations ({@link PhaseCost}) is what one operation costs the broker in records, the unit the raw figure is
 * measured in.
 */
final class BrokerRecords implements AutoCloseable {
    private final Admin admin;

    BrokerRecords(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Records stored so far per topic. */
    Map<String, Long> byTopic() {
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

    private static java.util.stream.Stream<TopicPartition> partitions(TopicDescription topic) {
        return topic.partitions().stream().map(partition -> new TopicPartition(topic.name(), partition.partition()));
    }

    @Override
    public void close() {
        admin.close();
    }
}
