package dev.showfloor.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Hands the shared broker and registry to a {@code @QuarkusTest} and switches Dev Services off
 * (they need Docker, which does not exist here). Stopping is left to the JVM's end, so one broker
 * serves every test class.
 */
public final class ShowfloorInfraResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestInfra.Endpoints endpoints = TestInfra.endpoints();
        return Map.of(
                "kafka.bootstrap.servers", endpoints.bootstrapServers(),
                "mp.messaging.connector.smallrye-kafka.apicurio.registry.url", endpoints.registryApiUrl(),
                "showfloor.registry.url", endpoints.registryApiUrl(),
                "quarkus.kafka.devservices.enabled", "false",
                "quarkus.apicurio-registry.devservices.enabled", "false",
                "quarkus.devservices.enabled", "false");
    }

    @Override
    public void stop() {
        // shared for the whole JVM; TestInfra's shutdown hook stops it
    }
}
