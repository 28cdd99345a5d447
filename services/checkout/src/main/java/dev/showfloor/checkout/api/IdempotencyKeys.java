package dev.showfloor.checkout.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.showfloor.checkout.messaging.OrderStatusBoard;
import dev.showfloor.servicekit.memory.BoundedMap;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * Stripe-style idempotency: the order id is derived from (shopper, key), so a retry finds the first order; the
 * request hash tells "same request again" (answer as before) from "same key, other request" (422). Orders
 * accepted here, and those the status board sees placed through other instances, are remembered until the board
 * sees them decided (the saga stores an order before it decides it), which closes the gap until the saga store
 * has them.
 */
@ApplicationScoped
public class IdempotencyKeys {
    /**
     * A cap for when decisions stop arriving (the saga is down). Forgetting at the decision keeps the map at the
     * orders in flight, so its entries die young instead of every order's entry living through 100,000 more orders
     * (a fifth of checkout's live heap, promoted into the old generation and collected there by full collections).
     */
    private static final int REMEMBERED = 100_000;
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    private final Map<String, String> recentlyAccepted = new BoundedMap<>(REMEMBERED);

    public IdempotencyKeys(OrderStatusBoard board) {
        board.onEveryPlacement(this::rememberPlaced);
        board.onEveryDecision(this::forget);
    }

    public static String orderId(String shopperId, String idempotencyKey) {
        return "ord-" + UUID.nameUUIDFromBytes((shopperId + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256 of the body with object keys sorted, so formatting and key order do not matter. */
    public static String requestHash(JsonNode body) {
        try {
            byte[] canonical = CANONICAL.writeValueAsBytes(CANONICAL.convertValue(body, Object.class));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (java.io.IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records the first request for an order; returns the hash of the request already recorded, if any. */
    public synchronized String acceptOrGetFirst(String orderId, String requestHash) {
        return recentlyAccepted.putIfAbsent(orderId, requestHash);
    }

    /** An order placed through any instance, this one included (its own entry is already there and stays). */
    private void rememberPlaced(String orderId, String requestHash) {
        if (requestHash != null) {
            acceptOrGetFirst(orderId, requestHash);
        }
    }

    /** The hash of the first request accepted for the order, here or (as the status board saw) elsewhere, or null. */
    public synchronized String firstRequest(String orderId) {
        return recentlyAccepted.get(orderId);
    }

    public synchronized boolean recentlyAccepted(String orderId) {
        return recentlyAccepted.containsKey(orderId);
    }

    public synchronized void forget(String orderId) {
        recentlyAccepted.remove(orderId);
    }
}
