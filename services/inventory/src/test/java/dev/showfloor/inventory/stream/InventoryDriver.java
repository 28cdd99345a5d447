package dev.showfloor.inventory.stream;

import dev.showfloor.events.common.Envelope;
import dev.showfloor.events.inventory.InventoryCommand;
import dev.showfloor.events.inventory.InventoryEvent;
import dev.showfloor.events.inventory.StockLevel;
import dev.showfloor.inventory.domain.CommandAddress;
import dev.showfloor.inventory.domain.InventoryDecider;
import dev.showfloor.inventory.domain.InventoryPolicy;
import dev.showfloor.inventory.domain.StockPosition;
import dev.showfloor.schemas.Topics;
import dev.showfloor.streamskit.StateStores;
import dev.showfloor.testsupport.RegistryFreeAvroSerde;
import dev.showfloor.testsupport.TopologyTestProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/** The inventory topology on a TopologyTestDriver with a controllable wall clock. */
final class InventoryDriver implements AutoCloseable {
    static final Instant START = Instant.parse("2026-12-05T10:00:00Z");
    /** Levels are published on a wall-clock schedule; reading one moves the clock on by this much first. */
    static final Duration LEVEL_INTERVAL = Duration.ofMillis(1);
    static final InventorySerdes SERDES = new InventorySerdes(RegistryFreeAvroSerde.of(InventoryCommand.class),
            RegistryFreeAvroSerde.of(InventoryEvent.class), RegistryFreeAvroSerde.of(StockLevel.class));

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, InventoryCommand> commands;
    private final TestOutputTopic<String, InventoryEvent> events;
    private final TestOutputTopic<String, StockLevel> levels;
    private final TestOutputTopic<String, InventoryEvent> answers;
    private final Map<String, StockLevel> latestLevels = new HashMap<>();
    private final List<Object> history = new ArrayList<>();

    InventoryDriver(InventoryPolicy policy) {
        this(policy, StateStores.Kind.MEMORY);
    }

    InventoryDriver(InventoryPolicy policy, StateStores.Kind liveStores) {
        Properties props = TopologyTestProperties.forApplication("inventory-test");
        driver = new TopologyTestDriver(InventoryTopology.buildTopology(SERDES, new InventoryDecider(policy),
                Duration.ofSeconds(1), LEVEL_INTERVAL, liveStores), props, START);
        commands = driver.createInputTopic(Topics.INVENTORY_COMMANDS.name(), Serdes.String().serializer(),
                SERDES.commands().serializer());
        events = driver.createOutputTopic(Topics.INVENTORY_EVENTS.name(), Serdes.String().deserializer(),
                SERDES.events().deserializer());
        levels = driver.createOutputTopic(Topics.STOCK_LEVELS.name(), Serdes.String().deserializer(),
                SERDES.levels().deserializer());
        answers = driver.createOutputTopic(Topics.HOLD_ANSWERS.name(), Serdes.String().deserializer(),
                SERDES.events().deserializer());
    }

    /** Answers written to inventory.hold-answers since the last call: order id → payload, in order. */
    List<Map.Entry<String, Object>> answers() {
        return answers.readKeyValuesToList().stream()
                .map(answer -> Map.entry(answer.key, answer.value.getPayload())).toList();
    }

    /** Sends one command under its proper key; returns the event payloads it caused. */
    List<Object> send(Object command) {
        return sendWithKey(CommandAddress.of(command).key(), command);
    }

    List<Object> sendWithKey(String key, Object command) {
        Envelope envelope = Envelope.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(START).setCorrelationId("test").setCausationId(null).setProducer("test")
                .setShopperId(null).build();
        commands.pipeInput(key, new InventoryCommand(envelope, command));
        return drain();
    }

    /** Moves the wall clock on (punctuations fire); returns the events that caused. */
    List<Object> advance(Duration duration) {
        driver.advanceWallClockTime(duration);
        return drain();
    }

    /** Records written so far to the de-duplication history's changelog. */
    long historyChangelogRecords() {
        return driver.createOutputTopic("inventory-test-" + InventoryTopology.HISTORY_STORE + "-changelog",
                Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer()).getQueueSize();
    }

    /** Punctuations run so far: each commits the task, a transaction under exactly-once. */
    double punctuations() {
        return driver.metrics().entrySet().stream().filter(metric -> metric.getKey().name().equals("punctuate-total"))
                .mapToDouble(metric -> ((Number) metric.getValue().metricValue()).doubleValue()).sum();
    }

    StockLevel level(String locationId, String sku) {
        advance(LEVEL_INTERVAL);
        levels.readKeyValuesToMap().forEach(latestLevels::put);
        return latestLevels.get(locationId + ":" + sku);
    }

    /** Every stock-level record published when the clock next moves on by {@link #LEVEL_INTERVAL}. */
    List<org.apache.kafka.streams.KeyValue<String, StockLevel>> publishedLevels() {
        advance(LEVEL_INTERVAL);
        return levels.readKeyValuesToList();
    }

    StockPosition position(String key) {
        return driver.<String, StockPosition>getKeyValueStore(InventoryTopology.POSITIONS_STORE).get(key);
    }

    /** Every event payload the topology wrote so far, in order. */
    List<Object> history() {
        return List.copyOf(history);
    }

    KeyValueStore<String, StockPosition> positions() {
        return driver.getKeyValueStore(InventoryTopology.POSITIONS_STORE);
    }

    /** Active holds of one (location, sku): hold id → units. */
    Map<String, Integer> holds(String key) {
        Map<String, Integer> holds = new java.util.TreeMap<>();
        try (var entries = driver.<String, StockPosition.Hold>getKeyValueStore(InventoryTopology.HOLDS_STORE)
                .prefixScan(key + "|", Serdes.String().serializer())) {
            entries.forEachRemaining(entry -> holds.put(entry.value.holdId(), entry.value.quantity()));
        }
        return holds;
    }

    private List<Object> drain() {
        List<Object> payloads = events.readValuesToList().stream().map(InventoryEvent::getPayload).toList();
        history.addAll(payloads);
        return payloads;
    }

    @Override
    public void close() {
        driver.close();
    }
}
