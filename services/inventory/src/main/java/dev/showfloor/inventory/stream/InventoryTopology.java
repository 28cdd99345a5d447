package dev.showfloor.inventory.stream;

import dev.showfloor.inventory.domain.InventoryDecider;
import dev.showfloor.inventory.domain.StockPosition;
import dev.showfloor.schemas.Topics;
import dev.showfloor.streamskit.JsonSerde;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * inventory.commands → one task per partition deciding in order per (location, sku) → inventory.events and
 * the compacted inventory.stock-levels. Run with processing.guarantee=exactly_once_v2: the store update, the
 * events and the consumed offset commit atomically.
 */
public final class InventoryTopology {
    public static final String POSITIONS_STORE = "stock-positions";
    public static final String EXPIRIES_STORE = "hold-expiries";
    static final String SOURCE = "commands";
    static final String PROCESSOR = "decide";
    static final String EVENTS_SINK = "events";
    static final String LEVELS_SINK = "stock-levels";

    private InventoryTopology() {
    }

    public static Topology buildTopology(InventorySerdes serdes, InventoryDecider decider, Duration expiryScan) {
        Topology topology = new Topology();
        topology.addSource(SOURCE, Serdes.String().deserializer(), serdes.commands().deserializer(),
                Topics.INVENTORY_COMMANDS.name());
        topology.addProcessor(PROCESSOR, () -> new CommandProcessor(decider, expiryScan), SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(POSITIONS_STORE),
                Serdes.String(), JsonSerde.of(StockPosition.class)), PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(EXPIRIES_STORE),
                Serdes.String(), Serdes.String()), PROCESSOR);
        topology.addSink(EVENTS_SINK, Topics.INVENTORY_EVENTS.name(), Serdes.String().serializer(),
                serdes.events().serializer(), PROCESSOR);
        topology.addSink(LEVELS_SINK, Topics.STOCK_LEVELS.name(), Serdes.String().serializer(),
                serdes.levels().serializer(), PROCESSOR);
        return topology;
    }
}
