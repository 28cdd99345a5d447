package dev.showfloor.inventory.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.showfloor.inventory.domain.InventoryDecider;
import dev.showfloor.inventory.domain.StockPosition;
import dev.showfloor.inventory.stream.InventoryTopology;
import dev.showfloor.servicekit.api.ProblemException;
import dev.showfloor.streamskit.InteractiveQueries;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Stock levels from the stock-positions store, wherever in the cluster each key lives. */
@ApplicationScoped
public class StockQueries {
    private final InteractiveQueries queries;
    private final InventoryDecider decider;
    private final ObjectMapper json;

    public StockQueries(KafkaStreams streams, InventoryDecider decider, ObjectMapper json,
                        @ConfigProperty(name = "quarkus.kafka-streams.application-server") String applicationServer) {
        this.queries = new InteractiveQueries(streams, InventoryTopology.POSITIONS_STORE, applicationServer);
        this.decider = decider;
        this.json = json;
    }

    public Optional<StockLevelView> find(String locationId, String sku, boolean forwarded) {
        try {
            String key = locationId + ":" + sku;
            InteractiveQueries.Location location = queries.locate(key);
            Optional<HostInfo> owner = forwarded ? Optional.empty() : location.remoteOwner();
            if (owner.isEmpty()) {
                return Optional.ofNullable(queries.<StockPosition>getLocal(key, location.partition())).map(this::view);
            }
            InteractiveQueries.Answer answer = queries.forward(owner.get(),
                    "/inventory/" + encode(locationId) + "/" + encode(sku));
            return answer.status() == 404 ? Optional.empty()
                    : Optional.of(read(answer.body(), new TypeReference<StockLevelView>() { }));
        } catch (InteractiveQueries.Unavailable unavailable) {
            throw ProblemException.unavailable(unavailable.getMessage());
        }
    }

    /** Every SKU of a location, from all instances unless {@code localOnly}. */
    public List<StockLevelView> byLocation(String locationId, boolean lowStockOnly, boolean localOnly) {
        try {
            List<StockLevelView> levels = new ArrayList<>();
            queries.<StockPosition>forEachLocal(locationId + ":", (key, position) -> levels.add(view(position)));
            if (!localOnly) {
                for (HostInfo instance : queries.otherInstances()) {
                    levels.addAll(read(queries.forward(instance, "/inventory/" + encode(locationId) + "?local=true")
                            .body(), new TypeReference<List<StockLevelView>>() { }));
                }
            }
            return levels.stream().filter(level -> !lowStockOnly || level.lowStock())
                    .sorted(Comparator.comparing(StockLevelView::sku)).toList();
        } catch (InteractiveQueries.Unavailable unavailable) {
            throw ProblemException.unavailable(unavailable.getMessage());
        }
    }

    private StockLevelView view(StockPosition position) {
        return StockLevelView.of(decider.level(position, Instant.now()));
    }

    private <T> T read(String body, TypeReference<T> type) {
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable answer from another instance: " + e.getMessage(), e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
