package dev.showfloor.inventory.api;

import dev.showfloor.events.inventory.AdjustStock;
import dev.showfloor.events.inventory.ReceiveStock;
import dev.showfloor.inventory.messaging.InventoryCommandPublisher;
import dev.showfloor.servicekit.api.Problem;
import dev.showfloor.servicekit.api.ProblemException;
import dev.showfloor.streamskit.InteractiveQueries;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

@Path("/inventory")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Blocking
public class InventoryResource {
    private final StockQueries queries;
    private final InventoryCommandPublisher commands;

    public InventoryResource(StockQueries queries, InventoryCommandPublisher commands) {
        this.queries = queries;
        this.commands = commands;
    }

    @GET
    @Path("/{locationId}/{sku}")
    public StockLevelView stock(@PathParam("locationId") String locationId, @PathParam("sku") String sku,
                                @HeaderParam(InteractiveQueries.FORWARDED_HEADER) String forwarded) {
        List<Problem.FieldError> errors = new ArrayList<>();
        StockRequests.validateIds(locationId, sku, errors);
        StockRequests.throwIfAny(errors);
        return queries.find(locationId, sku, forwarded != null)
                .orElseThrow(() -> ProblemException.notFound("no stock recorded for " + sku + " at " + locationId));
    }

    @GET
    @Path("/{locationId}")
    public List<StockLevelView> location(@PathParam("locationId") String locationId,
                                         @QueryParam("lowStock") @DefaultValue("false") boolean lowStock,
                                         @QueryParam("local") @DefaultValue("false") boolean local) {
        List<Problem.FieldError> errors = new ArrayList<>();
        StockRequests.validateId("locationId", locationId, errors);
        StockRequests.throwIfAny(errors);
        return queries.byLocation(locationId, lowStock, local);
    }

    /** Goods in. With an Idempotency-Key, a retried receipt is applied once. */
    @POST
    @Path("/{locationId}/{sku}/receipts")
    public CompletionStage<Response> receive(@PathParam("locationId") String locationId, @PathParam("sku") String sku,
                                             @HeaderParam("Idempotency-Key") String idempotencyKey,
                                             StockRequests.Receipt receipt) {
        StockRequests.validate(locationId, sku, receipt);
        String commandId = commandId("receipt", idempotencyKey);
        return accepted(commandId, locationId, sku, commands.send(
                new ReceiveStock(commandId, locationId, sku, receipt.quantity(), receipt.reference())));
    }

    /** A count: replaces on-hand and records the variance. */
    @POST
    @Path("/{locationId}/{sku}/adjustments")
    public CompletionStage<Response> adjust(@PathParam("locationId") String locationId, @PathParam("sku") String sku,
                                            @HeaderParam("Idempotency-Key") String idempotencyKey,
                                            StockRequests.Adjustment adjustment) {
        StockRequests.validate(locationId, sku, adjustment);
        String commandId = commandId("adjustment", idempotencyKey);
        return accepted(commandId, locationId, sku, commands.send(
                new AdjustStock(commandId, locationId, sku, adjustment.countedOnHand(), adjustment.reason())));
    }

    private static CompletionStage<Response> accepted(String commandId, String locationId, String sku,
                                                      CompletionStage<Void> sent) {
        URI status = URI.create("/inventory/" + locationId + "/" + sku);
        return sent.thenApply(done -> Response.accepted(Map.of("commandId", commandId, "status", status.toString()))
                .location(status).build());
    }

    /** The same Idempotency-Key always maps to the same commandId, which the stock aggregate de-duplicates. */
    private static String commandId(String kind, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return kind + "-" + UUID.randomUUID();
        }
        if (idempotencyKey.length() > 200) {
            throw ProblemException.badRequest("Idempotency-Key must be at most 200 characters");
        }
        return kind + "-" + UUID.nameUUIDFromBytes((kind + ":" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
    }
}
