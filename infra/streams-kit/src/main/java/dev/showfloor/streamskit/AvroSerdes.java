package dev.showfloor.streamskit;

import io.apicurio.registry.serde.avro.AvroSerde;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Value serdes backed by Apicurio Registry: records carry a registry id; readers get the generated classes. */
public final class AvroSerdes {
    private AvroSerdes() {
    }

    /** A registry-backed serde that waits out registry outages instead of failing records. */
    public static <T> Serde<T> apicurio(String registryApiUrl) {
        AvroSerde<T> apicurio = new AvroSerde<>();
        Serde<T> serde = Serdes.serdeFrom(apicurio.serializer(),
                new RegistryOutageRetryingDeserializer<>(apicurio.deserializer()));
        serde.configure(Map.of(
                "apicurio.registry.url", registryApiUrl,
                "apicurio.registry.auto-register", "true",
                "apicurio.registry.dereference-schema", "true",
                "apicurio.registry.use-specific-avro-reader", "true"), false);
        return serde;
    }
}
