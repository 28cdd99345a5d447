package dev.showfloor.checkout.api;

import dev.showfloor.servicekit.api.ProblemException;
import dev.showfloor.streamskit.InteractiveQueries;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Instance-to-instance reads of the saga store (forwarded interactive queries); not for clients. */
@Path(InternalOrderResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class InternalOrderResource {
    static final String PATH = "/internal/orders";
    private final OrderQueries orders;

    public InternalOrderResource(OrderQueries orders) {
        this.orders = orders;
    }

    @GET
    @Path("/{orderId}")
    @Operation(hidden = true)
    public OrderQueries.StoredOrder stored(@PathParam("orderId") String orderId,
                                           @HeaderParam(InteractiveQueries.FORWARDED_HEADER) String forwarded) {
        if (forwarded == null) {
            throw ProblemException.notFound("internal endpoint");
        }
        return orders.findHere(orderId).orElseThrow(() -> ProblemException.notFound("no order " + orderId));
    }
}
