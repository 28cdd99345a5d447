package dev.showfloor.inventory.stream;

import dev.showfloor.events.common.Envelope;
import dev.showfloor.events.inventory.CommandRejectionReason;
import dev.showfloor.events.inventory.HoldPlaced;
import dev.showfloor.events.inventory.InventoryCommand;
import dev.showfloor.events.inventory.InventoryCommandRejected;
import dev.showfloor.events.inventory.InventoryEvent;
import dev.showfloor.inventory.domain.CommandAddress;
import dev.showfloor.inventory.domain.InventoryDecider;
import dev.showfloor.inventory.domain.StockPosition;
import dev.showfloor.streamskit.DuePunctuation;
import dev.showfloor.streamskit.RecentValues;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Applies commands to the (location, sku) positions of this task, expires holds when they fall due (served within
 * {@code expiryScan}) and publishes each changed position's stock level at most once per {@code levelInterval}.
 */
final class CommandProcessor implements Processor<String, InventoryCommand, String, Object> {
    static final String PRODUCER = "inventory";
    private final InventoryDecider decider;
    private final Duration expiryScan;
    private final Duration levelInterval;
    /**
     * Positions changed since their level was last published, by key. The compacted stock-levels topic only
     * keeps the latest level per key, so one record per key per interval says what one per command did, at a
     * fifth of a hold's broker records. In memory only: {@link #init} marks every position of the task, so a
     * level that a crash kept from being published after its position committed is published on restart.
     */
    private final Map<String, StockPosition> unpublishedLevels = new HashMap<>();
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, StockPosition> positions;
    private KeyValueStore<String, StockPosition.Hold> holds;
    private BuyerUnits buyers;
    private CommandHistory history;
    private HoldExpiries expiries;
    private DuePunctuation expiryRuns;
    private DuePunctuation levelRuns;

    CommandProcessor(InventoryDecider decider, Duration expiryScan, Duration levelInterval) {
        this.decider = decider;
        this.expiryScan = expiryScan;
        this.levelInterval = levelInterval;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.positions = context.getStateStore(InventoryTopology.POSITIONS_STORE);
        this.holds = context.getStateStore(InventoryTopology.HOLDS_STORE);
        // Nothing tells inventory that a drop closed, so a shopper's count is forgotten by age.
        this.buyers = BuyerUnits.of(context.getStateStore(InventoryTopology.BUYERS_STORE),
                decider.policy().buyerCapWindow());
        WindowStore<String, String> historyStore = context.getStateStore(InventoryTopology.HISTORY_STORE);
        this.history = new CommandHistory(new RecentValues<>(historyStore, decider.policy().dedupeWindow()));
        // init runs once the stores are restored (also after a task is revived), so the index sees every hold.
        this.expiries = HoldExpiries.of(holds);
        // Both run only when something is due: each punctuation costs the task a transaction, even an idle one.
        this.expiryRuns = new DuePunctuation(context, expiryScan, this::expireHolds);
        this.levelRuns = new DuePunctuation(context, levelInterval, this::publishLevels);
        if (nextExpiryDue() != DuePunctuation.NOTHING_DUE) {
            expiryRuns.dueSoon();
        }
        // A revived task reuses this instance: start from the store, not from what an aborted transaction left.
        unpublishedLevels.clear();
        try (KeyValueIterator<String, StockPosition> all = positions.all()) {
            while (all.hasNext()) {
                KeyValue<String, StockPosition> entry = all.next();
                unpublishedLevels.put(entry.key, entry.value);
            }
        }
        if (!unpublishedLevels.isEmpty()) {
            levelRuns.dueSoon();
        }
    }

    @Override
    public void process(Record<String, InventoryCommand> record) {
        InventoryCommand command = record.value();
        Object payload = command.getPayload();
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        CommandAddress address = CommandAddress.of(payload);
        String expectedKey = address.key();
        if (!expectedKey.equals(record.key())) {
            // A command on the wrong key would bypass the single writer of its stock: refuse it untouched.
            emit(record.key(), command.getEnvelope(), List.of(new InventoryCommandRejected(address.commandId(),
                    address.locationId(), address.sku(), address.type(), CommandRejectionReason.UNKNOWN,
                    "record key " + record.key() + " does not match " + expectedKey, null)), now, null,
                    address.orderId());
            return;
        }
        long nowMillis = now.toEpochMilli();
        if (history.seen(address.commandId(), nowMillis)) {
            return; // a repeated command: its answer was given the first time
        }
        StockPosition position = positions.get(expectedKey);
        if (position == null) {
            position = new StockPosition(address.locationId(), address.sku());
        }
        List<Object> events = decider.decide(position, book(expectedKey, nowMillis), payload, now);
        if (events.isEmpty()) {
            return; // a repeated PlaceHold, recognised by the hold it placed
        }
        if (!(events.getFirst() instanceof HoldPlaced)) {
            // A placed hold records its command itself (the decider recognises a repeat by it), which saves
            // the most frequent command a history entry and its changelog record.
            history.remember(address.commandId(), nowMillis);
        }
        positions.put(expectedKey, position);
        for (Object event : events) {
            if (event instanceof HoldPlaced placed) {
                expiries.schedule(placed.getExpiresAt().toEpochMilli(), expectedKey, placed.getHoldId());
            }
        }
        emit(expectedKey, command.getEnvelope(), events, now, position, address.orderId());
        expiryRuns.dueAt(nextExpiryDue()); // a placed hold or a shopper's count may now fall due first
    }

    private long publishLevels(long wallClockMillis) {
        Instant now = Instant.ofEpochMilli(wallClockMillis);
        unpublishedLevels.forEach((key, position) -> context.forward(
                new Record<>(key, decider.level(position, now), wallClockMillis), InventoryTopology.LEVELS_SINK));
        unpublishedLevels.clear();
        return DuePunctuation.NOTHING_DUE; // until a position changes again
    }

    /** When the next hold expires or the next shopper's count is to be forgotten. */
    private long nextExpiryDue() {
        return Math.min(expiries.nextDueMillis(), buyers.nextDueMillis());
    }

    /**
     * Finds holds due by now through the expiry index (ordered by time), so a scan touches only due entries; buyer
     * counts whose window has passed leave on the same schedule.
     */
    private long expireHolds(long wallClockMillis) {
        buyers.forgetDue(wallClockMillis);
        Instant now = Instant.ofEpochMilli(wallClockMillis);
        for (Map.Entry<String, List<String>> entry : expiries.takeDue(wallClockMillis).entrySet()) {
            String key = entry.getKey();
            StockPosition position = positions.get(key);
            if (position == null) {
                continue;
            }
            List<Object> events = decider.expire(position, book(key, wallClockMillis), entry.getValue(), now);
            if (!events.isEmpty()) {
                positions.put(key, position);
                Envelope cause = Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(now)
                        .setCorrelationId("hold-expiry").setCausationId(null).setProducer(PRODUCER)
                        .setShopperId(null).build();
                emit(key, cause, events, now, position, null);
            }
        }
        return nextExpiryDue();
    }

    private StoreHoldBook book(String key, long nowMillis) {
        return new StoreHoldBook(key, holds, buyers, history, expiries, nowMillis);
    }

    /** Events under the stock key; with {@code answerTo}, each also to that order on the hold-answers topic. */
    private void emit(String key, Envelope cause, List<Object> events, Instant now, StockPosition position,
                      String answerTo) {
        long timestamp = now.toEpochMilli();
        for (Object event : events) {
            Envelope envelope = Envelope.newBuilder()
                    .setEventId(UUID.randomUUID().toString())
                    .setOccurredAt(now)
                    .setCorrelationId(cause.getCorrelationId())
                    .setCausationId(cause.getEventId())
                    .setProducer(PRODUCER)
                    .setShopperId(cause.getShopperId())
                    .build();
            InventoryEvent decided = new InventoryEvent(envelope, event);
            context.forward(new Record<>(key, decided, timestamp), InventoryTopology.EVENTS_SINK);
            if (answerTo != null) {
                context.forward(new Record<>(answerTo, decided, timestamp), InventoryTopology.ANSWERS_SINK);
            }
        }
        if (position != null) {
            unpublishedLevels.put(key, position);
            levelRuns.dueAt(timestamp);
        }
    }

}
