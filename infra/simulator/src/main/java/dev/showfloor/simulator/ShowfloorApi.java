package dev.showfloor.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/** The public HTTP APIs the simulator drives, as a browser or an ops tablet would use them. */
public final class ShowfloorApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpTransport http;
    private final String sessionsUrl;
    private final String inventoryUrl;
    private final String checkoutUrl;

    public ShowfloorApi(String sessionsUrl, String inventoryUrl, String checkoutUrl) {
        this(sessionsUrl, inventoryUrl, checkoutUrl, HttpTransport.named(HttpTransport.DEFAULT));
    }

    public ShowfloorApi(String sessionsUrl, String inventoryUrl, String checkoutUrl, HttpTransport http) {
        this.http = http;
        this.sessionsUrl = sessionsUrl;
        this.inventoryUrl = inventoryUrl;
        this.checkoutUrl = checkoutUrl;
    }

    /** An HTTP answer; status -1 when the connection failed. */
    public record Answer(int status, JsonNode body, String raw) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    public String scheduleShow(String name, String locationId, double floorAreaSquareMetres) {
        Answer answer = call("POST", sessionsUrl + "/shows", null, """
                {"name": "%s", "locationId": "%s", "neighbourhood": "Demo quarter", "floorArea": %s,
                 "floorAreaUnit": "SQUARE_METRE"}""".formatted(name, locationId, floorAreaSquareMetres));
        require(answer, "scheduling the show");
        return answer.body().get("showId").asText();
    }

    public void receiveStock(String locationId, String sku, int units, String idempotencyKey) {
        require(call("POST", inventoryUrl + "/inventory/" + locationId + "/" + sku + "/receipts", idempotencyKey,
                "{\"quantity\": " + units + ", \"reference\": \"demo stock\"}"), "receiving stock for " + sku);
    }

    public Answer stock(String locationId, String sku) {
        return call("GET", inventoryUrl + "/inventory/" + locationId + "/" + sku, null, null);
    }

    /** POST /checkouts, retried with the same Idempotency-Key on connection failures and 5xx answers. */
    public Answer checkout(String idempotencyKey, String body, Duration patience) {
        return checkout(idempotencyKey, body, patience, 0);
    }

    /**
     * POST /checkouts with {@code Prefer: wait=N}: the answer is the decided order (200) when the decision
     * comes within N seconds, else the usual 202. 0 asks for no wait.
     */
    public Answer checkout(String idempotencyKey, String body, Duration patience, int preferWaitSeconds) {
        long until = System.nanoTime() + patience.toNanos();
        String prefer = preferWaitSeconds > 0 ? "wait=" + preferWaitSeconds : null;
        Answer answer;
        do {
            answer = call("POST", checkoutUrl + "/checkouts", idempotencyKey, prefer, body);
            if (answer.ok() || (answer.status() >= 400 && answer.status() < 500)) {
                return answer;
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos()); // back-off before the retry
        } while (System.nanoTime() < until);
        return answer;
    }

    /** The checkout's liveness probe: the lightest request it answers, for the HTTP floor. */
    public Answer checkoutLiveness() {
        return call("GET", checkoutUrl + "/q/health/live", null, null);
    }

    /**
     * The payment simulator process checkout pays through, as its readiness reports it; empty when it pays
     * through the simulator in its own process (or does not say).
     */
    public Optional<String> paymentSimulatorUrl() {
        Answer ready = call("GET", checkoutUrl + "/q/health/ready", null, null);
        if (ready.body() == null) {
            return Optional.empty();
        }
        for (JsonNode check : ready.body().path("checks")) {
            JsonNode data = check.path("data");
            if ("payment provider".equals(check.path("name").asText())
                    && "remote-simulator".equals(data.path("adapter").asText()) && data.hasNonNull("url")) {
                return Optional.of(data.get("url").asText());
            }
        }
        return Optional.empty();
    }

    /** The orders the payment simulator holds an authorization for: its ledger. */
    public Set<String> authorizedOrders(String paymentSimulatorUrl) {
        Answer ledger = call("GET", paymentSimulatorUrl + "/authorizations", null, null);
        require(ledger, "reading the payment simulator's ledger");
        Set<String> orders = new HashSet<>();
        ledger.body().forEach(order -> orders.add(order.asText()));
        return orders;
    }

    /** Whether an order answer (POST or GET) carries the decision. */
    public static boolean decided(Answer answer) {
        return answer.ok() && !"PENDING".equals(answer.body().get("status").asText());
    }

    /** Long-polls the order until it is decided or the patience runs out. */
    public Answer awaitDecision(String orderId, Duration patience) {
        long until = System.nanoTime() + patience.toNanos();
        Answer answer;
        do {
            answer = call("GET", checkoutUrl + "/orders/" + orderId + "?waitMs=10000", null, null);
            if (decided(answer)) {
                return answer;
            }
            if (!answer.ok()) {
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            }
        } while (System.nanoTime() < until);
        return answer;
    }

    Answer call(String method, String url, String idempotencyKey, String body) {
        return call(method, url, idempotencyKey, null, body);
    }

    private Answer call(String method, String url, String idempotencyKey, String prefer, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        if (idempotencyKey != null) {
            headers.put("Idempotency-Key", idempotencyKey);
        }
        if (prefer != null) {
            headers.put("Prefer", prefer);
        }
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        try {
            HttpTransport.Response response = http.exchange(method, URI.create(url), headers, body);
            JsonNode json = response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Answer(response.status(), json, response.body());
        } catch (IOException e) {
            return new Answer(-1, null, e.toString());
        }
    }

    private static void require(Answer answer, String what) {
        if (!answer.ok()) {
            throw new IllegalStateException(what + " failed: " + answer.status() + " " + answer.raw());
        }
    }
}
