package dev.showfloor.inventory.api;

import dev.showfloor.runtime.FreePorts;
import dev.showfloor.schemas.CatalogTopics;
import dev.showfloor.testsupport.ShowfloorInfraResource;
import dev.showfloor.testsupport.TestInfra;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/** The shared broker and registry, the catalog's topics (Kafka Streams waits for them) and a fixed HTTP port. */
public class InventoryInfraResource implements QuarkusTestResourceLifecycleManager {
    private final ShowfloorInfraResource infra = new ShowfloorInfraResource();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(infra.start());
        CatalogTopics.createAll(TestInfra.endpoints().bootstrapServers());
        // Interactive queries identify this instance by its advertised host:port, so it must be the real one.
        int port = FreePorts.pick();
        config.put("quarkus.http.test-port", Integer.toString(port));
        config.put("quarkus.kafka-streams.application-server", FreePorts.LOOPBACK + ":" + port);
        return config;
    }

    @Override
    public void stop() {
        infra.stop();
    }
}
