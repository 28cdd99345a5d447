package dev.showfloor.inventory.stream;

import dev.showfloor.inventory.domain.InventoryDecider;
import dev.showfloor.schemas.Topics;
import dev.showfloor.streamskit.StateStores;
import java.time.Duration;
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
    /**
     * A key-value store with an in-memory forget index since 2026-12-06 ({@link BuyerUnits}); before, the window
     * store "buyer-units-recent", and before that the key-value "buyer-units", which kept every count forever.
     * Each new name starts a fresh changelog, so an upgrade forgets the counts of drops selling at that moment.
     */
    public static final String BUYERS_STORE = "buyer-counts";
    /**
     * A window store since 2026-12; the key-value "command-history" it replaced kept another changelog format,
     * so the new name starts a fresh changelog instead of misreading the old one (an upgrade forgets at most one
     * de-duplication window).
     */
    public static final String HISTORY_STORE = "dedupe-history";
    static final String SOURCE = "commands";
    static final String PROCESSOR = "decide";
    static final String EVENTS_SINK = "events";
    static final String LEVELS_SINK = "stock-levels";
    static final String ANSWERS_SINK = "hold-answers";

    private InventoryTopology() {
    }

    /**
     * @param levelInterval how often the stock levels of changed positions are published (wall-clock time)
     * @param liveStores    where live state goes (positions, holds, buyer counts): bounded by what is on the
     *                      shelf and held right now, and for buyer counts by the units held or sold in the
     *                      buyer-cap window
     * The de-duplication history (processed commands and ended holds) grows with traffic over its window, so it
     * is a time-segmented store, always in RocksDB.
     */
    public static Topology buildTopology(InventorySerdes serdes, InventoryDecider decider, Duration expiryScan,
                                         Duration levelInterval, StateStores.Kind liveStores) {
        Topology topology = new Topology();
        topology.addSource(SOURCE, Serdes.String().deserializer(), serdes.commands().deserializer(),
                Topics.INVENTORY_COMMANDS.name());
        topology.addProcessor(PROCESSOR, () -> new CommandProcessor(decider, expiryScan, levelInterval), SOURCE);
        // Without the record cache: a cached position reached its changelog only when the commit flushed the cache,
        // and the commit then waited for those records too, holding the stream thread (and every hold queued
        // behind it) about twice as long; uncached, positions go out with the events they come with
        // (docs/BENCHMARKS.md, thirty-eighth session: the flush 1.1-1.8x the exactly-once floor's against 2.5-5x,
        // the p99 target at half the maximum met in three runs of six against two of eight).
        topology.addStateStore(StateStores.keyValueUncached(liveStores, POSITIONS_STORE, Serdes.String(),
                InventoryStateSerdes.positions()), PROCESSOR);
        // Holds are only ever read by key (positions are also listed per location).
        topology.addStateStore(StateStores.byKey(liveStores, HOLDS_STORE, Serdes.String(),
                InventoryStateSerdes.holds()), PROCESSOR);
        topology.addStateStore(StateStores.byKey(liveStores, BUYERS_STORE, Serdes.String(),
                InventoryStateSerdes.buyerCounts()), PROCESSOR);
        topology.addStateStore(StateStores.history(HISTORY_STORE, decider.policy().dedupeWindow(),
                Serdes.String(), Serdes.String()), PROCESSOR);
        topology.addSink(EVENTS_SINK, Topics.INVENTORY_EVENTS.name(), Serdes.String().serializer(),
                serdes.events().serializer(), PROCESSOR);
        topology.addSink(ANSWERS_SINK, Topics.HOLD_ANSWERS.name(), Serdes.String().serializer(),
                serdes.events().serializer(), PROCESSOR);
        topology.addSink(LEVELS_SINK, Topics.STOCK_LEVELS.name(), Serdes.String().serializer(),
                serdes.levels().serializer(), PROCESSOR);
        return topology;
    }
}
