package dev.showfloor.checkout.api;

import dev.showfloor.checkout.config.CheckoutConfig;
import dev.showfloor.checkout.messaging.OrderStatusBoard;
import dev.showfloor.servicekit.api.ProblemException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** Order status: read, long-polled until decided, or pushed as Server-Sent Events. */
@Path("/orders")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class OrderResource {
    private final OrderQueries orders;
    private final OrderStatusBoard board;
    private final IdempotencyKeys keys;
    private final CheckoutConfig config;
    private final ManagedExecutor executor;

    public OrderResource(OrderQueries orders, OrderStatusBoard board, IdempotencyKeys keys, CheckoutConfig config,
                         ManagedExecutor executor) {
        this.orders = orders;
        this.board = board;
        this.keys = keys;
        this.config = config;
        this.executor = executor;
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
        OrderView now = current(orderId);
        if (now.decided() || waitMs == 0) {
            decided.cancel(false);
            return CompletableFuture.completedFuture(now);
        }
        long wait = Math.min(waitMs, config.maxWait().toMillis());
        return decided.completeOnTimeout(null, wait, TimeUnit.MILLISECONDS)
                .thenApplyAsync(ignored -> current(orderId), executor);
    }

    /** The current state at once, then the decision when it comes; the stream ends after the decision. */
    @GET
    @Path("/{orderId}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<OrderView> events(@PathParam("orderId") String orderId) {
        return Multi.createFrom().emitter(emitter -> {
            CompletableFuture<Void> decided = board.decided(orderId);
            OrderView now = current(orderId);
            emitter.emit(now);
            if (now.decided()) {
                decided.cancel(false);
                emitter.complete();
                return;
            }
            decided.completeOnTimeout(null, config.maxWait().toMillis(), TimeUnit.MILLISECONDS)
                    .thenRunAsync(() -> {
                        emitter.emit(current(orderId));
                        emitter.complete();
                    }, executor);
            emitter.onTermination(() -> decided.cancel(false));
        });
    }

    private OrderView current(String orderId) {
        return orders.find(orderId, false).map(OrderQueries.StoredOrder::view)
                .or(() -> keys.recentlyAccepted(orderId) ? java.util.Optional.of(OrderView.accepted(orderId))
                        : java.util.Optional.empty())
                .orElseThrow(() -> ProblemException.notFound("no order " + orderId));
    }
}
