package dev.showfloor.simulator;

import dev.showfloor.events.checkout.OrderConfirmed;
import dev.showfloor.events.checkout.OrderEvent;
import dev.showfloor.events.checkout.OrderPlaced;
import dev.showfloor.events.checkout.PaymentAuthorized;
import dev.showfloor.events.checkout.PaymentRequested;
import dev.showfloor.events.common.Envelope;
import dev.showfloor.events.inventory.HoldPlaced;
import dev.showfloor.events.inventory.InventoryCommand;
import dev.showfloor.events.inventory.InventoryEvent;
import dev.showfloor.events.inventory.PlaceHold;
import dev.showfloor.schemas.Topics;
import dev.showfloor.streamskit.CachedSchemaAvroDeserializer;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Where an order's time goes: when each step on its path was decided (its event's {@code occurredAt}), relative to
 * the client's tap, read back from the logs after a benchmark phase. The gap between two steps is the later step's
 * wait for the earlier one's transaction to commit and be fetched, plus its own work.
 */
final class OrderTimeline implements AutoCloseable {
    /** The steps of a one-line order, in order. */
    enum Step { ACCEPTED, HOLDS_REQUESTED, HELD, PAYMENT_REQUESTED, PAYMENT_ANSWERED, CONFIRMED, CLIENT_ANSWERED }

    private static final List<String> TOPICS = List.of(Topics.ORDER_EVENTS.name(), Topics.INVENTORY_COMMANDS.name(),
            Topics.HOLD_ANSWERS.name());
    private final KafkaConsumer<String, SpecificRecord> consumer;
    private final List<TopicPartition> partitions;
    private final Map<TopicPartition, Long> from;
    /** Per order: wall-clock millis of the tap and of the client learning the decision. */
    private final Map<String, long[]> clientTimes = new ConcurrentHashMap<>();

    /** Starts watching: steps decided from now on are read back by {@link #readBack()}. */
    OrderTimeline(String bootstrapServers, String registryApiUrl) {
        Map<String, Object> config = new HashMap<>(Map.of(
                "apicurio.registry.url", registryApiUrl,
                "apicurio.registry.use-specific-avro-reader", "true"));
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-timeline-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        var deserializer = new CachedSchemaAvroDeserializer<SpecificRecord>();
        deserializer.configure(config, false);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), deserializer);
        partitions = TOPICS.stream().flatMap(topic -> consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))).toList();
        from = consumer.endOffsets(partitions);
    }

    /** One order's client side: when it was tapped and when the client knew it was confirmed. */
    void client(String orderId, long tappedMillis, long answeredMillis) {
        clientTimes.put(orderId, new long[] {tappedMillis, answeredMillis});
    }

    /**
     * What {@link #readBack()} found: per step, the p50 and p99 of its time since the tap over the orders whose
     * every step was seen, with their count; and one CSV row per such order by tap time (when it was tapped, epoch
     * millis, and each step's millis since the tap), which tells bunched slow orders (a stall) from spread ones.
     */
    record Readback(Map<String, Object> percentiles, String ordersCsv) {
    }

    /** Reads every step written since this timeline started. */
    Readback readBack() {
        Map<TopicPartition, Long> until = consumer.endOffsets(partitions);
        consumer.assign(partitions);
        from.forEach(consumer::seek);
        Map<String, EnumMap<Step, Long>> steps = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (partitions.stream().anyMatch(partition -> consumer.position(partition) < until.get(partition))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read the order timeline back within 60 s");
            }
            for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(200))) {
                record(steps, record.value());
            }
        }
        Map<Step, Latencies> sinceTap = new EnumMap<>(Step.class);
        StringBuilder csv = new StringBuilder("order_id,tapped_epoch_ms");
        for (Step step : Step.values()) {
            csv.append(',').append(step.name().toLowerCase()).append("_ms");
        }
        csv.append('\n');
        int complete = 0;
        List<Map.Entry<String, long[]>> byTap = clientTimes.entrySet().stream()
                .sorted(Map.Entry.comparingByValue(Comparator.comparingLong(times -> times[0]))).toList();
        for (Map.Entry<String, long[]> order : byTap) {
            EnumMap<Step, Long> seen = steps.get(order.getKey());
            if (seen == null || seen.size() != Step.values().length - 1) {
                continue;
            }
            complete++;
            seen.put(Step.CLIENT_ANSWERED, order.getValue()[1]);
            long tapped = order.getValue()[0];
            csv.append(order.getKey()).append(',').append(tapped);
            seen.forEach((step, at) -> {
                csv.append(',').append(at - tapped);
                sinceTap.computeIfAbsent(step, s -> new Latencies()).add((at - tapped) * 1_000_000L);
            });
            csv.append('\n');
        }
        Map<String, Object> percentiles = new LinkedHashMap<>();
        percentiles.put("orders", complete);
        sinceTap.forEach((step, latencies) -> percentiles.put(step.name().toLowerCase(), Map.of(
                "p50_ms", latencies.percentileMillis(50), "p99_ms", latencies.percentileMillis(99))));
        return new Readback(percentiles, csv.toString());
    }

    private static void record(Map<String, EnumMap<Step, Long>> steps, SpecificRecord value) {
        switch (value) {
            case OrderEvent event -> {
                Step step = switch (event.getPayload()) {
                    case OrderPlaced placed -> Step.ACCEPTED;
                    case PaymentRequested requested -> Step.PAYMENT_REQUESTED;
                    case PaymentAuthorized authorized -> Step.PAYMENT_ANSWERED;
                    case OrderConfirmed confirmed -> Step.CONFIRMED;
                    default -> null;
                };
                if (step != null) {
                    note(steps, orderIdOf(event.getPayload()), step, event.getEnvelope());
                }
            }
            case InventoryCommand command when command.getPayload() instanceof PlaceHold hold ->
                    note(steps, hold.getOrderId(), Step.HOLDS_REQUESTED, command.getEnvelope());
            case InventoryEvent event when event.getPayload() instanceof HoldPlaced held ->
                    note(steps, held.getOrderId(), Step.HELD, event.getEnvelope());
            default -> { }
        }
    }

    private static String orderIdOf(Object payload) {
        return switch (payload) {
            case OrderPlaced placed -> placed.getOrderId();
            case PaymentRequested requested -> requested.getOrderId();
            case PaymentAuthorized authorized -> authorized.getOrderId();
            case OrderConfirmed confirmed -> confirmed.getOrderId();
            default -> throw new IllegalArgumentException("not a step: " + payload);
        };
    }

    /** The latest decision of a step counts (an order's last hold decides when it is held). */
    private static void note(Map<String, EnumMap<Step, Long>> steps, String orderId, Step step, Envelope envelope) {
        if (orderId != null) {
            steps.computeIfAbsent(orderId, id -> new EnumMap<>(Step.class))
                    .merge(step, envelope.getOccurredAt().toEpochMilli(), Math::max);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
