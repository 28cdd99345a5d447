package dev.showfloor.checkout.domain;

import dev.showfloor.events.checkout.OrderCancelled;
import dev.showfloor.events.checkout.OrderConfirmed;
import dev.showfloor.events.checkout.OrderLine;
import dev.showfloor.events.checkout.OrderPlaced;
import dev.showfloor.events.checkout.OrderRejected;
import dev.showfloor.events.checkout.OrderRejectionReason;
import dev.showfloor.events.checkout.PaymentAuthorized;
import dev.showfloor.events.checkout.PaymentDeclineReason;
import dev.showfloor.events.checkout.PaymentDeclined;
import dev.showfloor.events.checkout.PaymentRequested;
import dev.showfloor.events.checkout.PaymentVoidRequested;
import dev.showfloor.events.common.Money;
import dev.showfloor.events.inventory.CommitHold;
import dev.showfloor.events.inventory.HoldCommitted;
import dev.showfloor.events.inventory.HoldPlaced;
import dev.showfloor.events.inventory.HoldRejected;
import dev.showfloor.events.inventory.HoldReleaseReason;
import dev.showfloor.events.inventory.InventoryCommandRejected;
import dev.showfloor.events.inventory.InventoryCommandType;
import dev.showfloor.events.inventory.PlaceHold;
import dev.showfloor.events.inventory.ReceiveStock;
import dev.showfloor.events.inventory.ReleaseHold;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The checkout saga as a pure function: place holds → authorize payment → commit holds and confirm, with a
 * compensation for every failure (release holds, void payment) and a deadline on every wait. Inputs are
 * order events (OrderPlaced, payment answers), inventory answers and deadline ticks; outputs are inventory
 * commands and order events.
 *
 * <p>An authorized order is confirmed in the same step that sends its commits when every hold outlives the
 * authorization by {@link CheckoutPolicy#confirmMargin()}: inventory commits a live hold unconditionally, so
 * waiting for its answer would only add two exactly-once hops to every order. If a commit is refused all the
 * same (inventory lagged by more than the margin and the hold lapsed), the order is cancelled, its payment
 * voided and whatever was already committed goes back on the shelf. Closer to expiry the saga waits for
 * every commit before confirming.
 */
public final class CheckoutDecider {
    /**
     * What a step asks for: commands to inventory and events on the order's own topic. {@code changed} is false
     * when the input left the saga exactly as it was (a repeat, the saga's own request read back), so nothing
     * needs storing.
     */
    public record Decision(OrderSaga saga, List<Object> inventoryCommands, List<Object> orderEvents,
                           boolean changed) {
        Decision(OrderSaga saga, List<Object> inventoryCommands, List<Object> orderEvents) {
            this(saga, inventoryCommands, orderEvents, true);
        }

        /** The saga changed in place; nothing to send. */
        static Decision none(OrderSaga saga) {
            return new Decision(saga, List.of(), List.of());
        }

        static Decision unchanged(OrderSaga saga) {
            return new Decision(saga, List.of(), List.of(), false);
        }
    }

    private final CheckoutPolicy policy;

    public CheckoutDecider(CheckoutPolicy policy) {
        this.policy = policy;
    }

    /** The hold id of line {@code index} of an order. */
    public static String holdId(String orderId, int index) {
        return orderId + "/" + index;
    }

    public Decision decide(OrderSaga saga, Object input, Instant now) {
        return stampEnd(step(saga, input, now), now);
    }

    private Decision step(OrderSaga saga, Object input, Instant now) {
        if (saga == null) {
            return input instanceof OrderPlaced placed ? place(placed, now) : Decision.unchanged(null);
        }
        return switch (input) {
            case HoldPlaced held -> held(saga, held, now);
            case HoldRejected rejected -> holdRejected(saga, rejected);
            case HoldCommitted committed -> committed(saga, committed, now);
            case InventoryCommandRejected rejected -> inventoryRejected(saga, rejected);
            case PaymentAuthorized authorized -> authorized(saga, authorized, now);
            case PaymentDeclined declined -> declined(saga, declined);
            case OrderConfirmed confirmed -> recorded(saga, OrderSaga.Status.CONFIRMED, null);
            case OrderRejected rejected -> recorded(saga, OrderSaga.Status.REJECTED, rejected.getReason().name());
            case OrderCancelled cancelled -> recorded(saga, OrderSaga.Status.CANCELLED, cancelled.getReason());
            default -> Decision.unchanged(saga); // repeats of OrderPlaced, requests to the payment port
        };
    }

    /** Called when the saga's deadline has passed. */
    public Decision deadlinePassed(OrderSaga saga, Instant now) {
        if (saga == null || saga.deadlineMillis() == 0 || now.toEpochMilli() < saga.deadlineMillis()) {
            return Decision.unchanged(saga);
        }
        return stampEnd(switch (saga.status()) {
            case PENDING_HOLDS -> reject(saga, OrderRejectionReason.HOLD_TIMEOUT,
                    "inventory did not answer every hold within " + policy.holdTimeout().toSeconds() + " s", null,
                    HoldReleaseReason.CHECKOUT_TIMEOUT, false);
            case AWAITING_PAYMENT -> reject(saga, OrderRejectionReason.PAYMENT_TIMEOUT,
                    "no payment answer within " + policy.paymentTimeout().toSeconds() + " s", null,
                    HoldReleaseReason.CHECKOUT_TIMEOUT, true);
            default -> Decision.unchanged(saga);
        }, now);
    }

    /**
     * Whether a saga may leave the store: it ended more than {@link CheckoutPolicy#orderRetention()} ago. A saga
     * stored before end times were recorded has none; {@link #backfillEnd} gives it one first.
     */
    public boolean forgettable(OrderSaga saga, Instant now) {
        return saga.finished() && saga.endedAtMillis() > 0
                && now.toEpochMilli() - saga.endedAtMillis() >= policy.orderRetention().toMillis();
    }

    /** Dates an ended saga stored before end times were recorded (as ending now); true if the saga changed. */
    public boolean backfillEnd(OrderSaga saga, Instant now) {
        return saga.endedAt(now.toEpochMilli());
    }

    private static Decision stampEnd(Decision decision, Instant now) {
        if (decision.changed() && decision.saga() != null) {
            decision.saga().endedAt(now.toEpochMilli());
        }
        return decision;
    }

    private Decision place(OrderPlaced placed, Instant now) {
        List<OrderSaga.Line> lines = new ArrayList<>();
        List<Object> commands = new ArrayList<>();
        for (int i = 0; i < placed.getLines().size(); i++) {
            OrderLine line = placed.getLines().get(i);
            String holdId = holdId(placed.getOrderId(), i);
            lines.add(new OrderSaga.Line(line.getSku(), line.getQuantity(), line.getUnitPrice().getAmountMinor(),
                    line.getDropId(), holdId));
            commands.add(new PlaceHold(holdId + "/place", placed.getLocationId(), line.getSku(), holdId,
                    placed.getOrderId(), line.getQuantity(), policy.holdTtl().toMillis(), line.getDropId(),
                    placed.getShopperId(), line.getDropId() == null ? null : policy.dropPerBuyerCap(),
                    placed.getEdgeNodeId()));
        }
        OrderSaga saga = new OrderSaga(placed.getOrderId(), placed.getShopperId(), placed.getLocationId(),
                placed.getTotal().getCurrency(), placed.getTotal().getAmountMinor(), placed.getPaymentToken(),
                placed.getRequestHash(), lines, now.plus(policy.holdTimeout()).toEpochMilli());
        return new Decision(saga, commands, List.of());
    }

    private Decision held(OrderSaga saga, HoldPlaced held, Instant now) {
        OrderSaga.Line line = saga.lineByHold(held.getHoldId());
        if (line == null || line.status() != OrderSaga.LineStatus.PENDING) {
            return Decision.unchanged(saga);
        }
        if (saga.status() != OrderSaga.Status.PENDING_HOLDS) {
            // The order gave up before this hold arrived: hand the units straight back.
            line.status(OrderSaga.LineStatus.RELEASED);
            return new Decision(saga, List.of(release(saga, line, HoldReleaseReason.ORDER_REJECTED)), List.of());
        }
        line.held(held.getExpiresAt().toEpochMilli());
        if (!saga.all(OrderSaga.LineStatus.HELD)) {
            return Decision.none(saga);
        }
        saga.status(OrderSaga.Status.AWAITING_PAYMENT, now.plus(policy.paymentTimeout()).toEpochMilli());
        return new Decision(saga, List.of(), List.of(new PaymentRequested(saga.orderId(),
                new Money(saga.totalMinor(), saga.currency()), saga.paymentToken() == null ? "" : saga.paymentToken())));
    }

    private Decision holdRejected(OrderSaga saga, HoldRejected rejected) {
        OrderSaga.Line line = saga.lineByHold(rejected.getHoldId());
        if (line == null || line.status() != OrderSaga.LineStatus.PENDING) {
            return Decision.unchanged(saga);
        }
        line.status(OrderSaga.LineStatus.REJECTED);
        if (saga.status() != OrderSaga.Status.PENDING_HOLDS) {
            return Decision.none(saga);
        }
        OrderRejectionReason reason = switch (rejected.getReason()) {
            case INSUFFICIENT_STOCK, INSUFFICIENT_ESCROW -> OrderRejectionReason.SOLD_OUT;
            case BUYER_CAP_EXCEEDED -> OrderRejectionReason.BUYER_CAP_EXCEEDED;
            case UNKNOWN_SKU -> OrderRejectionReason.UNKNOWN_SKU;
            default -> OrderRejectionReason.INVALID_ORDER;
        };
        return reject(saga, reason, rejected.getSku() + ": " + rejected.getReason() + " (" + rejected.getAvailable()
                + " available)", rejected.getSku(), HoldReleaseReason.ORDER_REJECTED, false);
    }

    private Decision authorized(OrderSaga saga, PaymentAuthorized authorized, Instant now) {
        if (saga.status() == OrderSaga.Status.REJECTED) {
            if (authorized.getPaymentId().equals(saga.paymentId())) {
                return Decision.unchanged(saga); // already voided: this is the answer read back from the log
            }
            // Too late: the order already gave up (payment timeout); the money must not stay reserved.
            saga.paymentId(authorized.getPaymentId());
            return new Decision(saga, List.of(), List.of(new PaymentVoidRequested(saga.orderId(),
                    authorized.getPaymentId(), "authorization arrived after the order was rejected")));
        }
        if (saga.status() != OrderSaga.Status.AWAITING_PAYMENT) {
            return Decision.unchanged(saga); // a repeated answer
        }
        saga.paymentId(authorized.getPaymentId());
        List<Object> commits = new ArrayList<>();
        for (OrderSaga.Line line : saga.lines()) {
            commits.add(new CommitHold(line.holdId() + "/commit", saga.locationId(), line.sku(), line.holdId(),
                    saga.orderId(), null));
        }
        long safeUntil = now.plus(policy.confirmMargin()).toEpochMilli();
        if (saga.lines().stream().allMatch(line -> line.holdExpiresAtMillis() >= safeUntil)) {
            return new Decision(saga, commits, List.of(confirm(saga, now)));
        }
        saga.status(OrderSaga.Status.COMMITTING, 0);
        return new Decision(saga, commits, List.of());
    }

    private static OrderConfirmed confirm(OrderSaga saga, Instant now) {
        saga.status(OrderSaga.Status.CONFIRMED, 0);
        return new OrderConfirmed(saga.orderId(), saga.shopperId(), new Money(saga.totalMinor(), saga.currency()), now);
    }

    private Decision declined(OrderSaga saga, PaymentDeclined declined) {
        if (saga.status() != OrderSaga.Status.AWAITING_PAYMENT) {
            return Decision.unchanged(saga);
        }
        // A provider error leaves the payment unknown (an attempt may have authorized before it timed out): void it.
        boolean unknownOutcome = declined.getReason() == PaymentDeclineReason.PROVIDER_ERROR;
        String detail = unknownOutcome ? "payment provider failed on every attempt; any authorization is voided"
                : "payment declined: " + declined.getReason();
        return reject(saga, OrderRejectionReason.PAYMENT_DECLINED, detail, null, HoldReleaseReason.PAYMENT_DECLINED,
                unknownOutcome);
    }

    private Decision committed(OrderSaga saga, HoldCommitted committed, Instant now) {
        OrderSaga.Line line = saga.lineByHold(committed.getHoldId());
        if (line == null || line.status() != OrderSaga.LineStatus.HELD) {
            return Decision.unchanged(saga);
        }
        return switch (saga.status()) {
            case COMMITTING, CONFIRMED -> {
                line.status(OrderSaga.LineStatus.COMMITTED);
                boolean confirmsNow = saga.status() == OrderSaga.Status.COMMITTING
                        && saga.all(OrderSaga.LineStatus.COMMITTED);
                yield confirmsNow ? new Decision(saga, List.of(), List.of(confirm(saga, now))) : Decision.none(saga);
            }
            // The order was undone while this commit was on its way: the units it bought go back on the shelf.
            case REJECTED, CANCELLED -> new Decision(saga, List.of(restock(saga, line)), List.of());
            default -> Decision.unchanged(saga);
        };
    }

    /**
     * A commit refused (its hold lapsed first): the order cannot be honoured, so undo what was done. Lines
     * already committed are restocked; lines whose commit is still on its way are restocked when it lands.
     */
    private Decision inventoryRejected(OrderSaga saga, InventoryCommandRejected rejected) {
        if (rejected.getCommandType() != InventoryCommandType.COMMIT_HOLD) {
            return Decision.unchanged(saga);
        }
        OrderSaga.Line lapsed = saga.lineByHold(rejected.getHoldId());
        if (lapsed == null || lapsed.status() != OrderSaga.LineStatus.HELD) {
            return Decision.unchanged(saga);
        }
        lapsed.status(OrderSaga.LineStatus.RELEASED); // its units went back when the hold expired
        OrderSaga.Status before = saga.status();
        if (before != OrderSaga.Status.COMMITTING && before != OrderSaga.Status.CONFIRMED) {
            return Decision.none(saga); // already undone by an earlier refusal
        }
        List<Object> commands = new ArrayList<>();
        for (OrderSaga.Line line : saga.lines()) {
            if (line.status() == OrderSaga.LineStatus.COMMITTED) {
                commands.add(restock(saga, line));
            }
        }
        String detail = "confirmation failed: " + rejected.getDetail();
        List<Object> events = new ArrayList<>();
        events.add(new PaymentVoidRequested(saga.orderId(), saga.paymentId(), detail));
        if (before == OrderSaga.Status.CONFIRMED) {
            saga.end(OrderSaga.Status.CANCELLED, detail);
            events.add(new OrderCancelled(saga.orderId(), detail, null));
        } else {
            saga.reject(OrderRejectionReason.HOLD_TIMEOUT.name());
            events.add(new OrderRejected(saga.orderId(), OrderRejectionReason.HOLD_TIMEOUT, detail, rejected.getSku()));
        }
        return new Decision(saga, commands, events);
    }

    /** Units sold to an order that was undone afterwards go back on the shelf. */
    private static ReceiveStock restock(OrderSaga saga, OrderSaga.Line line) {
        line.status(OrderSaga.LineStatus.RELEASED);
        return new ReceiveStock(line.holdId() + "/restock", saga.locationId(), line.sku(), line.quantity(),
                "returned: order " + saga.orderId() + " could not be honoured");
    }

    /**
     * The saga's own verdict read back from the log. Normally it is already applied; in a replay from offset 0
     * (where wall-clock deadlines do not fire again) it is what closes the order, so the log alone rebuilds it.
     */
    private static Decision recorded(OrderSaga saga, OrderSaga.Status verdict, String reason) {
        if (saga.finished()) {
            return Decision.unchanged(saga);
        }
        switch (verdict) {
            // Lines keep their state: their commits' answers follow in the log.
            case CONFIRMED -> saga.status(OrderSaga.Status.CONFIRMED, 0);
            case CANCELLED -> saga.end(OrderSaga.Status.CANCELLED, reason);
            default -> {
                for (OrderSaga.Line line : saga.lines()) {
                    if (line.status() != OrderSaga.LineStatus.REJECTED) {
                        line.status(OrderSaga.LineStatus.RELEASED);
                    }
                }
                saga.reject(reason);
            }
        }
        return Decision.none(saga);
    }

    private Decision reject(OrderSaga saga, OrderRejectionReason reason, String detail, String sku,
                            HoldReleaseReason releaseReason, boolean voidPayment) {
        List<Object> commands = new ArrayList<>();
        for (OrderSaga.Line line : saga.lines()) {
            if (line.status() == OrderSaga.LineStatus.HELD) {
                line.status(OrderSaga.LineStatus.RELEASED);
                commands.add(release(saga, line, releaseReason));
            }
        }
        saga.reject(reason.name());
        List<Object> events = new ArrayList<>();
        if (voidPayment) {
            events.add(new PaymentVoidRequested(saga.orderId(), saga.paymentId(), detail));
        }
        events.add(new OrderRejected(saga.orderId(), reason, detail, sku));
        return new Decision(saga, commands, events);
    }

    private static ReleaseHold release(OrderSaga saga, OrderSaga.Line line, HoldReleaseReason reason) {
        return new ReleaseHold(line.holdId() + "/release", saga.locationId(), line.sku(), line.holdId(), reason);
    }
}
