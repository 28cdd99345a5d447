package dev.showfloor.checkout.api;

import dev.showfloor.checkout.config.CheckoutConfig;
import dev.showfloor.checkout.messaging.OrderStatusBoard;
import dev.showfloor.servicekit.api.ProblemException;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * Order status: read, long-polled until decided, or pushed as Server-Sent Events. Runs on the event loop and
 * waits without a thread: a decision completes the waiting request from the status board.
 */
@Path("/orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {
    private final OrderQueries orders;
    private final OrderStatusBoard board;
    private final IdempotencyKeys keys;
    private final CheckoutConfig config;

    public OrderResource(OrderQueries orders, OrderStatusBoard board, IdempotencyKeys keys, CheckoutConfig config) {
        this.orders = orders;
        this.board = board;
        this.keys = keys;
        this.config = config;
    }

    /** With {@code waitMs}, answers as soon as the order is decided or the wait ends (capped by config). */
    @GET
    @Path("/{orderId}")
    public CompletionStage<OrderView> order(@PathParam("orderId") String orderId,
                                            @QueryParam("waitMs") @DefaultValue("0") long waitMs) {
        if (waitMs < 0) {
            throw ProblemException.badRequest("waitMs must not be negative");
        }
        CompletableFuture<Void> decided = board.decided(orderId); // before reading, so no decision slips by
        long wait = Math.min(waitMs, config.maxWait().toMillis());
        return current(orderId).thenCompose(now -> {
            if (now.decided() || wait == 0) {
                return CompletableFuture.completedFuture(now);
            }
            return decided.completeOnTimeout(null, wait, TimeUnit.MILLISECONDS)
                    .thenCompose(ignored -> current(orderId));
        }).whenComplete((answered, failure) -> decided.cancel(false));
    }

    /** The current state at once, then the decision when it comes; the stream ends after the decision. */
    @GET
    @Path("/{orderId}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<OrderView> events(@PathParam("orderId") String orderId) {
        return Multi.createFrom().emitter(emitter -> {
            CompletableFuture<Void> decided = board.decided(orderId);
            emitter.onTermination(() -> decided.cancel(false));
            current(orderId).thenCompose(now -> {
                emitter.emit(now);
                if (now.decided()) {
                    return CompletableFuture.completedFuture(null);
                }
                return decided.completeOnTimeout(null, config.maxWait().toMillis(), TimeUnit.MILLISECONDS)
                        .thenCompose(ignored -> current(orderId)).thenAccept(emitter::emit);
            }).whenComplete((done, failure) -> {
                if (failure == null) {
                    emitter.complete();
                } else {
                    emitter.fail(failure instanceof CompletionException wrapped && wrapped.getCause() != null
                            ? wrapped.getCause() : failure);
                }
            });
        });
    }

    private CompletableFuture<OrderView> current(String orderId) {
        return orders.findWithoutBlocking(orderId).thenApply(found -> found.map(OrderQueries.StoredOrder::view)
                .or(() -> keys.recentlyAccepted(orderId) ? Optional.of(OrderView.accepted(orderId)) : Optional.empty())
                .orElseThrow(() -> ProblemException.notFound("no order " + orderId)));
    }
}
