package dev.showfloor.servicekit.health;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "showfloor.registry")
public interface SchemaRegistryConfig {
    /** Apicurio v3 REST API root, e.g. http://127.0.0.1:8081/apis/registry/v3. */
    String url();

    /** How long the readiness probe waits for the registry before calling it down. */
    @WithDefault("2s")
    Duration probeTimeout();
}
