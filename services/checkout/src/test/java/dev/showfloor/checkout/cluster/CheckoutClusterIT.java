package dev.showfloor.checkout.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.showfloor.checkout.payment.PaymentSimulatorServer;
import dev.showfloor.runtime.Await;
import dev.showfloor.schemas.CatalogTopics;
import dev.showfloor.schemas.Topics;
import dev.showfloor.schemas.registry.SchemaRegistrar;
import dev.showfloor.testsupport.DeadLetters;
import dev.showfloor.testsupport.PackagedServices;
import dev.showfloor.testsupport.ShowfloorInfraExtension;
import dev.showfloor.testsupport.TestInfra;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Packaged inventory and checkout on the real broker and registry: a drop surge of 2,000 checkouts from 1,000
 * shoppers for 150 units with 10% payment declines; then the same with the checkout instance killed (SIGKILL)
 * mid-surge and restarted while clients retry with their Idempotency-Keys. Checkout pays through the payment
 * simulator running outside it (in this JVM, over HTTP), so the provider's ledger survives the kill: after each
 * surge it holds an authorization for every confirmed order and for no other (no double charge, nothing left
 * authorized for a rejected order).
 */
@ExtendWith(ShowfloorInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CheckoutClusterIT {
    private static final String LOCATION = "drop-loc";
    private static final int UNITS_PER_SKU = 50;
    private static final int CHECKOUTS = 2_000;
    private static final int SHOPPERS = 1_000;
    private static final int CAP = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestInfra.Endpoints infra;
    private PaymentSimulatorServer paymentProvider;
    private PackagedServices services;
    private PackagedServices.Instance inventory;
    private volatile PackagedServices.Instance checkout;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger countAccepted = new AtomicInteger();

    @BeforeAll
    void start(TestInfra.Endpoints infra) throws Exception {
        this.infra = infra;
        CatalogTopics.createAll(infra.bootstrapServers());
        new SchemaRegistrar(infra.registryApiUrl()).registerAll();
        paymentProvider = PaymentSimulatorServer.start(Duration.ofMillis(20), 0.1, 42);
        services = new PackagedServices();
        inventory = services.start("inventory", Path.of("../inventory"), infra, Map.of());
        checkout = startCheckout("checkout-1");
        PackagedServices.awaitReady(inventory);
        PackagedServices.awaitReady(checkout);
    }

    private PackagedServices.Instance startCheckout(String name) throws Exception {
        return startCheckout(name, Map.of());
    }

    private PackagedServices.Instance startCheckout(String name, Map<String, String> overrides) throws Exception {
        Map<String, String> properties = new HashMap<>(overrides);
        properties.put("showfloor.payment.provider", "remote-simulator");
        properties.put("showfloor.payment.remote-simulator.url", paymentProvider.url().toString());
        return services.start(name, Path.of("."), infra, properties);
    }

    @AfterAll
    void stop() {
        if (services != null) {
            services.close();
        }
        if (paymentProvider != null) {
            paymentProvider.close();
        }
    }

    @Test
    @Order(0)
    void theApiAnswersRetriesConflictsAndBadInputClearly() throws Exception {
        String sku = "api-tee";
        post(inventory.baseUrl() + "/inventory/" + LOCATION + "/" + sku + "/receipts", "api-stock",
                "{\"quantity\": 5}");
        Await.until(sku + " stocked", Duration.ofSeconds(60), () -> onHand(sku) == 5);
        String body = checkoutBody("api-shopper", sku, "tok_approve");

        // Readiness names the payment adapter this instance pays through, and where.
        JsonNode readiness = json(get(checkout.baseUrl() + "/q/health/ready").body());
        assertThat(readiness.get("checks").findParents("name")).anySatisfy(check -> {
            assertThat(check.get("name").asText()).isEqualTo("payment provider");
            assertThat(check.get("data").get("adapter").asText()).isEqualTo("remote-simulator");
            assertThat(check.get("data").get("url").asText()).isEqualTo(paymentProvider.url().toString());
        });

        assertThat(checkout(null, body).statusCode()).isEqualTo(400);
        HttpResponse<String> invalid = checkout("api-invalid", """
                {"shopperId": "api-shopper", "locationId": "%s", "lines": [{"sku": "%s", "quantity": 0,
                 "unitPriceMinor": 100}], "paymentToken": "tok_visa", "fulfillment": {"method": "SAME_DAY_DELIVERY"}}"""
                .formatted(LOCATION, sku));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(invalid.body()).findValuesAsText("field"))
                .contains("currency", "lines[0].quantity", "fulfillment.address");

        // A record nobody can read on the saga's input goes to its dead-letter topic; the orders after it decide.
        DeadLetters.poison(infra.bootstrapServers(), Topics.ORDER_EVENTS.name(),
                "ord-poison".getBytes(StandardCharsets.UTF_8), "not avro".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> first = checkout("api-key-1", body);
        assertThat(first.statusCode()).isEqualTo(202);
        String orderId = json(first.body()).get("orderId").asText();
        HttpResponse<String> retry = checkout("api-key-1", body);
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(json(retry.body()).get("orderId").asText()).isEqualTo(orderId);
        assertThat(checkout("api-key-1", checkoutBody("api-shopper", sku, "tok_other")).statusCode())
                .as("same key, other request").isEqualTo(422);

        JsonNode confirmed = json(get(checkout.baseUrl() + "/orders/" + orderId + "?waitMs=20000").body());
        assertThat(confirmed.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(DeadLetters.read(infra.bootstrapServers(), Topics.ORDER_EVENTS.dlq(), 1, Duration.ofSeconds(30)))
                .anySatisfy(dead -> assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not avro"));

        String streamed = json(checkout("api-key-2", body).body()).get("orderId").asText();
        String events = get(checkout.baseUrl() + "/orders/" + streamed + "/events").body();
        assertThat(events).contains("data:").endsWith("}\n\n").contains("\"status\":\"CONFIRMED\"");

        String declined = json(checkout("api-key-3", checkoutBody("api-shopper-2", sku, "tok_decline")).body())
                .get("orderId").asText();
        JsonNode rejected = json(get(checkout.baseUrl() + "/orders/" + declined + "?waitMs=20000").body());
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("reason").asText()).isEqualTo("PAYMENT_DECLINED");
        Await.until("the declined order's unit back", Duration.ofSeconds(30),
                () -> stock(sku).get("available").asInt() == 3 && stock(sku).get("held").asInt() == 0);

        assertThat(get(checkout.baseUrl() + "/orders/ord-does-not-exist").statusCode()).isEqualTo(404);
        assertThat(get(checkout.baseUrl() + "/orders/ord-does-not-exist?waitMs=200").statusCode())
                .as("a long-poll of an order still unknown when its wait ends").isEqualTo(404);
        HttpResponse<String> noStream = get(checkout.baseUrl() + "/orders/ord-does-not-exist/events");
        assertThat(noStream.statusCode()).as("SSE of an unknown order").isEqualTo(404);
        assertThat(noStream.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));

        // Prefer: wait answers with the decision itself, one round trip for a one-tap checkout.
        HttpResponse<String> oneTrip = checkout(checkout, "api-key-4", body, "wait=20");
        assertThat(oneTrip.statusCode()).as(oneTrip.body()).isEqualTo(200);
        JsonNode oneTripOrder = json(oneTrip.body());
        assertThat(oneTripOrder.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(oneTrip.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/orders/" + oneTripOrder.get("orderId").asText()));
        HttpResponse<String> oneTripRetry = checkout(checkout, "api-key-4", body, "respond-async, wait=20");
        assertThat(oneTripRetry.statusCode()).isEqualTo(200);
        assertThat(json(oneTripRetry.body()).get("orderId").asText()).isEqualTo(oneTripOrder.get("orderId").asText());
        assertThat(checkout(checkout, "api-key-4", checkoutBody("api-shopper", sku, "tok_other"), "wait=20")
                .statusCode()).as("same key, other request, waiting").isEqualTo(422);
        JsonNode declinedAtOnce = json(checkout(checkout, "api-key-5", checkoutBody("api-shopper-3", sku, "tok_decline"),
                "wait=20").body());
        assertThat(declinedAtOnce.get("status").asText()).isEqualTo("REJECTED");
        assertThat(declinedAtOnce.get("reason").asText()).isEqualTo("PAYMENT_DECLINED");

        // The provider fails the saga's first two calls for this order; the port asks again and the order confirms.
        HttpResponse<String> afterProviderErrors = checkout(checkout, "api-key-6",
                checkoutBody("api-shopper-4", sku, "tok_flaky"), "wait=20");
        assertThat(afterProviderErrors.statusCode()).as(afterProviderErrors.body()).isEqualTo(200);
        assertThat(json(afterProviderErrors.body()).get("status").asText()).isEqualTo("CONFIRMED");

        // The provider fails every attempt: rejected once the port gives up, long before the 30 s payment timeout.
        HttpResponse<String> providerDown = checkout(checkout, "api-key-7",
                checkoutBody("api-shopper-5", sku, "tok_unavailable"), "wait=20");
        assertThat(providerDown.statusCode()).as(providerDown.body()).isEqualTo(200);
        assertThat(json(providerDown.body()).get("status").asText()).isEqualTo("REJECTED");
        assertThat(json(providerDown.body()).get("reason").asText()).isEqualTo("PAYMENT_DECLINED");
        Await.until("the unpaid order's unit back", Duration.ofSeconds(30), () -> stock(sku).get("held").asInt() == 0);

        // The provider authorizes but its answers are lost: rejected once the port gives up, and the authorization
        // it did make is voided through the provider checkout pays with, which outlives checkout's processes.
        HttpResponse<String> answerLost = checkout(checkout, "api-key-8",
                checkoutBody("api-shopper-6", sku, "tok_lost_answer"), "wait=20");
        assertThat(json(answerLost.body()).get("status").asText()).as(answerLost.body()).isEqualTo("REJECTED");
        String lostAnswerOrder = json(answerLost.body()).get("orderId").asText();
        Await.until("the unanswered authorization voided", Duration.ofSeconds(60),
                () -> !paymentProvider.authorizedOrders().contains(lostAnswerOrder));
        assertThat(paymentProvider.authorizedOrders()).as("authorized at the provider")
                .contains(orderId).doesNotContain(declined, lostAnswerOrder);
    }

    private HttpResponse<String> checkout(String idempotencyKey, String body) throws Exception {
        return checkout(checkout, idempotencyKey, body);
    }

    private HttpResponse<String> checkout(PackagedServices.Instance instance, String idempotencyKey, String body)
            throws Exception {
        return checkout(instance, idempotencyKey, body, null);
    }

    private HttpResponse<String> checkout(PackagedServices.Instance instance, String idempotencyKey, String body,
                                          String prefer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instance.baseUrl() + "/checkouts"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (prefer != null) {
            request.header("Prefer", prefer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(40)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String checkoutBody(String shopperId, String sku, String token) {
        return """
                {"shopperId": "%s", "locationId": "%s", "currency": "EUR",
                 "lines": [{"sku": "%s", "quantity": 1, "unitPriceMinor": 2500}],
                 "paymentToken": "%s", "fulfillment": {"method": "PICKUP"}}""".formatted(shopperId, LOCATION, sku, token);
    }

    @Test
    @Order(1)
    void aDropSurgeSellsEachUnitOnceAndDecidesEveryOrder() throws Exception {
        surge("calm", false);
    }

    @Test
    @Order(2)
    void theSameHoldsWhenCheckoutIsKilledMidSurgeAndRestarted() throws Exception {
        surge("crash", true);
    }

    private void surge(String name, boolean killCheckout) throws Exception {
        List<String> skus = List.of(name + "-tee", name + "-cap", name + "-bag");
        for (String sku : skus) {
            post(inventory.baseUrl() + "/inventory/" + LOCATION + "/" + sku + "/receipts", name + "-stock-" + sku,
                    "{\"quantity\": " + UNITS_PER_SKU + "}");
            Await.until(sku + " stocked", Duration.ofSeconds(60), () -> onHand(sku) == UNITS_PER_SKU);
        }
        List<DropSurge.Request> requests = DropSurge.requests(name, CHECKOUTS, SHOPPERS, skus, LOCATION,
                name.hashCode());
        DropSurge load = new DropSurge(() -> checkout.baseUrl());

        AtomicBoolean killed = new AtomicBoolean();
        CompletableFuture<Void> chaos = !killCheckout ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> {
                    Await.until("a quarter of the surge under way", Duration.ofSeconds(60),
                            () -> countAccepted.get() >= CHECKOUTS / 4);
                    checkout.process().handle().destroyForcibly(); // SIGKILL, mid-surge
                    killed.set(true);
                    try {
                        checkout = startCheckout(name + "-checkout-restarted");
                        PackagedServices.awaitReady(checkout);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        countAccepted.set(0);
        List<DropSurge.Accepted> accepted = load.runCounting(requests, Duration.ofMinutes(4), countAccepted);
        chaos.join();
        if (killCheckout) {
            assertThat(killed).as("checkout was killed during the surge").isTrue();
        }

        // Idempotent retries: the same key and body answer with the same order.
        for (DropSurge.Accepted first : accepted.subList(0, 100)) {
            assertThat(load.submit(first.request(), System.nanoTime() + Duration.ofSeconds(30).toNanos()).orderId())
                    .isEqualTo(first.orderId());
        }
        Set<String> orderIds = new HashSet<>();
        accepted.forEach(acceptance -> orderIds.add(acceptance.orderId()));
        assertThat(orderIds).as("one order per Idempotency-Key").hasSize(CHECKOUTS);

        Map<String, JsonNode> decided = new ConcurrentHashMap<>();
        accepted.parallelStream().forEach(acceptance -> decided.put(acceptance.orderId(),
                load.awaitDecided(acceptance.orderId(), Duration.ofMinutes(2))));
        Set<String> confirmed = new HashSet<>();
        Map<String, Integer> byOutcome = new HashMap<>();
        Map<String, Integer> soldPerSku = new HashMap<>();
        Map<String, Integer> boughtPerShopperAndSku = new HashMap<>();
        for (DropSurge.Accepted acceptance : accepted) {
            JsonNode order = decided.get(acceptance.orderId());
            String outcome = order.get("status").asText() + (order.get("reason").isNull() ? ""
                    : " " + order.get("reason").asText());
            byOutcome.merge(outcome, 1, Integer::sum);
            if ("CONFIRMED".equals(order.get("status").asText())) {
                confirmed.add(acceptance.orderId());
                String sku = order.get("lines").get(0).get("sku").asText();
                soldPerSku.merge(sku, 1, Integer::sum);
                boughtPerShopperAndSku.merge(acceptance.request().shopperId() + "|" + sku, 1, Integer::sum);
            }
        }
        System.out.printf("%s surge: %s%n", name, byOutcome);
        assertThat(byOutcome.keySet()).as("every order ends CONFIRMED or REJECTED").allSatisfy(outcome ->
                assertThat(outcome).matches("CONFIRMED|REJECTED .+"));
        assertThat(byOutcome.getOrDefault("REJECTED PAYMENT_DECLINED", 0)).as("declines happened").isPositive();
        assertThat(boughtPerShopperAndSku.values()).allSatisfy(units -> assertThat(units).isLessThanOrEqualTo(CAP));

        int declined = byOutcome.getOrDefault("REJECTED PAYMENT_DECLINED", 0);
        for (String sku : skus) {
            int sold = soldPerSku.getOrDefault(sku, 0);
            Await.until(sku + " settled", Duration.ofSeconds(60), () -> stock(sku).get("held").asInt() == 0);
            JsonNode level = stock(sku);
            assertThat(sold).as(sku + ": confirmed orders = units sold, never more than there were")
                    .isEqualTo(UNITS_PER_SKU - level.get("onHand").asInt()).isLessThanOrEqualTo(UNITS_PER_SKU);
            assertThat(level.get("available").asInt()).as(sku + ": nothing lost").isEqualTo(UNITS_PER_SKU - sold);
        }
        int soldTotal = soldPerSku.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(soldTotal).as("declined orders' units went back and were sold to others")
                .isGreaterThan(skus.size() * UNITS_PER_SKU - declined);

        // Voids are asynchronous (the payment worker), so the ledger is awaited; the assertion names any difference.
        try {
            Await.until("the provider holding authorizations for the confirmed orders only", Duration.ofSeconds(60),
                    () -> authorizedAmong(orderIds).equals(confirmed));
        } catch (IllegalStateException stillDifferent) {
            System.out.println(stillDifferent.getMessage());
        }
        assertThat(authorizedAmong(orderIds)).as("authorized at the provider = confirmed").isEqualTo(confirmed);
    }

    private Set<String> authorizedAmong(Set<String> orderIds) {
        Set<String> authorized = new HashSet<>(paymentProvider.authorizedOrders());
        authorized.retainAll(orderIds);
        return authorized;
    }

    /** An order still PENDING when its stream opens: the stream shows PENDING, waits, then the decision. */
    @Test
    @Order(3)
    void anOrderEventStreamWaitsForTheDecision() throws Exception {
        checkout.process().stop(Duration.ofSeconds(15));
        checkout = startCheckout("checkout-short-payment-timeout", Map.of("showfloor.checkout.payment-timeout", "3s"));
        PackagedServices.awaitReady(checkout);

        String body = checkoutBody("api-shopper-3", "api-tee", "tok_timeout");
        // Ready means its saga store answers: the first request after readiness is accepted, not a 503.
        HttpResponse<String> accepted = checkout("api-key-timeout", body);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String unanswered = json(accepted.body()).get("orderId").asText();
        List<JsonNode> states = get(checkout.baseUrl() + "/orders/" + unanswered + "/events").body().lines()
                .filter(line -> line.startsWith("data:")).map(line -> json(line.substring("data:".length())))
                .toList();
        assertThat(states).as("the states streamed").hasSize(2);
        assertThat(states.get(0).get("status").asText()).isEqualTo("PENDING");
        assertThat(states.get(1).get("status").asText()).isEqualTo("REJECTED");
        assertThat(states.get(1).get("reason").asText()).isEqualTo("PAYMENT_TIMEOUT");
        Await.until("the unanswered order's unit back", Duration.ofSeconds(30),
                () -> stock("api-tee").get("held").asInt() == 0);
    }

    /**
     * Two checkout instances share the orders: each answers for every order (reading another instance's saga
     * store through it), long-polls and streams wait on either, and a retry that reaches the other instance finds
     * the first order instead of making a second one.
     */
    @Test
    @Order(4)
    void twoInstancesAnswerForEveryOrderAndAgreeOnRetries() throws Exception {
        String sku = "fwd-tee";
        int orders = 16; // over the six partitions, each instance owns some of them almost surely
        post(inventory.baseUrl() + "/inventory/" + LOCATION + "/" + sku + "/receipts", "fwd-stock",
                "{\"quantity\": " + (orders + 4) + "}");
        Await.until(sku + " stocked", Duration.ofSeconds(60), () -> onHand(sku) == orders + 4);
        PackagedServices.Instance first = checkout;
        PackagedServices.Instance second = startCheckout("checkout-2");
        Await.until("both instances running after their rebalance", Duration.ofMinutes(2),
                () -> running(first) && running(second), second.process()::deathNotice);
        // RUNNING is not "settled": a task the rebalance moved may still be restoring on its new owner (Kafka
        // Streams restores off the stream thread), and its orders answer 503 until it is done. A client would
        // retry; this test waits until every partition answers through both instances.
        Await.until("every partition answering through both instances", Duration.ofMinutes(2),
                () -> everyPartitionAnswers(first) && everyPartitionAnswers(second), second.process()::deathNotice);

        Map<String, String> orderIdByKey = new HashMap<>();
        for (int i = 0; i < orders; i++) {
            HttpResponse<String> accepted = checkout(first, "fwd-key-" + i, checkoutBody("fwd-shopper-" + i, sku,
                    "tok_approve"));
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            orderIdByKey.put("fwd-key-" + i, json(accepted.body()).get("orderId").asText());
        }
        // Opened on the other instance the moment the order is accepted, before that one may know of it.
        String lastAccepted = orderIdByKey.get("fwd-key-" + (orders - 1));
        HttpResponse<String> justAccepted = get(second.baseUrl() + "/orders/" + lastAccepted + "/events");
        assertThat(justAccepted.statusCode()).as("SSE on the other instance right after the 202").isEqualTo(200);
        assertThat(justAccepted.body()).contains("\"status\":\"CONFIRMED\"");
        for (int i = 0; i < orders; i++) {
            String key = "fwd-key-" + i;
            String orderId = orderIdByKey.get(key);
            JsonNode decided = json(get(second.baseUrl() + "/orders/" + orderId + "?waitMs=20000").body());
            assertThat(decided.get("status").asText()).as("long-poll on the other instance").isEqualTo("CONFIRMED");
            JsonNode here = json(get(first.baseUrl() + "/orders/" + orderId).body());
            assertThat(here.get("status").asText()).as("the same order from the first instance")
                    .isEqualTo("CONFIRMED");
            assertThat(here.get("orderId").asText()).isEqualTo(orderId);

            HttpResponse<String> retry = checkout(second, key, checkoutBody("fwd-shopper-" + i, sku, "tok_approve"));
            assertThat(retry.statusCode()).as(retry.body()).isEqualTo(202);
            assertThat(json(retry.body()).get("orderId").asText()).as("a retry on the other instance")
                    .isEqualTo(orderId);
            assertThat(checkout(second, key, checkoutBody("fwd-shopper-" + i, sku, "tok_other")).statusCode())
                    .as("same key, other request, on the other instance").isEqualTo(422);
        }
        String streamed = orderIdByKey.get("fwd-key-0");
        assertThat(get(second.baseUrl() + "/orders/" + streamed + "/events").body())
                .contains("\"status\":\"CONFIRMED\"");
        assertThat(get(second.baseUrl() + "/orders/ord-does-not-exist").statusCode()).isEqualTo(404);

        Await.until(sku + " settled", Duration.ofSeconds(60), () -> stock(sku).get("held").asInt() == 0);
        assertThat(stock(sku).get("onHand").asInt()).as("one unit sold per order, none for the retries")
                .isEqualTo(4);
    }

    /** Ready, and done rebalancing (an instance that has run stays ready while it rebalances). */
    /** Unknown orders spread over every partition (64 ids miss one of six with a chance of 1 in 100,000) are 404s. */
    private static boolean everyPartitionAnswers(PackagedServices.Instance instance) {
        for (int probe = 0; probe < 64; probe++) {
            if (PackagedServices.status(instance.baseUrl() + "/orders/ord-settle-probe-" + probe) != 404) {
                return false;
            }
        }
        return true;
    }

    private static boolean running(PackagedServices.Instance instance) {
        PackagedServices.Answer ready = PackagedServices.get(instance.baseUrl() + "/q/health/ready");
        return ready.status() == 200 && ready.body().replace(" ", "").contains("\"state\":\"RUNNING\"");
    }

    private int onHand(String sku) {
        var answer = PackagedServices.get(inventory.baseUrl() + "/inventory/" + LOCATION + "/" + sku);
        return answer.status() == 200 ? json(answer.body()).get("onHand").asInt() : -1;
    }

    private JsonNode stock(String sku) {
        return json(PackagedServices.get(inventory.baseUrl() + "/inventory/" + LOCATION + "/" + sku).body());
    }

    private void post(String url, String idempotencyKey, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
