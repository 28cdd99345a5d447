package dev.showfloor.inventory.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.showfloor.runtime.ApicurioRegistry;
import dev.showfloor.runtime.Await;
import dev.showfloor.runtime.ChildJvm;
import dev.showfloor.runtime.FreePorts;
import dev.showfloor.schemas.CatalogTopics;
import dev.showfloor.schemas.registry.SchemaRegistrar;
import dev.showfloor.testsupport.PackagedServices;
import dev.showfloor.testsupport.ShowfloorInfraExtension;
import dev.showfloor.testsupport.TestInfra;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A packaged inventory on the shared broker and a registry of its own, which the test kills and brings back:
 * readiness turns DOWN while the registry is gone and UP again when it returns, and the same process (no
 * restart) then takes and applies a stock receipt.
 */
@ExtendWith(ShowfloorInfraExtension.class)
class RegistryOutageIT {
    private static final String LOCATION = "outage-loc";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void readinessFollowsTheRegistryAndTheServiceRecoversWithoutARestart(TestInfra.Endpoints shared,
                                                                           @TempDir Path work) throws Exception {
        CatalogTopics.createAll(shared.bootstrapServers());
        // A file-backed registry keeps its schema ids across the restart, as a real deployment's does.
        ApicurioRegistry.Settings settings = new ApicurioRegistry.Settings(FreePorts.pick(), FreePorts.pick(), "256m",
                work.resolve("registry-db"));
        ApicurioRegistry registry = ApicurioRegistry.start(work.resolve("registry"), settings,
                ChildJvm.Lifetime.TIED_TO_PARENT).awaitReady(Duration.ofMinutes(2));
        TestInfra.Endpoints infra = new TestInfra.Endpoints(shared.bootstrapServers(), registry.baseUrl());
        new SchemaRegistrar(infra.registryApiUrl()).registerAll();

        try (PackagedServices services = new PackagedServices()) {
            PackagedServices.Instance inventory = services.start("inventory-outage", Path.of("."), infra, Map.of());
            PackagedServices.awaitReady(inventory);
            String ready = inventory.baseUrl() + "/q/health/ready";
            long pid = inventory.process().pid();

            registry.process().handle().destroyForcibly();
            registry.process().awaitExit(Duration.ofSeconds(30));
            Await.until("readiness DOWN without the registry", Duration.ofSeconds(30),
                    () -> PackagedServices.status(ready) == 503);
            assertThat(PackagedServices.get(ready).body()).contains("schema-registry").contains("DOWN");

            ApicurioRegistry restarted = ApicurioRegistry.start(work.resolve("registry"), settings,
                    ChildJvm.Lifetime.TIED_TO_PARENT).awaitReady(Duration.ofMinutes(2));
            try {
                Await.until("readiness UP once the registry is back", Duration.ofSeconds(60),
                        () -> PackagedServices.status(ready) == 200, inventory.process()::deathNotice);
                assertThat(inventory.process().pid()).as("the same process, not a restart").isEqualTo(pid);

                HttpResponse<String> receipt = HTTP.send(HttpRequest.newBuilder(
                                URI.create(inventory.baseUrl() + "/inventory/" + LOCATION + "/tee/receipts"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"quantity\": 7, \"reference\": \"after outage\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(202);
                Await.until("the receipt applied after the outage", Duration.ofSeconds(60), () -> {
                    PackagedServices.Answer level = PackagedServices.get(
                            inventory.baseUrl() + "/inventory/" + LOCATION + "/tee");
                    return level.status() == 200 && onHand(level.body()) == 7;
                }, inventory.process()::deathNotice);
            } finally {
                restarted.close();
            }
        }
    }

    private static int onHand(String body) {
        try {
            return JSON.readTree(body).path("onHand").asInt(-1);
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
