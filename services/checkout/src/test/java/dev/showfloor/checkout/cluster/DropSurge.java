package dev.showfloor.checkout.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Shoppers racing for a drop through POST /checkouts: each request retried with its Idempotency-Key until it
 * gets a 202 (as a browser would after a dropped connection), some sent twice on purpose.
 */
final class DropSurge {
    record Request(String idempotencyKey, String shopperId, String body) {
    }

    record Accepted(Request request, String orderId, int attempts) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Supplier<String> checkoutUrl;
    private static final java.util.concurrent.ExecutorService POOL =
            java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore inFlight = new Semaphore(64);
    private static final int WAVE = 400;
    private static final Duration THINK_TIME = Duration.ofMillis(1500);

    /** @param checkoutUrl where checkout answers right now (changes when an instance is replaced) */
    DropSurge(Supplier<String> checkoutUrl) {
        this.checkoutUrl = checkoutUrl;
    }

    static List<Request> requests(String name, int count, int shoppers, List<String> skus, String locationId,
                                  long seed) {
        Random random = new Random(seed);
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String shopper = "shopper-" + random.nextInt(shoppers);
            String sku = skus.get(random.nextInt(skus.size()));
            String body = """
                    {"shopperId": "%s", "locationId": "%s", "currency": "EUR",
                     "lines": [{"sku": "%s", "quantity": 1, "unitPriceMinor": 4900, "dropId": "drop-%s"}],
                     "paymentToken": "tok_visa", "fulfillment": {"method": "PICKUP"}}"""
                    .formatted(shopper, locationId, sku, sku);
            requests.add(new Request(name + "-key-" + i, shopper, body));
        }
        return requests;
    }

    /** Sends every request (retrying each until accepted); returns the acceptances in request order. */
    List<Accepted> runCounting(List<Request> requests, Duration deadline,
                               java.util.concurrent.atomic.AtomicInteger acceptedSoFar) {
        Map<Integer, CompletableFuture<Accepted>> futures = new ConcurrentHashMap<>();
        long until = System.nanoTime() + deadline.toNanos();
        for (int i = 0; i < requests.size(); i++) {
            Request request = requests.get(i);
            if (i > 0 && i % WAVE == 0) {
                // Shoppers arrive in waves with think time between, so units freed by declines meet new demand.
                java.util.concurrent.locks.LockSupport.parkNanos(THINK_TIME.toNanos());
            }
            inFlight.acquireUninterruptibly();
            futures.put(i, CompletableFuture.supplyAsync(() -> submit(request, until), POOL)
                    .whenComplete((done, failure) -> {
                        inFlight.release();
                        acceptedSoFar.incrementAndGet();
                    }));
        }
        List<Accepted> accepted = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            accepted.add(futures.get(i).join());
        }
        return accepted;
    }

    Accepted submit(Request request, long untilNanos) {
        int attempts = 0;
        String lastProblem = "none";
        while (System.nanoTime() < untilNanos) {
            attempts++;
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(checkoutUrl.get() + "/checkouts"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", request.idempotencyKey())
                        .POST(HttpRequest.BodyPublishers.ofString(request.body())).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    return new Accepted(request, JSON.readTree(response.body()).get("orderId").asText(), attempts);
                }
                lastProblem = response.statusCode() + " " + response.body();
                if (response.statusCode() < 500) {
                    throw new AssertionError("checkout refused " + request.idempotencyKey() + ": " + lastProblem);
                }
            } catch (java.io.IOException connectionLost) {
                lastProblem = connectionLost.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(200).toNanos()); // retry back-off
        }
        throw new AssertionError("no 202 for " + request.idempotencyKey() + " after " + attempts + " attempts: "
                + lastProblem);
    }

    /** The order's final state, long-polling until it is decided. */
    JsonNode awaitDecided(String orderId, Duration deadline) {
        long until = System.nanoTime() + deadline.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < until) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                URI.create(checkoutUrl.get() + "/orders/" + orderId + "?waitMs=10000"))
                        .timeout(Duration.ofSeconds(15)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    last = JSON.readTree(response.body());
                    if (!"PENDING".equals(last.get("status").asText())) {
                        return last;
                    }
                }
            } catch (java.io.IOException notNow) {
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("order " + orderId + " still undecided: " + last);
    }
}
