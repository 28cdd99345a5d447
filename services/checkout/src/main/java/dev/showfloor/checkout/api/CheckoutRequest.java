package dev.showfloor.checkout.api;

import java.util.List;

/**
 * Body of POST /checkouts. Amounts are minor units of {@code currency}; the shopper appears only by a
 * pseudonymous id; the payment token is the provider SDK's opaque token, never card data.
 */
public record CheckoutRequest(String shopperId, String locationId, String showId, String channel, String currency,
                              List<Line> lines, Attribution attribution, String paymentToken,
                              Fulfillment fulfillment) {

    public record Line(String sku, Integer quantity, Long unitPriceMinor, String dropId) {
    }

    public record Attribution(String liveSessionId, String creatorId, List<String> offerIds, String attributionToken) {
    }

    /** method: PICKUP, SAME_DAY_DELIVERY or SHIP; an address is required unless PICKUP. */
    public record Fulfillment(String method, Address address) {
    }

    public record Address(String line1, String line2, String city, String postalCode, String region,
                          String countryCode, String deliveryNote) {
    }
}
