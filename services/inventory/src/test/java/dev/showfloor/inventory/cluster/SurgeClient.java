package dev.showfloor.inventory.cluster;

import dev.showfloor.events.common.Envelope;
import dev.showfloor.events.inventory.InventoryCommand;
import dev.showfloor.events.inventory.InventoryEvent;
import dev.showfloor.inventory.domain.CommandAddress;
import dev.showfloor.schemas.Topics;
import dev.showfloor.testsupport.TestInfra;
import dev.showfloor.streamskit.AvroSerdes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes inventory commands and reads committed inventory events, with the services' registry-backed serdes. */
final class SurgeClient implements AutoCloseable {
    private final KafkaProducer<String, InventoryCommand> producer;
    private final KafkaConsumer<String, InventoryEvent> consumer;

    SurgeClient(TestInfra.Endpoints infra) {
        Map<String, Object> producerConfig = new HashMap<>();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers());
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
                AvroSerdes.<InventoryCommand>apicurio(infra.registryApiUrl()).serializer());
        Map<String, Object> consumerConfig = new HashMap<>();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers());
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "surge-reader-" + UUID.randomUUID());
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                AvroSerdes.<InventoryEvent>apicurio(infra.registryApiUrl()).deserializer());
        consumer.subscribe(Set.of(Topics.INVENTORY_EVENTS.name()));
    }

    void send(Object command) {
        Envelope envelope = Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setCorrelationId("surge").setCausationId(null).setProducer("surge-test").setShopperId(null).build();
        producer.send(new ProducerRecord<>(Topics.INVENTORY_COMMANDS.name(), CommandAddress.of(command).key(),
                new InventoryCommand(envelope, command)));
    }

    void flush() {
        producer.flush();
    }

    /** Polls once and hands every event payload to {@code sink}. */
    void poll(Consumer<Object> sink) {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> sink.accept(record.value().getPayload()));
    }


    @Override
    public void close() {
        producer.close();
        consumer.close();
    }
}
