package dev.showfloor.inventory.stream;

import dev.showfloor.inventory.domain.InventoryDecider;
import dev.showfloor.inventory.domain.StockPosition;
import dev.showfloor.schemas.Topics;
import dev.showfloor.streamskit.JsonSerde;
import dev.showfloor.streamskit.StateStores;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;

/**
 * inventory.commands → one task per partition deciding in order per (location, sku) → inventory.events, the
 * compacted inventory.stock-levels and, for commands made for an order, inventory.hold-answers keyed by it.
 * Run with processing.guarantee=exactly_once_v2: the store update, the events and the consumed offset commit
 * atomically.
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
    static final String ANSWERS_SINK = "hold-answers";

    private InventoryTopology() {
    }

    public static Topology buildTopology(InventorySerdes serdes, InventoryDecider decider, Duration expiryScan,
                                         StateStores.Kind stores) {
        Topology topology = new Topology();
        topology.addSource(SOURCE, Serdes.String().deserializer(), serdes.commands().deserializer(),
                Topics.INVENTORY_COMMANDS.name());
        topology.addProcessor(PROCESSOR, () -> new CommandProcessor(decider, expiryScan), SOURCE);
        topology.addStateStore(StateStores.keyValue(stores, POSITIONS_STORE, Serdes.String(),
                JsonSerde.of(StockPosition.class)), PROCESSOR);
        topology.addStateStore(StateStores.keyValue(stores, HOLDS_STORE, Serdes.String(),
                JsonSerde.of(StockPosition.Hold.class)), PROCESSOR);
        topology.addStateStore(StateStores.keyValue(stores, BUYERS_STORE, Serdes.String(), Serdes.Integer()), PROCESSOR);
        for (String store : List.of(ENDED_STORE, EXPIRIES_STORE, CLEANUPS_STORE)) {
            topology.addStateStore(StateStores.keyValue(stores, store, Serdes.String(), Serdes.String()), PROCESSOR);
        }
        topology.addStateStore(StateStores.keyValue(stores, COMMANDS_STORE, Serdes.String(), Serdes.Long()), PROCESSOR);
        topology.addSink(EVENTS_SINK, Topics.INVENTORY_EVENTS.name(), Serdes.String().serializer(),
                serdes.events().serializer(), PROCESSOR);
        topology.addSink(ANSWERS_SINK, Topics.HOLD_ANSWERS.name(), Serdes.String().serializer(),
                serdes.events().serializer(), PROCESSOR);
        topology.addSink(LEVELS_SINK, Topics.STOCK_LEVELS.name(), Serdes.String().serializer(),
                serdes.levels().serializer(), PROCESSOR);
        return topology;
    }
}
