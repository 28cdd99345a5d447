package dev.showfloor.streamskit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads one key-value store across the instances of a stream application: a key lives on exactly one
 * instance; asked elsewhere, the HTTP request is forwarded there once, marked so it is not forwarded again.
 */
public final class InteractiveQueries {
    public static final String FORWARDED_HEADER = "X-Showfloor-Forwarded";
    private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(3);
    private static final Serializer<String> KEYS = Serdes.String().serializer();

    /** The store cannot answer right now (rebalancing, owner unreachable): worth a retry. */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message);
        }
    }

    /** Another instance's HTTP answer. */
    public record Answer(int status, String body) {
    }

    private final KafkaStreams streams;
    private final String storeName;
    private final HostInfo self;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(FORWARD_TIMEOUT).build();

    /** @param applicationServer this instance's {@code application.server} (host:port) */
    public InteractiveQueries(KafkaStreams streams, String storeName, String applicationServer) {
        this.streams = streams;
        this.storeName = storeName;
        this.self = HostInfo.buildFromEndpoint(applicationServer);
    }

    /** Where a key lives: the partition of the store that holds it, and its owner unless that is this instance. */
    public record Location(int partition, Optional<HostInfo> remoteOwner) {
    }

    public Location locate(String key) {
        KeyQueryMetadata owner;
        try {
            owner = streams.queryMetadataForKey(storeName, key, KEYS);
        } catch (InvalidStateStoreException notStarted) {
            throw new Unavailable("the stream application is starting; retry in a moment");
        }
        if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
            throw new Unavailable("the stream application is rebalancing; retry in a moment");
        }
        return new Location(owner.partition(),
                owner.activeHost().equals(self) ? Optional.empty() : Optional.of(owner.activeHost()));
    }

    /**
     * Reads a key from the one partition of this instance's store that holds it ({@link #locate}): asking the
     * whole local store looks in every task's store, and for a missing key (every new order) in all of them.
     */
    public <V> V getLocal(String key, int partition) {
        try {
            ReadOnlyKeyValueStore<String, V> store = streams.store(StoreQueryParameters
                    .fromNameAndType(storeName, QueryableStoreTypes.<String, V>keyValueStore()).withPartition(partition));
            return store.get(key);
        } catch (InvalidStateStoreException movedAway) {
            throw new Unavailable("store " + storeName + " is moving (" + movedAway.getMessage() + ")");
        }
    }

    /** Visits every entry of this instance's part of the store whose key starts with {@code prefix}. */
    public <V> void forEachLocal(String prefix, java.util.function.BiConsumer<String, V> visitor) {
        try (var entries = this.<V>localStore().prefixScan(prefix, KEYS)) {
            entries.forEachRemaining(entry -> visitor.accept(entry.key, entry.value));
        } catch (InvalidStateStoreException movedAway) {
            throw new Unavailable("store " + storeName + " is moving (" + movedAway.getMessage() + ")");
        }
    }

    public <V> ReadOnlyKeyValueStore<String, V> localStore() {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(storeName, QueryableStoreTypes.keyValueStore()));
        } catch (InvalidStateStoreException notReadyYet) {
            throw new Unavailable("store " + storeName + " is not ready (" + notReadyYet.getMessage() + ")");
        }
    }

    /** Every other instance that hosts part of the store. */
    public List<HostInfo> otherInstances() {
        return streams.streamsMetadataForStore(storeName).stream().map(StreamsMetadata::hostInfo)
                .filter(host -> !host.equals(self)).toList();
    }

    /** GETs {@code pathAndQuery} from another instance; 200 and 404 come back, anything else is Unavailable. */
    public Answer forward(HostInfo host, String pathAndQuery) {
        URI target = URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(target).timeout(FORWARD_TIMEOUT)
                    .header(FORWARDED_HEADER, "1").header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 && response.statusCode() != 404) {
                throw new Unavailable("instance " + host + " answered " + response.statusCode());
            }
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new Unavailable("instance " + host + " that owns the key is unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted");
        }
    }
}
