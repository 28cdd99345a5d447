package dev.showfloor.checkout.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.showfloor.checkout.domain.OrderSaga;
import dev.showfloor.checkout.stream.CheckoutTopology;
import dev.showfloor.servicekit.api.ProblemException;
import dev.showfloor.streamskit.InteractiveQueries;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;

/** Orders from the saga store, wherever in the cluster each order lives. */
@ApplicationScoped
public class OrderQueries {
    /** What the API needs of a stored order: its view, and the request it came from (for idempotency). */
    public record StoredOrder(OrderView view, String requestHash) {
    }

    private final InteractiveQueries queries;
    private final ObjectMapper json;
    private final ManagedExecutor executor;

    public OrderQueries(KafkaStreams streams, ObjectMapper json, ManagedExecutor executor,
                        @ConfigProperty(name = "quarkus.kafka-streams.application-server") String applicationServer) {
        this.queries = new InteractiveQueries(streams, CheckoutTopology.SAGAS_STORE, applicationServer);
        this.json = json;
        this.executor = executor;
    }

    /**
     * For the event loop: an order this instance owns is read at once (an in-process store read); one that
     * another instance owns is asked for on a worker thread, since forwarding blocks.
     */
    public CompletableFuture<Optional<StoredOrder>> find(String orderId) {
        try {
            InteractiveQueries.Location location = queries.locate(orderId);
            Optional<HostInfo> owner = location.remoteOwner();
            if (owner.isEmpty()) {
                return CompletableFuture.completedFuture(local(orderId, location.partition()));
            }
            return CompletableFuture.supplyAsync(() -> fromOwner(owner.get(), orderId), executor);
        } catch (InteractiveQueries.Unavailable unavailable) {
            return CompletableFuture.failedFuture(ProblemException.unavailable(unavailable.getMessage()));
        }
    }

    /** A forwarded read: this instance's store only, even if the order has moved on meanwhile. */
    public Optional<StoredOrder> findHere(String orderId) {
        try {
            return local(orderId, queries.locate(orderId).partition());
        } catch (InteractiveQueries.Unavailable unavailable) {
            throw ProblemException.unavailable(unavailable.getMessage());
        }
    }

    private Optional<StoredOrder> local(String orderId, int partition) {
        OrderSaga saga = queries.<OrderSaga>getLocal(orderId, partition);
        return Optional.ofNullable(saga).map(found -> new StoredOrder(OrderView.of(found), found.requestHash()));
    }

    private Optional<StoredOrder> fromOwner(HostInfo owner, String orderId) {
        try {
            InteractiveQueries.Answer answer = queries.forward(owner, InternalOrderResource.PATH + "/" + orderId);
            return answer.status() == 404 ? Optional.empty()
                    : Optional.of(json.readValue(answer.body(), StoredOrder.class));
        } catch (InteractiveQueries.Unavailable unavailable) {
            throw ProblemException.unavailable(unavailable.getMessage());
        } catch (IOException unreadable) {
            throw new IllegalStateException("unreadable answer from another instance", unreadable);
        }
    }
}
