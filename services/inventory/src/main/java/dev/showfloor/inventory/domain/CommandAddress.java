package dev.showfloor.inventory.domain;

import dev.showfloor.events.inventory.AdjustStock;
import dev.showfloor.events.inventory.AllocateEscrow;
import dev.showfloor.events.inventory.CommitHold;
import dev.showfloor.events.inventory.InventoryCommandType;
import dev.showfloor.events.inventory.PlaceHold;
import dev.showfloor.events.inventory.ReceiveStock;
import dev.showfloor.events.inventory.ReleaseHold;
import dev.showfloor.events.inventory.ReturnEscrow;

/**
 * What every inventory command names: its id, its kind, the (location, sku) it is for and, for holds placed or
 * committed on behalf of an order, that order (null otherwise): the requester its decisions are answered to.
 */
public record CommandAddress(String commandId, InventoryCommandType type, String locationId, String sku,
                             String orderId) {

    public static CommandAddress of(Object command) {
        return switch (command) {
            case ReceiveStock c -> new CommandAddress(c.getCommandId(), InventoryCommandType.RECEIVE_STOCK,
                    c.getLocationId(), c.getSku(), null);
            case AdjustStock c -> new CommandAddress(c.getCommandId(), InventoryCommandType.ADJUST_STOCK,
                    c.getLocationId(), c.getSku(), null);
            case PlaceHold c -> new CommandAddress(c.getCommandId(), InventoryCommandType.PLACE_HOLD,
                    c.getLocationId(), c.getSku(), c.getOrderId());
            case ReleaseHold c -> new CommandAddress(c.getCommandId(), InventoryCommandType.RELEASE_HOLD,
                    c.getLocationId(), c.getSku(), null);
            case CommitHold c -> new CommandAddress(c.getCommandId(), InventoryCommandType.COMMIT_HOLD,
                    c.getLocationId(), c.getSku(), c.getOrderId());
            case AllocateEscrow c -> new CommandAddress(c.getCommandId(), InventoryCommandType.ALLOCATE_ESCROW,
                    c.getLocationId(), c.getSku(), null);
            case ReturnEscrow c -> new CommandAddress(c.getCommandId(), InventoryCommandType.RETURN_ESCROW,
                    c.getLocationId(), c.getSku(), null);
            default -> throw new IllegalArgumentException("not an inventory command: " + command);
        };
    }

    /** The partition key of every inventory topic: one aggregate per location and SKU. */
    public String key() {
        return locationId + ":" + sku;
    }
}
