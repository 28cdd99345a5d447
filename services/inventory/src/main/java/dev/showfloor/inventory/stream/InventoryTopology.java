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
    public static final String HOLDS_STORE = "holds";
    public static final String BUYERS_STORE = "buyer-units";
    public static final String ENDED_STORE = "ended-holds";
    public static final String COMMANDS_STORE = "processed-commands";
    public static final String EXPIRIES_STORE = "hold-expiries";
    public static final String CLEANUPS_STORE = "cleanups";
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
        // Cached stores: writes to a hot key (a drop's SKU) between two commits reach the changelog once.
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(POSITIONS_STORE),
                Serdes.String(), JsonSerde.of(StockPosition.class)).withCachingEnabled(), PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HOLDS_STORE),
                Serdes.String(), JsonSerde.of(StockPosition.Hold.class)).withCachingEnabled(), PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BUYERS_STORE),
                Serdes.String(), Serdes.Integer()).withCachingEnabled(), PROCESSOR);
        for (String store : java.util.List.of(ENDED_STORE, EXPIRIES_STORE, CLEANUPS_STORE)) {
            topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store),
                    Serdes.String(), Serdes.String()).withCachingEnabled(), PROCESSOR);
        }
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(COMMANDS_STORE),
                Serdes.String(), Serdes.Long()).withCachingEnabled(), PROCESSOR);
        topology.addSink(EVENTS_SINK, Topics.INVENTORY_EVENTS.name(), Serdes.String().serializer(),
                serdes.events().serializer(), PROCESSOR);
        topology.addSink(LEVELS_SINK, Topics.STOCK_LEVELS.name(), Serdes.String().serializer(),
                serdes.levels().serializer(), PROCESSOR);
        return topology;
    }
}
