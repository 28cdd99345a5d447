package dev.showfloor.streamskit;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Value serdes backed by Apicurio Registry: records carry a registry id; readers get the generated classes. Schema
 * lookups are cached per schema (see {@link CachedSchemaAvroSerializer}).
 */
public final class AvroSerdes {
    private AvroSerdes() {
    }

    /** A registry-backed serde that waits out registry outages instead of failing records. */
    public static <T> Serde<T> apicurio(String registryApiUrl) {
        Serde<T> serde = Serdes.serdeFrom(new RegistryOutageRetryingSerializer<>(new CachedSchemaAvroSerializer<>()),
                new RegistryOutageRetryingDeserializer<>(new CachedSchemaAvroDeserializer<>()));
        serde.configure(Map.of(
                "apicurio.registry.url", registryApiUrl,
                "apicurio.registry.auto-register", "true",
                "apicurio.registry.dereference-schema", "true",
                "apicurio.registry.use-specific-avro-reader", "true"), false);
        return serde;
    }
}
