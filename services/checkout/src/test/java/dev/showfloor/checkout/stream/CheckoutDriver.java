package dev.showfloor.checkout.stream;

import dev.showfloor.checkout.domain.CheckoutDecider;
import dev.showfloor.checkout.domain.CheckoutPolicy;
import dev.showfloor.checkout.domain.OrderSaga;
import dev.showfloor.events.checkout.Attribution;
import dev.showfloor.events.checkout.FulfillmentMethod;
import dev.showfloor.events.checkout.OrderEvent;
import dev.showfloor.events.checkout.OrderLine;
import dev.showfloor.events.checkout.OrderPlaced;
import dev.showfloor.events.checkout.SalesChannel;
import dev.showfloor.events.common.Envelope;
import dev.showfloor.events.common.Money;
import dev.showfloor.events.inventory.InventoryCommand;
import dev.showfloor.events.inventory.InventoryEvent;
import dev.showfloor.schemas.Topics;
import dev.showfloor.streamskit.StateStores;
import dev.showfloor.testsupport.RegistryFreeAvroSerde;
import dev.showfloor.testsupport.TopologyTestProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * The checkout saga on a TopologyTestDriver; the test plays inventory and the payment port (through
 * {@link #payments()}, or by writing the port's answers to the order topic as an earlier version's worker did).
 */
public final class CheckoutDriver implements AutoCloseable {
    static final Instant START = Instant.parse("2026-12-05T10:00:00Z");
    static final String LOC = "lis-01";
    static final CheckoutSerdes SERDES = new CheckoutSerdes(RegistryFreeAvroSerde.of(OrderEvent.class),
            RegistryFreeAvroSerde.of(InventoryEvent.class), RegistryFreeAvroSerde.of(InventoryCommand.class));

    private final TopologyTestDriver driver;
    private final ScriptedPaymentGateway payments = new ScriptedPaymentGateway();
    private final TestInputTopic<String, OrderEvent> orderIn;
    private final TestInputTopic<String, InventoryEvent> answersIn;
    private final TestOutputTopic<String, OrderEvent> orderOut;
    private final TestOutputTopic<String, InventoryCommand> commandsOut;
    private final TestOutputTopic<String, OrderEvent> paymentRequestsOut;
    private final TestOutputTopic<String, byte[]> sagaChangelog;

    CheckoutDriver(CheckoutPolicy policy) {
        this(policy, StateStores.Kind.MEMORY);
    }

    CheckoutDriver(CheckoutPolicy policy, StateStores.Kind sagaStore) {
        Properties props = TopologyTestProperties.forApplication("checkout-test");
        driver = new TopologyTestDriver(CheckoutTopology.buildTopology(SERDES, new CheckoutDecider(policy),
                payments, Duration.ofSeconds(1), Duration.ZERO, sagaStore), props, START);
        orderIn = driver.createInputTopic(Topics.ORDER_EVENTS.name(), Serdes.String().serializer(),
                SERDES.orderEvents().serializer());
        answersIn = driver.createInputTopic(Topics.HOLD_ANSWERS.name(), Serdes.String().serializer(),
                SERDES.inventoryEvents().serializer());
        orderOut = driver.createOutputTopic(Topics.ORDER_EVENTS.name(), Serdes.String().deserializer(),
                SERDES.orderEvents().deserializer());
        commandsOut = driver.createOutputTopic(Topics.INVENTORY_COMMANDS.name(), Serdes.String().deserializer(),
                SERDES.inventoryCommands().deserializer());
        paymentRequestsOut = driver.createOutputTopic(Topics.PAYMENT_REQUESTS.name(), Serdes.String().deserializer(),
                SERDES.orderEvents().deserializer());
        sagaChangelog = driver.createOutputTopic("checkout-test-" + CheckoutTopology.SAGAS_STORE + "-changelog",
                Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
    }

    /** How many times the saga store was written (its changelog records) since the last call. */
    long sagaWrites() {
        return sagaChangelog.readRecordsToList().size();
    }

    public static OrderPlaced order(String orderId, String... skus) {
        List<OrderLine> lines = new ArrayList<>();
        for (String sku : skus) {
            lines.add(new OrderLine(sku, 1, new Money(2_500L, "EUR"), null, null));
        }
        return new OrderPlaced(orderId, "shopper-1", LOC, null, SalesChannel.MICROSITE, lines,
                new Money(2_500L * skus.length, "EUR"), new Attribution(null, null, null, List.of(), null),
                FulfillmentMethod.PICKUP, null, null, "key-" + orderId, "hash-" + orderId, "tok_visa");
    }

    void order(Object payload, String orderId) {
        orderIn.pipeInput(orderId, event(payload));
    }

    /** An order event as the test's producer writes it. */
    public static OrderEvent event(Object payload) {
        return new OrderEvent(envelope(), payload);
    }

    /** Inventory's answer to one of the saga's hold commands, keyed by the order as inventory keys it. */
    void answer(Object payload, String orderId) {
        answersIn.pipeInput(orderId, new InventoryEvent(envelope(), payload));
    }

    void advance(Duration duration) {
        driver.advanceWallClockTime(duration);
    }

    /** Inventory commands written since the last call. */
    List<Object> commands() {
        return commandsOut.readValuesToList().stream().map(InventoryCommand::getPayload).toList();
    }

    /**
     * Order events written by the saga (not those the test piped in) since the last call, in the order of the log:
     * its own and the payment port's answers it logged.
     */
    List<Object> orderEvents() {
        return orderOut.readValuesToList().stream().filter(event -> !"test".equals(event.getEnvelope().getProducer()))
                .map(OrderEvent::getPayload).toList();
    }

    /** Punctuations run so far: each commits the task, a transaction under exactly-once. */
    double punctuations() {
        return driver.metrics().entrySet().stream().filter(metric -> metric.getKey().name().equals("punctuate-total"))
                .mapToDouble(metric -> ((Number) metric.getValue().metricValue()).doubleValue()).sum();
    }

    ScriptedPaymentGateway payments() {
        return payments;
    }

    /** Lets the saga's task take the payment port's answers (an idle task looks for them on the wall clock). */
    void takePaymentAnswers() {
        driver.advanceWallClockTime(SagaProcessor.PAYMENT_ANSWER_POLL);
    }

    /** What the saga copied to checkout.payment-requests since the last call. */
    List<Object> paymentRequests() {
        return paymentRequestsOut.readValuesToList().stream().map(OrderEvent::getPayload).toList();
    }

    OrderSaga saga(String orderId) {
        return driver.<String, OrderSaga>getKeyValueStore(CheckoutTopology.SAGAS_STORE).get(orderId);
    }

    /** Orders in the saga store, counted (RocksDB only estimates its size). */
    long sagaCount() {
        long count = 0;
        try (KeyValueIterator<String, OrderSaga> all =
                     driver.<String, OrderSaga>getKeyValueStore(CheckoutTopology.SAGAS_STORE).all()) {
            for (; all.hasNext(); all.next()) {
                count++;
            }
        }
        return count;
    }

    private static Envelope envelope() {
        return Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(START)
                .setCorrelationId("test").setCausationId(null).setProducer("test").setShopperId(null).build();
    }

    @Override
    public void close() {
        driver.close();
    }
}
