package dev.showfloor.inventory.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.showfloor.inventory.domain.InventoryDecider;
import dev.showfloor.inventory.domain.StockPosition;
import dev.showfloor.inventory.stream.InventoryTopology;
import dev.showfloor.servicekit.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Interactive queries over the stock-positions store. A key lives on exactly one instance; asked elsewhere,
 * the request is forwarded there once (the forwarded call answers from its local store only).
 */
@ApplicationScoped
public class StockQueries {
    static final String FORWARDED_HEADER = "X-Showfloor-Forwarded";
    private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(3);

    private final KafkaStreams streams;
    private final InventoryDecider decider;
    private final HostInfo self;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(FORWARD_TIMEOUT).build();

    public StockQueries(KafkaStreams streams, InventoryDecider decider, ObjectMapper json,
                        @ConfigProperty(name = "quarkus.kafka-streams.application-server") String applicationServer) {
        this.streams = streams;
        this.decider = decider;
        this.json = json;
        this.self = HostInfo.buildFromEndpoint(applicationServer);
    }

    public Optional<StockLevelView> find(String locationId, String sku, boolean forwarded) {
        String key = locationId + ":" + sku;
        KeyQueryMetadata owner = streams.queryMetadataForKey(InventoryTopology.POSITIONS_STORE, key,
                Serdes.String().serializer());
        if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
            throw ProblemException.unavailable("inventory is rebalancing; retry in a moment");
        }
        if (forwarded || owner.activeHost().equals(self)) {
            return Optional.ofNullable(localStore().get(key)).map(this::view);
        }
        HttpResponse<String> answer = forward(owner.activeHost(), "/inventory/" + encode(locationId) + "/" + encode(sku));
        if (answer.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(read(answer, new TypeReference<StockLevelView>() { }));
    }

    /** Every SKU of a location, from all instances unless {@code localOnly}. */
    public List<StockLevelView> byLocation(String locationId, boolean lowStockOnly, boolean localOnly) {
        List<StockLevelView> levels = new ArrayList<>();
        try (KeyValueIterator<String, StockPosition> positions = localStore()
                .prefixScan(locationId + ":", Serdes.String().serializer())) {
            positions.forEachRemaining(entry -> levels.add(view(entry.value)));
        }
        if (!localOnly) {
            for (StreamsMetadata instance : streams.streamsMetadataForStore(InventoryTopology.POSITIONS_STORE)) {
                if (!instance.hostInfo().equals(self)) {
                    levels.addAll(read(forward(instance.hostInfo(), "/inventory/" + encode(locationId) + "?local=true"),
                            new TypeReference<List<StockLevelView>>() { }));
                }
            }
        }
        return levels.stream().filter(level -> !lowStockOnly || level.lowStock())
                .sorted(java.util.Comparator.comparing(StockLevelView::sku)).toList();
    }

    private ReadOnlyKeyValueStore<String, StockPosition> localStore() {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(InventoryTopology.POSITIONS_STORE,
                    QueryableStoreTypes.keyValueStore()));
        } catch (InvalidStateStoreException notReadyYet) {
            throw ProblemException.unavailable("inventory store is not ready (" + notReadyYet.getMessage() + ")");
        }
    }

    private StockLevelView view(StockPosition position) {
        return StockLevelView.of(decider.level(position, Instant.now()));
    }

    private HttpResponse<String> forward(HostInfo host, String pathAndQuery) {
        URI target = URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(target).timeout(FORWARD_TIMEOUT)
                    .header(FORWARDED_HEADER, "1").header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 && response.statusCode() != 404) {
                throw ProblemException.unavailable("instance " + host + " answered " + response.statusCode());
            }
            return response;
        } catch (java.io.IOException e) {
            throw ProblemException.unavailable("instance " + host + " that owns the key is unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("interrupted");
        }
    }

    private <T> T read(HttpResponse<String> response, TypeReference<T> type) {
        try {
            return json.readValue(response.body(), type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable answer from another instance: " + e.getMessage(), e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
