package dev.showfloor.checkout.api;

import dev.showfloor.servicekit.api.ProblemException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * Order status: read, long-polled until decided, or pushed as Server-Sent Events. Waits without a thread: a
 * decision completes the waiting request from the status board. The long-poll runs on the event loop.
 */
@Path("/orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {
    private final OrderDecisions decisions;

    public OrderResource(OrderDecisions decisions) {
        this.decisions = decisions;
    }

    /** With {@code waitMs}, answers as soon as the order is decided or the wait ends (capped by config). */
    @GET
    @Path("/{orderId}")
    public CompletionStage<OrderView> order(@PathParam("orderId") String orderId,
                                            @QueryParam("waitMs") @DefaultValue("0") long waitMs) {
        if (waitMs < 0) {
            throw ProblemException.badRequest("waitMs must not be negative");
        }
        return decisions.awaitDecision(orderId, waitMs);
    }

    /**
     * The current state at once, then the decision when it comes; the stream ends after the decision. An SSE
     * response's headers go out before its first event, so the order is looked up before the stream starts (on a
     * worker thread, since it may be another instance's): an unknown order is a 404, not a reset stream. A client
     * may open the stream on another instance the moment its order is accepted, so an unknown order is waited
     * for briefly first.
     */
    @GET
    @Path("/{orderId}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking
    public Multi<OrderView> events(@PathParam("orderId") String orderId) {
        CompletableFuture<Void> decided = decisions.listen(orderId); // before reading, so no decision slips by
        OrderView now;
        try {
            now = decisions.currentOrSoon(orderId).join();
        } catch (CompletionException failure) {
            decided.cancel(false);
            throw failure.getCause() instanceof RuntimeException cause ? cause : failure;
        }
        if (now.decided()) {
            decided.cancel(false);
            return Multi.createFrom().item(now);
        }
        Multi<OrderView> decision = Uni.createFrom()
                .completionStage(() -> decisions.afterDecision(orderId, decided)).toMulti();
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(now), decision)
                .onTermination().invoke(() -> decided.cancel(false));
    }
}
