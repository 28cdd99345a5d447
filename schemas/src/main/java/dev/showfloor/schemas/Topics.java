package dev.showfloor.schemas;

import dev.showfloor.events.checkout.OrderEvent;
import dev.showfloor.events.fulfillment.FulfillmentEvent;
import dev.showfloor.events.inventory.InventoryCommand;
import dev.showfloor.events.inventory.InventoryEvent;
import dev.showfloor.events.inventory.StockLevel;
import dev.showfloor.events.kpi.CohortLtv;
import dev.showfloor.events.kpi.FulfillmentSla;
import dev.showfloor.events.kpi.InventoryTurn;
import dev.showfloor.events.kpi.LiveConversion;
import dev.showfloor.events.kpi.OfferArmStats;
import dev.showfloor.events.kpi.RevenuePerSquareHour;
import dev.showfloor.events.offers.ModelParametersEvent;
import dev.showfloor.events.offers.OfferEvent;
import dev.showfloor.events.sessions.CircuitEvent;
import dev.showfloor.events.sessions.DropEvent;
import dev.showfloor.events.sessions.LiveSessionEvent;
import dev.showfloor.events.sessions.ShowEvent;
import dev.showfloor.events.sessions.ViewerEvent;
import java.util.List;

/** Typed handles on the catalog's topics: the only place Java code names a topic. */
public final class Topics {
    private static final TopicCatalog CATALOG = TopicCatalog.get();

    public static final Topic<CircuitEvent> CIRCUIT_EVENTS = CATALOG.topic("sessions.circuit-events", CircuitEvent.class);
    public static final Topic<ShowEvent> SHOW_EVENTS = CATALOG.topic("sessions.show-events", ShowEvent.class);
    public static final Topic<LiveSessionEvent> LIVE_SESSION_EVENTS = CATALOG.topic("sessions.live-events", LiveSessionEvent.class);
    public static final Topic<DropEvent> DROP_EVENTS = CATALOG.topic("sessions.drop-events", DropEvent.class);
    public static final Topic<ViewerEvent> VIEWER_EVENTS = CATALOG.topic("sessions.viewer-events", ViewerEvent.class);
    public static final Topic<InventoryCommand> INVENTORY_COMMANDS = CATALOG.topic("inventory.commands", InventoryCommand.class);
    public static final Topic<InventoryEvent> INVENTORY_EVENTS = CATALOG.topic("inventory.events", InventoryEvent.class);
    public static final Topic<InventoryEvent> HOLD_ANSWERS = CATALOG.topic("inventory.hold-answers", InventoryEvent.class);
    public static final Topic<StockLevel> STOCK_LEVELS = CATALOG.topic("inventory.stock-levels", StockLevel.class);
    public static final Topic<OrderEvent> ORDER_EVENTS = CATALOG.topic("checkout.order-events", OrderEvent.class);
    public static final Topic<OrderEvent> PAYMENT_REQUESTS = CATALOG.topic("checkout.payment-requests", OrderEvent.class);
    public static final Topic<OfferEvent> OFFER_DECISIONS = CATALOG.topic("offers.decision-events", OfferEvent.class);
    public static final Topic<ModelParametersEvent> OFFER_MODEL_PARAMETERS = CATALOG.topic("offers.model-parameters", ModelParametersEvent.class);
    public static final Topic<FulfillmentEvent> FULFILLMENT_EVENTS = CATALOG.topic("fulfillment.events", FulfillmentEvent.class);
    public static final Topic<LiveConversion> KPI_LIVE_CONVERSION = CATALOG.topic("kpi.live-conversion", LiveConversion.class);
    public static final Topic<InventoryTurn> KPI_INVENTORY_TURN = CATALOG.topic("kpi.inventory-turn", InventoryTurn.class);
    public static final Topic<RevenuePerSquareHour> KPI_REVENUE_PER_SQUARE_HOUR = CATALOG.topic("kpi.revenue-per-square-hour", RevenuePerSquareHour.class);
    public static final Topic<CohortLtv> KPI_COHORT_LTV = CATALOG.topic("kpi.cohort-ltv", CohortLtv.class);
    public static final Topic<OfferArmStats> KPI_OFFER_ARMS = CATALOG.topic("kpi.offer-arms", OfferArmStats.class);
    public static final Topic<FulfillmentSla> KPI_FULFILLMENT_SLA = CATALOG.topic("kpi.fulfillment-sla", FulfillmentSla.class);

    /** Every topic, in catalog order. */
    public static List<Topic<?>> all() {
        return List.of(
                CIRCUIT_EVENTS,
                SHOW_EVENTS,
                LIVE_SESSION_EVENTS,
                DROP_EVENTS,
                VIEWER_EVENTS,
                INVENTORY_COMMANDS,
                INVENTORY_EVENTS,
                HOLD_ANSWERS,
                STOCK_LEVELS,
                ORDER_EVENTS,
                PAYMENT_REQUESTS,
                OFFER_DECISIONS,
                OFFER_MODEL_PARAMETERS,
                FULFILLMENT_EVENTS,
                KPI_LIVE_CONVERSION,
                KPI_INVENTORY_TURN,
                KPI_REVENUE_PER_SQUARE_HOUR,
                KPI_COHORT_LTV,
                KPI_OFFER_ARMS,
                KPI_FULFILLMENT_SLA);
    }

    private Topics() {
    }
}
