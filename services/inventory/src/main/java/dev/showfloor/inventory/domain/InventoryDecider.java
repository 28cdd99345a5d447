package dev.showfloor.inventory.domain;

import dev.showfloor.events.inventory.AdjustStock;
import dev.showfloor.events.inventory.AllocateEscrow;
import dev.showfloor.events.inventory.CommandRejectionReason;
import dev.showfloor.events.inventory.CommitHold;
import dev.showfloor.events.inventory.EscrowAllocated;
import dev.showfloor.events.inventory.EscrowReturned;
import dev.showfloor.events.inventory.HoldCommitted;
import dev.showfloor.events.inventory.HoldExpired;
import dev.showfloor.events.inventory.HoldPlaced;
import dev.showfloor.events.inventory.HoldRejected;
import dev.showfloor.events.inventory.HoldRejectionReason;
import dev.showfloor.events.inventory.HoldReleased;
import dev.showfloor.events.inventory.InventoryCommandRejected;
import dev.showfloor.events.inventory.InventoryCommandType;
import dev.showfloor.events.inventory.PlaceHold;
import dev.showfloor.events.inventory.ReceiveStock;
import dev.showfloor.events.inventory.ReleaseHold;
import dev.showfloor.events.inventory.ReturnEscrow;
import dev.showfloor.events.inventory.StockAdjusted;
import dev.showfloor.events.inventory.StockLevel;
import dev.showfloor.events.inventory.StockReceived;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every stock decision, as a pure function of the position, the command and the clock. Commands for one
 * (location, sku) arrive in order on one partition, so check-and-hold needs no lock and cannot oversell.
 *
 * <p>Returns the events to publish (payloads of {@code inventory.events}); an empty list means "already
 * processed" (a repeated commandId). A placed hold is its own record of the PlaceHold that placed it: while it is
 * open, and for the de-duplication window after it ended, a repeat of that command is recognised by the hold,
 * so the caller need not remember the commandId of a command whose answer was {@link HoldPlaced}.
 */
public final class InventoryDecider {
    /** Upper bound on any single quantity; larger numbers are typos, not stock. */
    public static final int MAX_QUANTITY = 1_000_000;
    private final InventoryPolicy policy;

    public InventoryDecider(InventoryPolicy policy) {
        this.policy = policy;
    }

    public InventoryPolicy policy() {
        return policy;
    }

    /** Decides one command (already known not to be a repeat) against the position and its holds. */
    public List<Object> decide(StockPosition position, HoldBook book, Object command, Instant now) {
        return switch (command) {
            case ReceiveStock receive -> receive(position, receive);
            case AdjustStock adjust -> adjust(position, adjust);
            case PlaceHold place -> place(position, book, place, now);
            case ReleaseHold release -> release(position, book, release);
            case CommitHold commit -> commit(position, book, commit);
            case AllocateEscrow allocate -> allocate(position, allocate);
            case ReturnEscrow giveBack -> returnEscrow(position, giveBack);
            default -> throw new IllegalArgumentException("not an inventory command: " + command);
        };
    }

    /** Ends those of the given holds whose TTL ran out by {@code now}; their units become available again. */
    public List<Object> expire(StockPosition position, HoldBook book, List<String> holdIds, Instant now) {
        List<Object> events = new ArrayList<>();
        for (String holdId : holdIds) {
            StockPosition.Hold hold = book.hold(holdId);
            if (hold != null && hold.expiresAtMillis() <= now.toEpochMilli()) {
                end(position, book, hold, StockPosition.HoldOutcome.EXPIRED);
                events.add(new HoldExpired(hold.commandId(), position.locationId(), position.sku(), hold.holdId(),
                        hold.orderId(), hold.quantity()));
            }
        }
        return events;
    }

    public StockLevel level(StockPosition position, Instant now) {
        int available = position.available();
        return new StockLevel(position.locationId(), position.sku(), position.onHand(), position.held(),
                position.escrowed(), available, available < policy.lowStockThreshold(), policy.lowStockThreshold(),
                now);
    }

    private List<Object> receive(StockPosition position, ReceiveStock receive) {
        if (!validQuantity(receive.getQuantity())) {
            return List.of(rejected(position, receive.getCommandId(), InventoryCommandType.RECEIVE_STOCK,
                    CommandRejectionReason.INVALID_QUANTITY, "quantity must be 1.." + MAX_QUANTITY, null));
        }
        position.setOnHand(position.onHand() + receive.getQuantity());
        return List.of(new StockReceived(receive.getCommandId(), position.locationId(), position.sku(),
                receive.getQuantity(), position.onHand()));
    }

    private List<Object> adjust(StockPosition position, AdjustStock adjust) {
        int counted = adjust.getCountedOnHand();
        // A count replaces on-hand as found; if it falls under held + escrowed, available goes negative and no
        // new hold succeeds until stock is received (the shortfall is visible on the stock level).
        if (counted < 0 || counted > MAX_QUANTITY) {
            return List.of(rejected(position, adjust.getCommandId(), InventoryCommandType.ADJUST_STOCK,
                    CommandRejectionReason.INVALID_QUANTITY, "countedOnHand must be 0.." + MAX_QUANTITY, null));
        }
        int previous = position.onHand();
        position.setOnHand(counted);
        return List.of(new StockAdjusted(adjust.getCommandId(), position.locationId(), position.sku(), previous,
                counted, counted - previous, adjust.getReason()));
    }

    private List<Object> place(StockPosition position, HoldBook book, PlaceHold place, Instant now) {
        StockPosition.Hold open = book.hold(place.getHoldId());
        StockPosition.EndedHold ended = open == null ? book.ended(place.getHoldId()) : null;
        if (open != null && open.commandId().equals(place.getCommandId())
                || ended != null && place.getCommandId().equals(ended.placedBy())) {
            return List.of(); // the command that placed this hold, again
        }
        int quantity = place.getQuantity();
        if (!validQuantity(quantity) || place.getTtlMillis() <= 0) {
            return List.of(holdRejected(position, place, HoldRejectionReason.INVALID_QUANTITY));
        }
        if (open != null || ended != null) {
            return List.of(rejected(position, place.getCommandId(), InventoryCommandType.PLACE_HOLD,
                    CommandRejectionReason.UNKNOWN, "hold " + place.getHoldId() + " already exists", place.getHoldId()));
        }
        Integer cap = place.getPerBuyerCap();
        if (cap != null && place.getDropId() != null && place.getShopperId() != null
                && book.buyerUnits(place.getDropId(), place.getShopperId()) + quantity > cap) {
            return List.of(holdRejected(position, place, HoldRejectionReason.BUYER_CAP_EXCEEDED));
        }
        String edge = place.getEdgeNodeId();
        if (edge != null) {
            if (position.escrowOf(edge) < quantity) {
                return List.of(holdRejected(position, place, HoldRejectionReason.INSUFFICIENT_ESCROW));
            }
            position.changeEscrow(edge, -quantity); // the held units move from the edge's escrow into the hold
        } else if (position.available() < quantity) {
            return List.of(holdRejected(position, place, HoldRejectionReason.INSUFFICIENT_STOCK));
        }
        long expiresAt = now.toEpochMilli() + place.getTtlMillis();
        book.put(new StockPosition.Hold(place.getHoldId(), place.getOrderId(), place.getCommandId(), quantity,
                expiresAt, place.getDropId(), place.getShopperId(), edge));
        position.changeHeld(quantity);
        if (place.getDropId() != null && place.getShopperId() != null) {
            book.buyerUnits(place.getDropId(), place.getShopperId(),
                    book.buyerUnits(place.getDropId(), place.getShopperId()) + quantity);
        }
        return List.of(new HoldPlaced(place.getCommandId(), position.locationId(), position.sku(), place.getHoldId(),
                place.getOrderId(), quantity, Instant.ofEpochMilli(expiresAt), place.getDropId(),
                place.getShopperId(), edge));
    }

    private List<Object> release(StockPosition position, HoldBook book, ReleaseHold release) {
        StockPosition.Hold hold = book.hold(release.getHoldId());
        if (hold == null) {
            return List.of(unknownHold(position, book, release.getCommandId(), InventoryCommandType.RELEASE_HOLD,
                    release.getHoldId()));
        }
        end(position, book, hold, StockPosition.HoldOutcome.RELEASED);
        return List.of(new HoldReleased(release.getCommandId(), position.locationId(), position.sku(), hold.holdId(),
                hold.orderId(), hold.quantity(), release.getReason()));
    }

    private List<Object> commit(StockPosition position, HoldBook book, CommitHold commit) {
        StockPosition.Hold hold = book.hold(commit.getHoldId());
        if (hold == null) {
            return List.of(unknownHold(position, book, commit.getCommandId(), InventoryCommandType.COMMIT_HOLD,
                    commit.getHoldId()));
        }
        end(position, book, hold, StockPosition.HoldOutcome.COMMITTED);
        position.setOnHand(position.onHand() - hold.quantity()); // the units leave with the buyer
        return List.of(new HoldCommitted(commit.getCommandId(), position.locationId(), position.sku(), hold.holdId(),
                hold.orderId(), hold.quantity(), hold.edgeNodeId()));
    }

    private List<Object> allocate(StockPosition position, AllocateEscrow allocate) {
        int quantity = allocate.getQuantity();
        if (!validQuantity(quantity)) {
            return List.of(rejected(position, allocate.getCommandId(), InventoryCommandType.ALLOCATE_ESCROW,
                    CommandRejectionReason.INVALID_QUANTITY, "quantity must be 1.." + MAX_QUANTITY, null));
        }
        if (position.available() < quantity) {
            return List.of(rejected(position, allocate.getCommandId(), InventoryCommandType.ALLOCATE_ESCROW,
                    CommandRejectionReason.INSUFFICIENT_STOCK,
                    "only " + position.available() + " available for escrow", null));
        }
        position.changeEscrow(allocate.getEdgeNodeId(), quantity);
        return List.of(new EscrowAllocated(allocate.getCommandId(), position.locationId(), position.sku(),
                allocate.getEdgeNodeId(), quantity, position.escrowOf(allocate.getEdgeNodeId()),
                allocate.getValidUntil()));
    }

    private List<Object> returnEscrow(StockPosition position, ReturnEscrow giveBack) {
        int quantity = giveBack.getQuantity();
        if (!validQuantity(quantity) || position.escrowOf(giveBack.getEdgeNodeId()) < quantity) {
            return List.of(rejected(position, giveBack.getCommandId(), InventoryCommandType.RETURN_ESCROW,
                    validQuantity(quantity) ? CommandRejectionReason.INSUFFICIENT_ESCROW
                            : CommandRejectionReason.INVALID_QUANTITY,
                    "edge node " + giveBack.getEdgeNodeId() + " holds " + position.escrowOf(giveBack.getEdgeNodeId())
                            + " in escrow", null));
        }
        position.changeEscrow(giveBack.getEdgeNodeId(), -quantity);
        return List.of(new EscrowReturned(giveBack.getCommandId(), position.locationId(), position.sku(),
                giveBack.getEdgeNodeId(), quantity));
    }

    /**
     * Ends a hold. A sale keeps counting toward the buyer's cap, a release or expiry does not; released and
     * expired edge holds go back to the edge's escrow, central ones to available stock.
     */
    private static void end(StockPosition position, HoldBook book, StockPosition.Hold hold,
                            StockPosition.HoldOutcome outcome) {
        book.remove(hold);
        book.ended(hold, outcome);
        position.changeHeld(-hold.quantity());
        if (outcome == StockPosition.HoldOutcome.COMMITTED) {
            return;
        }
        if (hold.dropId() != null && hold.shopperId() != null) {
            book.buyerUnits(hold.dropId(), hold.shopperId(),
                    Math.max(0, book.buyerUnits(hold.dropId(), hold.shopperId()) - hold.quantity()));
        }
        if (hold.edgeNodeId() != null) {
            position.changeEscrow(hold.edgeNodeId(), hold.quantity());
        }
    }

    private InventoryCommandRejected unknownHold(StockPosition position, HoldBook book, String commandId,
                                                 InventoryCommandType type, String holdId) {
        StockPosition.EndedHold ended = book.ended(holdId);
        CommandRejectionReason reason = ended == null ? CommandRejectionReason.UNKNOWN_HOLD : switch (ended.outcome()) {
            case EXPIRED -> CommandRejectionReason.HOLD_EXPIRED;
            case COMMITTED -> CommandRejectionReason.HOLD_ALREADY_COMMITTED;
            case RELEASED -> CommandRejectionReason.HOLD_ALREADY_RELEASED;
        };
        return rejected(position, commandId, type, reason, "hold " + holdId + " is not active", holdId);
    }

    private static HoldRejected holdRejected(StockPosition position, PlaceHold place, HoldRejectionReason reason) {
        return new HoldRejected(place.getCommandId(), position.locationId(), position.sku(), place.getHoldId(),
                place.getOrderId(), place.getQuantity(), reason, position.available());
    }

    private static InventoryCommandRejected rejected(StockPosition position, String commandId,
                                                     InventoryCommandType type, CommandRejectionReason reason,
                                                     String detail, String holdId) {
        return new InventoryCommandRejected(commandId, position.locationId(), position.sku(), type, reason, detail,
                holdId);
    }

    private static boolean validQuantity(int quantity) {
        return quantity > 0 && quantity <= MAX_QUANTITY;
    }
}
