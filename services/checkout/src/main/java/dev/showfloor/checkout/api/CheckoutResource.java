package dev.showfloor.checkout.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.showfloor.checkout.messaging.OrderEventPublisher;
import dev.showfloor.events.checkout.Attribution;
import dev.showfloor.events.checkout.FulfillmentMethod;
import dev.showfloor.events.checkout.OrderLine;
import dev.showfloor.events.checkout.OrderPlaced;
import dev.showfloor.events.checkout.SalesChannel;
import dev.showfloor.events.common.Address;
import dev.showfloor.events.common.Money;
import dev.showfloor.servicekit.api.Problem;
import dev.showfloor.servicekit.api.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * One-tap checkout: accepts an order once per Idempotency-Key and starts its saga. Runs on the event loop:
 * nothing on its path blocks (a store read, a send answered asynchronously), and each thread hand-off cost more
 * than the work.
 */
@Path("/checkouts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CheckoutResource {
    static final String PRODUCER = "checkout-api";
    private static final Logger LOG = Logger.getLogger(CheckoutResource.class);
    private final OrderEventPublisher publisher;
    private final OrderQueries orders;
    private final OrderDecisions decisions;
    private final IdempotencyKeys keys;
    private final ObjectMapper json;

    public CheckoutResource(OrderEventPublisher publisher, OrderQueries orders, OrderDecisions decisions,
                            IdempotencyKeys keys, ObjectMapper json) {
        this.publisher = publisher;
        this.orders = orders;
        this.decisions = decisions;
        this.keys = keys;
        this.json = json;
    }

    /**
     * 202 with the order id and where to follow it. The same Idempotency-Key with the same body answers the
     * same again (no second order); with another body it is a 422. With {@code Prefer: wait=N} (seconds, capped
     * like a long-poll) it answers 200 with the decided order instead, if the decision comes within the wait:
     * a one-tap checkout learns its outcome in one round trip.
     */
    @POST
    public CompletionStage<Response> checkout(@HeaderParam("Idempotency-Key") String idempotencyKey,
                                              @HeaderParam("Prefer") String prefer, JsonNode body) {
        CheckoutRequest request = readValid(idempotencyKey, body);
        String orderId = IdempotencyKeys.orderId(request.shopperId(), idempotencyKey);
        CompletionStage<Response> answer = accept(orderId, idempotencyKey, body, request);
        long waitMs = PreferWait.millis(prefer);
        if (waitMs == 0) {
            return answer;
        }
        return answer.thenCompose(response -> {
            if (response.getStatus() != Response.Status.ACCEPTED.getStatusCode()) {
                return CompletableFuture.completedFuture(response);
            }
            // The order is recorded either way: if its state cannot be read now, the 202 still tells where to look.
            return decisions.awaitDecision(orderId, waitMs)
                    .thenApply(order -> order.decided() ? decided(order) : response)
                    .exceptionally(unreadable -> {
                        LOG.debugf(unreadable, "order %s accepted, its decision could not be awaited", orderId);
                        return response;
                    });
        });
    }

    /** The request, or a 400 naming what is wrong with it. */
    private CheckoutRequest readValid(String idempotencyKey, JsonNode body) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw ProblemException.badRequest("the Idempotency-Key header is required (1–200 characters)");
        }
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest("a JSON object body is required");
        }
        CheckoutRequest request;
        try {
            request = json.treeToValue(body, CheckoutRequest.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException unreadable) {
            throw ProblemException.badRequest("unreadable body: " + unreadable.getOriginalMessage());
        }
        CheckoutValidation.validate(request);
        return request;
    }

    private CompletionStage<Response> accept(String orderId, String idempotencyKey, JsonNode body,
                                             CheckoutRequest request) {
        String requestHash = IdempotencyKeys.requestHash(body);
        String remembered = keys.firstRequest(orderId);
        if (remembered != null) {
            return CompletableFuture.completedFuture(
                    againOrConflict(orderId, idempotencyKey, remembered, requestHash));
        }
        return orders.find(orderId).thenCompose(stored -> {
            String firstHash = stored.map(OrderQueries.StoredOrder::requestHash)
                    .orElseGet(() -> keys.acceptOrGetFirst(orderId, requestHash)); // a concurrent twin may win
            if (firstHash != null) {
                return CompletableFuture.completedFuture(againOrConflict(orderId, idempotencyKey, firstHash,
                        requestHash));
            }
            return publisher.publish(orderId, request.shopperId(), PRODUCER, null,
                            orderPlaced(orderId, idempotencyKey, requestHash, request))
                    .thenApply(sent -> accepted(orderId))
                    .exceptionally(failure -> {
                        keys.forget(orderId); // nothing was written: a retry may try again
                        throw new ProblemException(Problem.of(503, "Service Unavailable",
                                "the order could not be recorded; retry with the same Idempotency-Key"));
                    });
        });
    }

    /** The first answer again for the same request; 422 for another request under the same key. */
    private static Response againOrConflict(String orderId, String idempotencyKey, String firstHash,
                                            String requestHash) {
        if (!firstHash.equals(requestHash)) {
            throw new ProblemException(Problem.of(422, "Unprocessable Content",
                    "Idempotency-Key " + idempotencyKey + " was already used with a different request"));
        }
        return accepted(orderId);
    }

    private static Response accepted(String orderId) {
        URI status = URI.create("/orders/" + orderId);
        return Response.accepted(Map.of("orderId", orderId, "status", "PENDING", "statusUrl", status.toString(),
                "eventsUrl", status + "/events")).location(status).build();
    }

    /**
     * Built on whichever thread the decision arrives on, outside the request's context, so the Location is set as
     * the relative reference it is (Response.location would resolve it against the current request).
     */
    private static Response decided(OrderView order) {
        return Response.ok(order).header(HttpHeaders.LOCATION, "/orders/" + order.orderId()).build();
    }

    private static OrderPlaced orderPlaced(String orderId, String idempotencyKey, String requestHash,
                                           CheckoutRequest request) {
        List<OrderLine> lines = request.lines().stream().map(line -> new OrderLine(line.sku(), line.quantity(),
                new Money(line.unitPriceMinor(), request.currency()), null, line.dropId())).toList();
        long total = request.lines().stream().mapToLong(line -> line.unitPriceMinor() * line.quantity()).sum();
        CheckoutRequest.Attribution attribution = request.attribution();
        CheckoutRequest.Address address = request.fulfillment().address();
        return new OrderPlaced(orderId, request.shopperId(), request.locationId(), request.showId(),
                request.channel() == null ? SalesChannel.MICROSITE : SalesChannel.valueOf(request.channel()), lines,
                new Money(total, request.currency()),
                new Attribution(request.showId(),
                        attribution == null ? null : attribution.liveSessionId(),
                        attribution == null ? null : attribution.creatorId(),
                        attribution == null || attribution.offerIds() == null ? List.of() : attribution.offerIds(),
                        attribution == null ? null : attribution.attributionToken()),
                FulfillmentMethod.valueOf(request.fulfillment().method()),
                address == null || "PICKUP".equals(request.fulfillment().method()) ? null
                        : new Address(address.line1(), address.line2(), address.city(), address.postalCode(),
                                address.region(), address.countryCode(), address.deliveryNote()),
                null, idempotencyKey, requestHash, request.paymentToken());
    }
}
