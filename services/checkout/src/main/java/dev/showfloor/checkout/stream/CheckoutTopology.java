package dev.showfloor.checkout.stream;

import dev.showfloor.checkout.domain.CheckoutDecider;
import dev.showfloor.checkout.domain.PaymentGateway;
import dev.showfloor.events.checkout.OrderEvent;
import dev.showfloor.events.checkout.PaymentVoidRequested;
import dev.showfloor.events.inventory.InventoryCommand;
import dev.showfloor.schemas.Topics;
import dev.showfloor.streamskit.StateStores;
import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The checkout saga, keyed by orderId: order events and inventory's answers to the saga's hold commands meet in
 * one task per order; the task asks the payment port for authorizations itself and logs its answers; it writes
 * inventory commands and the order's next events, and copies void requests to checkout.payment-requests.
 * Run with exactly_once_v2 so a decision, its outputs and the consumed offsets commit together.
 */
public final class CheckoutTopology {
    public static final String SAGAS_STORE = "order-sagas";
    /** The producer named on the payment port's answers in checkout.order-events. */
    public static final String PAYMENT_PORT_PRODUCER = "checkout-payments";

    private CheckoutTopology() {
    }

    /**
     * What the payment worker acts on: voids. They are off every order's critical path and must happen even if
     * this task crashes right after deciding one, so they go through a topic (at least once) instead of being
     * called from the task as authorizations are.
     */
    static boolean forThePaymentWorker(OrderEvent event) {
        return event.getPayload() instanceof PaymentVoidRequested;
    }

    /**
     * @param deadlineScan  how often overdue orders are looked for (wall clock)
     * @param catchUpGrace  after a task starts, how long it reads queued input before enforcing deadlines
     * @param sagaStore     where the sagas live: every order until it has been ended for the policy's order
     *                      retention, so it grows with traffic (deadlines are kept in memory by the saga processor
     *                      and rebuilt from this store)
     */
    public static Topology buildTopology(CheckoutSerdes serdes, CheckoutDecider decider, PaymentGateway gateway,
                                         Duration deadlineScan, Duration catchUpGrace, StateStores.Kind sagaStore) {
        StreamsBuilder builder = new StreamsBuilder();
        // Uncached: an order's steps come in separate commits, so a cache coalesced little, and flushing it lengthened
        // every commit (in six pairs of runs a hold was decided 3-7 ms sooner at the median without it).
        builder.addStateStore(StateStores.keyValueUncached(sagaStore, SAGAS_STORE, Serdes.String(),
                SagaSerde.sagas()));

        KStream<String, SpecificRecord> orders = builder
                .stream(Topics.ORDER_EVENTS.name(), Consumed.with(Serdes.String(), serdes.orderEvents()))
                .mapValues(event -> (SpecificRecord) event);
        // Inventory answers each hold command on a topic keyed by the order, so an answer lands in the task that
        // owns the order (same key, same partition count) with no re-keying hop in between.
        if (Topics.HOLD_ANSWERS.partitions() != Topics.ORDER_EVENTS.partitions()) {
            throw new IllegalStateException(Topics.HOLD_ANSWERS.name() + " and " + Topics.ORDER_EVENTS.name()
                    + " must have the same number of partitions for the saga to read them together");
        }
        KStream<String, SpecificRecord> answers = builder
                .stream(Topics.HOLD_ANSWERS.name(), Consumed.with(Serdes.String(), serdes.inventoryEvents()))
                .mapValues(event -> (SpecificRecord) event);

        KStream<String, SpecificRecord> decisions = orders.merge(answers)
                .process(() -> new SagaProcessor(decider, gateway, deadlineScan, catchUpGrace), SAGAS_STORE);
        decisions.filter((key, value) -> value instanceof InventoryCommand)
                .mapValues(value -> (InventoryCommand) value)
                .to(Topics.INVENTORY_COMMANDS.name(), Produced.with(Serdes.String(), serdes.inventoryCommands()));
        KStream<String, OrderEvent> orderEvents = decisions.filter((key, value) -> value instanceof OrderEvent)
                .mapValues(value -> (OrderEvent) value);
        orderEvents.to(Topics.ORDER_EVENTS.name(), Produced.with(Serdes.String(), serdes.orderEvents()));
        // The payment worker's copy, in the same transaction: it reads one record per void instead of every
        // order event.
        orderEvents.filter((key, event) -> forThePaymentWorker(event))
                .to(Topics.PAYMENT_REQUESTS.name(), Produced.with(Serdes.String(), serdes.orderEvents()));
        return builder.build();
    }
}
