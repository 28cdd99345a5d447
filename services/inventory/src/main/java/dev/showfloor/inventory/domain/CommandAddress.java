package dev.showfloor.inventory.domain;

import dev.showfloor.events.inventory.AdjustStock;
import dev.showfloor.events.inventory.AllocateEscrow;
import dev.showfloor.events.inventory.CommitHold;
import dev.showfloor.events.inventory.InventoryCommandType;
import dev.showfloor.events.inventory.PlaceHold;
import dev.showfloor.events.inventory.ReceiveStock;
import dev.showfloor.events.inventory.ReleaseHold;
import dev.showfloor.events.inventory.ReturnEscrow;

/** What every inventory command names: its id, its kind and the (location, sku) it is for. */
public record CommandAddress(String commandId, InventoryCommandType type, String locationId, String sku) {

    public static CommandAddress of(Object command) {
        return switch (command) {
            case ReceiveStock c -> new CommandAddress(c.getCommandId(), InventoryCommandType.RECEIVE_STOCK,
                    c.getLocationId(), c.getSku());
            case AdjustStock c -> new CommandAddress(c.getCommandId(), InventoryCommandType.ADJUST_STOCK,
                    c.getLocationId(), c.getSku());
            case PlaceHold c -> new CommandAddress(c.getCommandId(), InventoryCommandType.PLACE_HOLD,
                    c.getLocationId(), c.getSku());
            case ReleaseHold c -> new CommandAddress(c.getCommandId(), InventoryCommandType.RELEASE_HOLD,
                    c.getLocationId(), c.getSku());
            case CommitHold c -> new CommandAddress(c.getCommandId(), InventoryCommandType.COMMIT_HOLD,
                    c.getLocationId(), c.getSku());
            case AllocateEscrow c -> new CommandAddress(c.getCommandId(), InventoryCommandType.ALLOCATE_ESCROW,
                    c.getLocationId(), c.getSku());
            case ReturnEscrow c -> new CommandAddress(c.getCommandId(), InventoryCommandType.RETURN_ESCROW,
                    c.getLocationId(), c.getSku());
            default -> throw new IllegalArgumentException("not an inventory command: " + command);
        };
    }

    /** The partition key of every inventory topic: one aggregate per location and SKU. */
    public String key() {
        return locationId + ":" + sku;
    }
}
