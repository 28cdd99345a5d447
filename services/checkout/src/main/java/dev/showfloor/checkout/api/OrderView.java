package dev.showfloor.checkout.api;

import dev.showfloor.checkout.domain.OrderSaga;
import java.util.List;

/** An order's state as clients see it: PENDING until it is CONFIRMED or REJECTED; a confirmed order is
 * CANCELLED in the rare case its holds lapsed before inventory committed them. */
public record OrderView(String orderId, String status, String reason, long totalMinor, String currency,
                        List<LineView> lines) {
    public record LineView(String sku, int quantity, String hold) {
    }

    public boolean decided() {
        return !"PENDING".equals(status);
    }

    static OrderView of(OrderSaga saga) {
        String status = switch (saga.status()) {
            case CONFIRMED -> "CONFIRMED";
            case REJECTED -> "REJECTED";
            case CANCELLED -> "CANCELLED";
            default -> "PENDING";
        };
        return new OrderView(saga.orderId(), status, saga.rejectionReason(), saga.totalMinor(), saga.currency(),
                saga.lines().stream().map(line -> new LineView(line.sku(), line.quantity(), line.status().name()))
                        .toList());
    }

    /** Accepted by the API but not yet seen by the saga. */
    static OrderView accepted(String orderId) {
        return new OrderView(orderId, "PENDING", null, 0, null, List.of());
    }
}
