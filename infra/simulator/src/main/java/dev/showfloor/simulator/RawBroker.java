package dev.showfloor.simulator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The broker alone: how many records of the services' size one producer gets acknowledged (acks=all) per
 * second. Every benchmark runs this first so its figures can be read as a ratio of what the machine gives.
 */
public final class RawBroker {
    static final String TOPIC = "bench.raw";

    private RawBroker() {
    }

    /** Returns acknowledged records per second. */
    public static double recordsPerSecond(String bootstrapServers, int records, int recordBytes) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        byte[] payload = new byte[recordBytes];
        ThreadLocalRandom.current().nextBytes(payload);
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        try (var producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            // Warm-up: connections, metadata, JIT.
            for (int i = 0; i < Math.min(records / 10, 20_000); i++) {
                producer.send(new ProducerRecord<>(TOPIC, payload));
            }
            producer.flush();
            long start = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(TOPIC, payload));
            }
            producer.flush();
            return records / ((System.nanoTime() - start) / 1e9);
        }
    }
}
