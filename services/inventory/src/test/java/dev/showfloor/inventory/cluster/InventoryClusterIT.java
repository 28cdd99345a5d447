package dev.showfloor.inventory.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.showfloor.events.inventory.HoldPlaced;
import dev.showfloor.events.inventory.HoldRejected;
import dev.showfloor.events.inventory.HoldRejectionReason;
import dev.showfloor.events.inventory.PlaceHold;
import dev.showfloor.events.inventory.ReceiveStock;
import dev.showfloor.events.inventory.StockReceived;
import dev.showfloor.runtime.Await;
import dev.showfloor.schemas.CatalogTopics;
import dev.showfloor.schemas.registry.SchemaRegistrar;
import dev.showfloor.testsupport.PackagedServices;
import dev.showfloor.testsupport.ShowfloorInfraExtension;
import dev.showfloor.testsupport.TestInfra;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two packaged inventory instances on the real broker and registry: queries answered wherever a key lives,
 * and drop surges that never oversell or break a cap, also when one instance is killed (SIGKILL) mid-surge.
 */
@ExtendWith(ShowfloorInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InventoryClusterIT {
    private static final String LOCATION = "it-loc";
    private static final int SKUS = 4;
    private static final int UNITS_PER_SKU = 50;
    private static final int SHOPPERS = 1_000;
    private static final int REQUESTS = 5_000;
    private static final int PER_BUYER_CAP = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestInfra.Endpoints infra;
    private PackagedServices cluster;
    private PackagedServices.Instance first;
    private PackagedServices.Instance second;

    @BeforeAll
    void startTwoInstances(TestInfra.Endpoints infra) throws Exception {
        this.infra = infra;
        CatalogTopics.createAll(infra.bootstrapServers());
        new SchemaRegistrar(infra.registryApiUrl()).registerAll();
        cluster = new PackagedServices();
        first = cluster.start("inventory-a", Path.of("."), infra, Map.of());
        second = cluster.start("inventory-b", Path.of("."), infra, Map.of());
        PackagedServices.awaitReady(first);
        PackagedServices.awaitReady(second);
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void eitherInstanceAnswersForEveryKeyAndEachOwnsSome() throws Exception {
        List<String> skus = new ArrayList<>();
        try (SurgeClient client = new SurgeClient(infra)) {
            for (int i = 0; i < 12; i++) {
                skus.add("query-" + i);
                client.send(new ReceiveStock("query-receipt-" + i, LOCATION, "query-" + i, 10 + i, null));
            }
            client.flush();
        }
        for (String sku : skus) {
            int expected = 10 + skus.indexOf(sku);
            for (PackagedServices.Instance instance : List.of(first, second)) {
                Await.until(sku + " visible through " + instance.name(), Duration.ofSeconds(60), () -> {
                    var answer = PackagedServices.get(instance.baseUrl() + "/inventory/" + LOCATION + "/" + sku);
                    return answer.status() == 200 && json(answer.body()).get("onHand").asInt() == expected;
                });
            }
        }
        Set<String> ownedByFirst = localSkus(first);
        Set<String> ownedBySecond = localSkus(second);
        assertThat(ownedByFirst).as("each instance owns part of the keys").isNotEmpty();
        assertThat(ownedBySecond).isNotEmpty().doesNotContainAnyElementsOf(ownedByFirst);
        Set<String> all = new TreeSet<>(ownedByFirst);
        all.addAll(ownedBySecond);
        assertThat(all).containsAll(skus);
        assertThat(json(PackagedServices.get(first.baseUrl() + "/inventory/" + LOCATION).body()).size())
                .as("a location listing gathers every instance").isEqualTo(all.size());
    }

    @Test
    @Order(2)
    void aDropSurgeHoldsExactlyTheUnitsThereAreAndNoBuyerGoesOverTheCap() {
        runSurge("calm", false);
    }

    @Test
    @Order(3)
    void theInvariantsHoldWhenAnInstanceIsKilledMidSurge() {
        runSurge("crash", true);
    }

    private void runSurge(String name, boolean killSecondMidway) {
        Random random = new Random(name.hashCode());
        Map<String, PlaceHold> requests = new HashMap<>();
        Map<String, List<Object>> answers = new HashMap<>();
        Set<String> stocked = new HashSet<>();
        boolean killed = false;
        try (SurgeClient client = new SurgeClient(infra)) {
            for (int s = 0; s < SKUS; s++) {
                client.send(new ReceiveStock(name + "-receipt-" + s, LOCATION, sku(name, s), UNITS_PER_SKU, null));
            }
            client.flush();
            Await.until(name + " stock received", Duration.ofSeconds(60), () -> {
                client.poll(event -> {
                    if (event instanceof StockReceived received && received.getSku().startsWith(name + "-")) {
                        stocked.add(received.getSku());
                    }
                });
                return stocked.size() == SKUS;
            });
            for (int i = 0; i < REQUESTS; i++) {
                int s = random.nextInt(SKUS);
                PlaceHold hold = new PlaceHold(name + "-cmd-" + i, LOCATION, sku(name, s), name + "-hold-" + i,
                        name + "-order-" + i, random.nextInt(10) == 0 ? 2 : 1, 600_000L, "drop-" + sku(name, s),
                        "shopper-" + random.nextInt(SHOPPERS), PER_BUYER_CAP, null);
                requests.put(hold.getCommandId(), hold);
                client.send(hold);
            }
            client.flush();
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (answers.size() < REQUESTS && System.nanoTime() < deadline) {
                client.poll(event -> {
                    String commandId = switch (event) {
                        case HoldPlaced placed -> placed.getCommandId();
                        case HoldRejected rejected -> rejected.getCommandId();
                        default -> null;
                    };
                    if (commandId != null && requests.containsKey(commandId)) {
                        answers.computeIfAbsent(commandId, id -> new ArrayList<>()).add(event);
                    }
                });
                if (killSecondMidway && !killed && answers.size() >= REQUESTS / 4) {
                    second.process().handle().destroyForcibly(); // SIGKILL: no clean shutdown, no commit
                    killed = true;
                }
            }
            // Read a little longer: a duplicate answer would show up right behind the last one.
            long quietUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < quietUntil) {
                client.poll(event -> {
                    if (event instanceof HoldPlaced placed && requests.containsKey(placed.getCommandId())) {
                        answers.computeIfAbsent(placed.getCommandId(), id -> new ArrayList<>()).add(event);
                    }
                });
            }
        }
        if (killSecondMidway) {
            assertThat(killed).as("the second instance was killed during the surge").isTrue();
        }
        assertThat(answers).as("every request got an answer").hasSize(REQUESTS);
        assertThat(answers.values()).as("and exactly one").allSatisfy(events -> assertThat(events).hasSize(1));

        Map<String, Integer> heldPerSku = new HashMap<>();
        Map<String, Integer> heldPerBuyer = new HashMap<>();
        for (List<Object> events : answers.values()) {
            switch (events.getFirst()) {
                case HoldPlaced placed -> {
                    heldPerSku.merge(placed.getSku(), placed.getQuantity(), Integer::sum);
                    heldPerBuyer.merge(placed.getDropId() + "|" + placed.getShopperId(), placed.getQuantity(),
                            Integer::sum);
                }
                case HoldRejected rejected -> assertThat(rejected.getReason())
                        .isIn(HoldRejectionReason.INSUFFICIENT_STOCK, HoldRejectionReason.BUYER_CAP_EXCEEDED);
                default -> throw new AssertionError("unexpected answer " + events.getFirst());
            }
        }
        for (int s = 0; s < SKUS; s++) {
            assertThat(heldPerSku.get(sku(name, s))).as(sku(name, s) + " held units").isEqualTo(UNITS_PER_SKU);
        }
        assertThat(heldPerBuyer.values()).as("no buyer over the cap").allSatisfy(units ->
                assertThat(units).isLessThanOrEqualTo(PER_BUYER_CAP));
        for (int s = 0; s < SKUS; s++) {
            String url = first.baseUrl() + "/inventory/" + LOCATION + "/" + sku(name, s);
            Await.until(sku(name, s) + " readable after the surge", Duration.ofSeconds(60),
                    () -> PackagedServices.status(url) == 200);
            JsonNode level = json(PackagedServices.get(url).body());
            assertThat(level.get("held").asInt()).isEqualTo(UNITS_PER_SKU);
            assertThat(level.get("available").asInt()).isZero();
        }
    }

    private Set<String> localSkus(PackagedServices.Instance instance) throws Exception {
        Set<String> skus = new TreeSet<>();
        json(PackagedServices.get(instance.baseUrl() + "/inventory/" + LOCATION + "?local=true").body())
                .forEach(level -> skus.add(level.get("sku").asText()));
        return skus;
    }

    private static String sku(String surge, int index) {
        return surge + "-sku-" + index;
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
