package dev.showfloor.checkout.stream;

import dev.showfloor.checkout.domain.CheckoutDecider;
import dev.showfloor.checkout.domain.OrderSaga;
import dev.showfloor.checkout.domain.PaymentGateway;
import dev.showfloor.events.checkout.OrderEvent;
import dev.showfloor.events.checkout.PaymentRequested;
import dev.showfloor.events.common.Envelope;
import dev.showfloor.events.common.Money;
import dev.showfloor.events.inventory.CommitHold;
import dev.showfloor.events.inventory.InventoryCommand;
import dev.showfloor.events.inventory.InventoryEvent;
import dev.showfloor.events.inventory.PlaceHold;
import dev.showfloor.events.inventory.ReceiveStock;
import dev.showfloor.events.inventory.ReleaseHold;
import dev.showfloor.streamskit.DeadlineIndex;
import dev.showfloor.streamskit.DuePunctuation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Feeds each input to the decider with the order's saga, stores the result and forwards its outputs. Payment
 * authorizations are asked for from here and their answers are inputs like the others (see {@link PaymentCalls}).
 */
final class SagaProcessor extends ContextualProcessor<String, SpecificRecord, String, SpecificRecord> {
    static final String PRODUCER = "checkout";
    /**
     * How often an idle task looks for payment answers while it waits for some; a busy one takes them before each
     * record. The stream thread's poll (10 ms) bounds it from below anyway.
     */
    static final Duration PAYMENT_ANSWER_POLL = Duration.ofMillis(5);
    /**
     * Ended orders are looked for a slice of the store at a time, so a pass never stalls the stream thread:
     * every {@code FORGET_SCAN}, a share of the store sized for a whole pass to take about {@code FORGET_PASS}
     * (at least {@code FORGET_MIN_SLICE} orders). An order is forgotten within that pass after its retention.
     * Each scan costs the task a transaction, so scans are seconds apart and stop while the store is empty.
     */
    static final Duration FORGET_SCAN = Duration.ofSeconds(10);
    static final Duration FORGET_PASS = Duration.ofHours(1);
    static final int FORGET_MIN_SLICE = 100;
    private static final long DEADLINES_UNSET = -1;
    private final CheckoutDecider decider;
    private final PaymentCalls payments;
    private final Duration deadlineScan;
    private final Duration catchUpGrace;
    /** Set on the task's first look at the clock (the context has none in init); until then DEADLINES_UNSET. */
    private long enforceDeadlinesFrom;
    // Each runs only while it has work: every punctuation costs the task a transaction, even an idle one's.
    private DuePunctuation deadlineRuns;
    private DuePunctuation paymentAnswerRuns;
    private DuePunctuation forgetRuns;
    private KeyValueStore<String, OrderSaga> sagas;
    private final DeadlineIndex<String> deadlines = DeadlineIndex.ofStrings();
    /** Where the next slice looks for ended orders; null: from the first key. */
    private String forgetFrom;

    SagaProcessor(CheckoutDecider decider, PaymentGateway gateway, Duration deadlineScan, Duration catchUpGrace) {
        this.decider = decider;
        this.payments = new PaymentCalls(gateway);
        this.deadlineScan = deadlineScan;
        this.catchUpGrace = catchUpGrace;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        super.init(context);
        sagas = context.getStateStore(CheckoutTopology.SAGAS_STORE);
        // A task that starts (or moves here after a crash) first reads the answers that queued up meanwhile;
        // only then are deadlines enforced, so an outage does not turn every waiting order into a timeout.
        enforceDeadlinesFrom = DEADLINES_UNSET;
        deadlineRuns = new DuePunctuation(context, deadlineScan, this::deadlinesPassed);
        paymentAnswerRuns = new DuePunctuation(context, PAYMENT_ANSWER_POLL, this::paymentAnswersArrived);
        forgetRuns = new DuePunctuation(context, FORGET_SCAN, this::forgetEndedOrders);
        if (scheduleOpenDeadlines()) {
            forgetRuns.dueSoon();
        }
        if (deadlines.size() > 0) {
            deadlineRuns.dueSoon();
        }
    }

    /**
     * Rebuilds the task's deadlines from its restored saga store: every waiting saga carries its deadline. This
     * reads every stored order once per task start, as restoring the store from its changelog already does.
     * An order still awaiting payment is asked for again: its answer went to the task's previous owner, if any.
     * Answers whether the store holds any order.
     */
    private boolean scheduleOpenDeadlines() {
        try (KeyValueIterator<String, OrderSaga> all = sagas.all()) {
            if (!all.hasNext()) {
                return false;
            }
            all.forEachRemaining(entry -> {
                if (entry.value.deadlineMillis() > 0) {
                    deadlines.schedule(entry.value.deadlineMillis(), entry.key);
                }
                if (entry.value.status() == OrderSaga.Status.AWAITING_PAYMENT) {
                    OrderSaga saga = entry.value;
                    payments.authorize(saga.orderId(), null, new Money(saga.totalMinor(), saga.currency()),
                            saga.paymentToken() == null ? "" : saga.paymentToken());
                    paymentAnswerRuns.dueSoon();
                }
            });
            return true;
        }
    }

    /** Deadlines this task is waiting for, one per order still waiting for something. */
    int openDeadlines() {
        return deadlines.size();
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        startDeadlineGrace(context().currentSystemTimeMs());
        takePaymentAnswers(Instant.ofEpochMilli(context().currentSystemTimeMs()));
        Envelope cause;
        Object payload;
        if (record.value() instanceof OrderEvent event) {
            cause = event.getEnvelope();
            payload = event.getPayload();
        } else {
            InventoryEvent event = (InventoryEvent) record.value();
            cause = event.getEnvelope();
            payload = event.getPayload();
        }
        Instant now = Instant.ofEpochMilli(context().currentSystemTimeMs());
        OrderSaga saga = sagas.get(record.key());
        long deadlineBefore = saga == null ? 0 : saga.deadlineMillis(); // the decider changes the saga in place
        apply(record.key(), deadlineBefore, decider.decide(saga, payload, now), cause, now);
    }

    /** Applies the gateway's answers that came in; each is logged before what it leads to. */
    private void takePaymentAnswers(Instant now) {
        for (PaymentCalls.Answer answer = payments.nextAnswer(); answer != null; answer = payments.nextAnswer()) {
            OrderSaga saga = sagas.get(answer.orderId());
            if (saga == null) {
                continue;
            }
            long deadlineBefore = saga.deadlineMillis();
            CheckoutDecider.Decision decision = decider.decide(saga, answer.payload(), now);
            if (!decision.changed()) {
                continue; // an answer to a repeated question
            }
            Envelope logged = Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(now)
                    .setCorrelationId(answer.orderId()).setCausationId(answer.requestEventId())
                    .setProducer(CheckoutTopology.PAYMENT_PORT_PRODUCER).setShopperId(saga.shopperId()).build();
            context().forward(new Record<>(answer.orderId(), new OrderEvent(logged, answer.payload()),
                    now.toEpochMilli()));
            apply(answer.orderId(), deadlineBefore, decision, logged, now);
        }
    }

    private long paymentAnswersArrived(long wallClockMillis) {
        takePaymentAnswers(Instant.ofEpochMilli(wallClockMillis));
        return payments.awaitingAnswers() ? wallClockMillis : DuePunctuation.NOTHING_DUE;
    }

    private void startDeadlineGrace(long wallClockMillis) {
        if (enforceDeadlinesFrom == DEADLINES_UNSET) {
            enforceDeadlinesFrom = wallClockMillis + catchUpGrace.toMillis();
        }
    }

    /** When the deadline run is next due: the earliest deadline, but not before the task's grace has passed. */
    private long nextDeadlineRun() {
        long next = deadlines.nextDueMillis();
        return next == DuePunctuation.NOTHING_DUE ? next : Math.max(next, enforceDeadlinesFrom);
    }

    private long deadlinesPassed(long wallClockMillis) {
        startDeadlineGrace(wallClockMillis);
        if (wallClockMillis < enforceDeadlinesFrom) {
            return nextDeadlineRun();
        }
        Instant now = Instant.ofEpochMilli(wallClockMillis);
        for (String orderId : new LinkedHashSet<>(deadlines.takeDue(wallClockMillis))) {
            OrderSaga saga = sagas.get(orderId);
            Envelope tick = Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(now)
                    .setCorrelationId(orderId).setCausationId(null).setProducer(PRODUCER)
                    .setShopperId(saga == null ? null : saga.shopperId()).build();
            apply(orderId, saga == null ? 0 : saga.deadlineMillis(), decider.deadlinePassed(saga, now), tick, now);
        }
        return nextDeadlineRun();
    }

    /**
     * Deletes, from the next slice of the store, the orders that ended more than the retention ago, so the store
     * holds what is live or recent instead of every order ever placed. Keys are collected first and deleted after
     * the scan, which then never reads a store it is changing. Answers when the next slice is due: never, once a
     * pass finds the store empty (a stored order asks for scans again).
     */
    private long forgetEndedOrders(long wallClockMillis) {
        Instant now = Instant.ofEpochMilli(wallClockMillis);
        // RocksDB only estimates its size (up to Long.MAX_VALUE): divide, never multiply.
        long sliceSize = Math.max(FORGET_MIN_SLICE,
                sagas.approximateNumEntries() / (FORGET_PASS.toMillis() / FORGET_SCAN.toMillis()));
        List<String> forget = new ArrayList<>();
        List<OrderSaga> backfilled = new ArrayList<>();
        String next = null;
        try (KeyValueIterator<String, OrderSaga> slice = forgetFrom == null ? sagas.all()
                : sagas.range(forgetFrom, null)) {
            for (long visited = 0; slice.hasNext(); visited++) {
                if (visited == sliceSize) {
                    next = slice.peekNextKey();
                    break;
                }
                KeyValue<String, OrderSaga> entry = slice.next();
                if (decider.forgettable(entry.value, now)) {
                    forget.add(entry.key);
                } else if (decider.backfillEnd(entry.value, now)) {
                    backfilled.add(entry.value);
                }
            }
        }
        forgetFrom = next;
        forget.forEach(sagas::delete);
        backfilled.forEach(saga -> sagas.put(saga.orderId(), saga));
        if (next == null) {
            try (KeyValueIterator<String, OrderSaga> all = sagas.all()) {
                if (!all.hasNext()) {
                    return DuePunctuation.NOTHING_DUE;
                }
            }
        }
        return wallClockMillis;
    }

    private void apply(String orderId, long deadlineBefore, CheckoutDecider.Decision decision, Envelope cause,
                       Instant now) {
        OrderSaga saga = decision.saga();
        if (saga == null || !decision.changed()) {
            return; // nothing new: no store write, no changelog record
        }
        sagas.put(orderId, saga);
        forgetRuns.dueSoon();
        if (saga.deadlineMillis() != deadlineBefore) {
            // A deadline that no longer applies leaves the index now rather than when due: at the stack's rates
            // an index of decided orders held tens of thousands of entries for 30 s, each promoted into the old
            // generation only to die there. Not transactional, and need not be: a revived task rebuilds the index.
            deadlines.cancel(deadlineBefore, orderId);
            if (saga.deadlineMillis() > 0) {
                deadlines.schedule(saga.deadlineMillis(), orderId);
                deadlineRuns.dueAt(nextDeadlineRun());
            }
        }
        long timestamp = now.toEpochMilli();
        for (Object command : decision.inventoryCommands()) {
            context().forward(new Record<>(inventoryKey(command),
                    new InventoryCommand(envelope(cause, saga, now), command), timestamp));
        }
        for (Object event : decision.orderEvents()) {
            Envelope envelope = envelope(cause, saga, now);
            context().forward(new Record<>(orderId, new OrderEvent(envelope, event), timestamp));
            if (event instanceof PaymentRequested requested) {
                payments.authorize(orderId, envelope.getEventId(), requested.getAmount(), requested.getPaymentToken());
                paymentAnswerRuns.dueSoon();
            }
        }
    }

    private static Envelope envelope(Envelope cause, OrderSaga saga, Instant now) {
        return Envelope.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(now)
                .setCorrelationId(saga.orderId())
                .setCausationId(cause.getEventId())
                .setProducer(PRODUCER)
                .setShopperId(saga.shopperId())
                .build();
    }

    /** Inventory's partition key: one stock aggregate per location and SKU. */
    private static String inventoryKey(Object command) {
        return switch (command) {
            case PlaceHold c -> c.getLocationId() + ":" + c.getSku();
            case ReleaseHold c -> c.getLocationId() + ":" + c.getSku();
            case CommitHold c -> c.getLocationId() + ":" + c.getSku();
            case ReceiveStock c -> c.getLocationId() + ":" + c.getSku();
            default -> throw new IllegalArgumentException("not an inventory command: " + command);
        };
    }
}
