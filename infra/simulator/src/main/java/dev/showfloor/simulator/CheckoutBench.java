package dev.showfloor.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Confirmed orders per second through the public HTTP API (POST /checkouts, then the order's long-poll until
 * CONFIRMED; or, with {@code --prefer-wait true}, one POST with {@code Prefer: wait} that answers with the
 * decision): after unmeasured warm-up rounds, first closed-loop at saturation, then open-loop at a fixed
 * arrival rate for the latency, after an unmeasured lead-in at that rate.
 * Needs inventory and checkout running; every order is paid with {@code tok_approve}.
 */
public final class CheckoutBench {
    private static final int SKUS = 10;
    /**
     * Exactly-once commits on an order's path to CONFIRMED: the saga places the holds, inventory holds, the saga
     * confirms on the payment answer it asked for when the holds came in (four until the second session of
     * 2026-12-02 evening, when the answer came through a payment worker and the order topic).
     */
    static final int EXACTLY_ONCE_HOPS = 3;
    /**
     * The floor's records per order, kept at the shape of 2026-12-01 so floors stay comparable across days. A
     * one-line order now writes about 17 on its path: OrderPlaced; the saga's PlaceHold and changelog record;
     * inventory's three per placed hold; the saga's PaymentRequested and changelog record; its PaymentAuthorized,
     * OrderConfirmed, CommitHold and changelog record; inventory's HoldCommitted, its answer, the holds
     * changelog record and two history records (stock levels go out once per SKU per interval). The benchmark
     * prints the broker records it measured per order beside the floor's, so the two shapes can be compared.
     */
    static final int WRITES_PER_ORDER = 18;
    /** Checkout's {@code quarkus.kafka-streams.application-id}: its consumer group tells its stream threads. */
    private static final String APPLICATION_ID = "checkout";
    /** How long a POST asks to wait for its decision ({@code Prefer: wait}); the long-poll takes over after. */
    private static final int PREFER_WAIT_SECONDS = 10;
    private final ShowfloorApi api;
    private final String bootstrapServers;
    private final String registryApiUrl;
    private final int floorCommitMs;
    private final boolean oneRoundTrip;
    private final boolean inADrop;
    private final String httpClient;
    private final Duration pacedLeadIn;
    /** The services whose stream threads each measured phase watches ({@link StreamThreadTime}), by name. */
    private final Map<String, String> streamServices;
    private final String location = "bench-" + Long.toString(System.currentTimeMillis(), 36);

    /**
     * @param floorCommitMs the exactly-once floor's commit interval (the services' is
     *                      {@link BenchMain#SERVICES_COMMIT_INTERVAL_MS})
     * @param oneRoundTrip  whether the POST waits for the decision ({@code Prefer: wait}) instead of a POST and a
     *                      long-poll (the default, comparable with every earlier run)
     * @param httpClient    the load generator's HTTP client ({@link HttpTransport#named}; jdk-http2 in every run
     *                      until 2026-12-03)
     * @param pacedLeadIn   how long the paced rate runs unmeasured before the measured paced phase (none until the
     *                      nineteenth session, 2026-12-06, when the measured phase began right after saturation)
     * @param inADrop       whether every order's line is in a drop capped per buyer (inventory checks and counts
     *                      the shopper's units in it; each order is a new shopper's, so none is refused for the cap),
     *                      as in a micro-drop, rather than outside any drop (every run until the twenty-second
     *                      session of 2026-12-06)
     */
    public CheckoutBench(String bootstrapServers, String registryApiUrl, String inventoryUrl, String checkoutUrl,
                         int floorCommitMs, boolean oneRoundTrip, String httpClient, Duration pacedLeadIn,
                         boolean inADrop) {
        this.api = new ShowfloorApi(null, inventoryUrl, checkoutUrl, HttpTransport.named(httpClient));
        this.httpClient = httpClient;
        this.pacedLeadIn = pacedLeadIn;
        this.bootstrapServers = bootstrapServers;
        this.registryApiUrl = registryApiUrl;
        this.floorCommitMs = floorCommitMs;
        this.oneRoundTrip = oneRoundTrip;
        this.inADrop = inADrop;
        this.streamServices = Map.of("inventory", inventoryUrl, "checkout", checkoutUrl);
    }

    public BenchReport run(double rawRecordsPerSecond, int saturationOrders, int concurrency, double pacedRate,
                           Duration pacedDuration) throws Exception {
        Instant started = Instant.now();
        for (int s = 0; s < SKUS; s++) {
            api.receiveStock(location, "sku-" + s, 1_000_000, "bench-stock-" + location + "-" + s);
        }
        for (int s = 0; s < SKUS; s++) {
            awaitStock("sku-" + s);
        }

        WarmUp.Outcome warmUp = WarmUp.untilSteady("confirmed/s", round -> closedLoop("warm" + round, saturationOrders,
                concurrency, new Latencies(), new AtomicInteger(), null));
        Latencies saturation = new Latencies();
        AtomicInteger confirmed = new AtomicInteger();
        PhaseCost.Measured saturated = PhaseCost.around(bootstrapServers, streamServices, saturationOrders,
                () -> closedLoop("sat", saturationOrders, concurrency, saturation, confirmed, null));
        double confirmedPerSecond = saturated.perSecond();

        int pacedOrders = (int) (pacedRate * pacedDuration.toSeconds());
        Latencies paced = new Latencies();
        AtomicInteger pacedConfirmed = new AtomicInteger();
        OrderTimeline.Readback timeline;
        PhaseCost.Measured pacedCost;
        // Opened before the lead-in, so that loading its consumer's classes is not part of the measured phase.
        try (OrderTimeline steps = new OrderTimeline(bootstrapServers, registryApiUrl)) {
            if (!pacedLeadIn.isZero()) {
                // Unmeasured, at the measured pace: the saturation phase's backlog drains meanwhile, and every
                // process (the load generator too) compiles what this pace runs that saturation did not.
                System.out.println("  leading in at " + pacedRate + " orders/s for " + pacedLeadIn.toSeconds() + " s");
                openLoop("lead", pacedRate, (int) (pacedRate * pacedLeadIn.toSeconds()), new Latencies(),
                        new AtomicInteger(), null);
            }
            pacedCost = PhaseCost.around(bootstrapServers, streamServices, pacedOrders,
                    () -> openLoop("paced", pacedRate, pacedOrders, paced, pacedConfirmed, steps));
            timeline = steps.readBack();
        }
        System.out.println("  where the time goes at " + pacedRate + " orders/s (ms since the tap): " + timeline.percentiles());
        BenchReport report = new BenchReport("checkout", started);
        report
                .throughput(confirmedPerSecond, rawRecordsPerSecond)
                .put("p50_ms", paced.percentileMillis(50))
                .put("p95_ms", paced.percentileMillis(95))
                .put("p99_ms", paced.percentileMillis(99))
                .put("latency_measured_at_orders_per_s", pacedRate)
                .put("paced_orders", pacedOrders)
                .put("paced_confirmed", pacedConfirmed.get())
                .put("paced_lead_in_seconds", pacedLeadIn.toSeconds())
                .put("timeline_ms", timeline.percentiles())
                .put("paced_cpu_ms_per_order", pacedCost.cpuMsPerOperation())
                .put("paced_machine_cpu_shares", pacedCost.machineCpuShares())
                .put("paced_compile_seconds", pacedCost.compileSeconds())
                .put("paced_stream_threads", pacedCost.streamThreads())
                .put("paced_pauses", pacedCost.pauses())
                .put("paced_broker_requests", pacedCost.brokerRequests())
                .attach("orders.csv", timeline.ordersCsv())
                .put("saturation_orders", saturationOrders)
                .put("http_client", httpClient)
                .put("orders_in_a_drop", inADrop)
                .put("saturation_confirmed", confirmed.get())
                .put("saturation_concurrency", concurrency)
                .put("broker_records_per_order", saturated.recordsPerOperation())
                .put("cpu_ms_per_order", saturated.cpuMsPerOperation())
                .put("stream_threads_at_saturation", saturated.streamThreads())
                .put("broker_requests_at_saturation", saturated.brokerRequests())
                .put("machine_cpu_shares", saturated.machineCpuShares())
                .put("saturation_p50_ms", saturation.percentileMillis(50))
                .put("saturation_p99_ms", saturation.percentileMillis(99))
                .put("http_requests_per_order", httpRequestsPerOrder())
                .put("warm_up", warmUp.asReport())
                .put("measures", (oneRoundTrip ? "POST /checkouts with Prefer: wait=" + PREFER_WAIT_SECONDS
                        + " until it answers CONFIRMED" : "POST /checkouts until GET /orders/{id}?waitMs= says CONFIRMED")
                        + "; simulated payment latency 20 ms; exactly_once_v2 in inventory and checkout"
                        + (inADrop ? "; every order a new shopper's, in a drop capped per buyer" : ""));
        if (floorCommitMs > 0) { // 0: the service alone, for quick experiments
            System.out.println("measuring the HTTP floor (GET /q/health/live, " + concurrency + " clients)...");
            httpFloor(concurrency, Duration.ofSeconds(5)); // warm-up
            double httpFloor = httpFloor(concurrency, pacedDuration);
            System.out.printf("  HTTP floor: %.0f requests/s%n", httpFloor);
            Latencies httpPaced = httpFloorPaced(pacedRate, pacedDuration);
            System.out.printf("  HTTP floor at %.0f requests/s: p50 %.1f ms, p99 %.1f ms%n", pacedRate,
                    httpPaced.percentileMillis(50), httpPaced.percentileMillis(99));
            report.put("http_floor_latency_by_rate", Map.of(String.valueOf((long) pacedRate), Map.of(
                    "p50_ms", httpPaced.percentileMillis(50), "p99_ms", httpPaced.percentileMillis(99))));
            double eosFloor;
            try (EosFloor floor = new EosFloor(bootstrapServers, WRITES_PER_ORDER, EXACTLY_ONCE_HOPS, floorCommitMs,
                    EosFloor.streamThreadsOf(bootstrapServers, APPLICATION_ID), 1)) {
                System.out.println("measuring the exactly-once floor (" + WRITES_PER_ORDER + " writes in "
                        + EXACTLY_ONCE_HOPS + " hops per input)...");
                eosFloor = floor.measure(report, saturationOrders, java.util.List.of(pacedRate), pacedDuration,
                        confirmedPerSecond, rawRecordsPerSecond);
            }
            // Each floor was measured with the whole machine to itself; an order needs both, so their costs add.
            report.put("http_floor_requests_per_s", httpFloor)
                    .put("ceiling_orders_per_s", 1 / (httpRequestsPerOrder() / httpFloor + 1 / eosFloor));
        }
        return report;
    }

    /**
     * {@code orders} orders started at {@code perSecond}, whether or not earlier ones have been decided; returns
     * that rate, as a {@link PhaseCost.Phase} returns its own.
     */
    private double openLoop(String prefix, double perSecond, int orders, Latencies latencies, AtomicInteger confirmed,
                            OrderTimeline timeline) {
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            OpenLoop.pace(perSecond, orders,
                    n -> workers.submit(() -> order(prefix + "-" + n, latencies, confirmed, timeline)));
        }
        return perSecond;
    }

    /** The POST and, unless it waits for the decision itself, one long-poll that returns with it. */
    private int httpRequestsPerOrder() {
        return oneRoundTrip ? 1 : 2;
    }

    /** {@code orders} orders with at most {@code concurrency} in flight; returns confirmed orders per second. */
    private double closedLoop(String prefix, int orders, int concurrency, Latencies latencies, AtomicInteger confirmed,
                              OrderTimeline timeline) {
        long start = System.nanoTime();
        Semaphore inFlight = new Semaphore(concurrency);
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < orders; i++) {
                int n = i;
                inFlight.acquireUninterruptibly();
                workers.submit(() -> {
                    try {
                        order(prefix + "-" + n, latencies, confirmed, timeline);
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        return confirmed.get() / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * The lightest request the checkout answers, as fast as {@code concurrency} clients can send it for
     * {@code duration}: what HTTP alone costs the machine here, service, client and all.
     */
    private double httpFloor(int concurrency, Duration duration) {
        AtomicInteger answered = new AtomicInteger();
        long start = System.nanoTime();
        long until = start + duration.toNanos();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < concurrency; c++) {
                clients.submit(() -> {
                    while (System.nanoTime() < until) {
                        if (api.checkoutLiveness().ok()) {
                            answered.incrementAndGet();
                        }
                    }
                });
            }
        }
        return answered.get() / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * The same lightest request, open-loop at the paced orders' rate: how long HTTP alone (client, event loop,
     * service) keeps a request on this machine, the part of an order's latency no saga code is in.
     */
    private Latencies httpFloorPaced(double perSecond, Duration duration) {
        Latencies latencies = new Latencies();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            OpenLoop.pace(perSecond, (int) (perSecond * duration.toSeconds()), n -> clients.submit(() -> {
                long sent = System.nanoTime();
                if (api.checkoutLiveness().ok()) {
                    latencies.add(System.nanoTime() - sent);
                }
            }));
        }
        return latencies;
    }

    /** One order until it is decided; {@code timeline}, if not null, learns when it was tapped and answered. */
    private void order(String id, Latencies latencies, AtomicInteger confirmed, OrderTimeline timeline) {
        String shopper = "bench-" + id;
        String body = """
                {"shopperId": "%s", "locationId": "%s", "currency": "EUR",
                 "lines": [{"sku": "sku-%d", "quantity": 1, "unitPriceMinor": 1000%s}],
                 "paymentToken": "tok_approve", "fulfillment": {"method": "PICKUP"}}"""
                .formatted(shopper, location, Math.floorMod(id.hashCode(), SKUS),
                        inADrop ? ", \"dropId\": \"drop-" + location + "\"" : "");
        long tapped = System.nanoTime();
        long tappedMillis = System.currentTimeMillis();
        ShowfloorApi.Answer accepted = api.checkout(location + "-" + id, body, Duration.ofSeconds(60),
                oneRoundTrip ? PREFER_WAIT_SECONDS : 0);
        if (!accepted.ok()) {
            return;
        }
        ShowfloorApi.Answer decision = ShowfloorApi.decided(accepted) ? accepted
                : api.awaitDecision(accepted.body().get("orderId").asText(), Duration.ofSeconds(120));
        if (decision.ok() && "CONFIRMED".equals(decision.body().get("status").asText())) {
            latencies.add(System.nanoTime() - tapped);
            confirmed.incrementAndGet();
            if (timeline != null) {
                timeline.client(decision.body().get("orderId").asText(), tappedMillis, System.currentTimeMillis());
            }
        }
    }

    private void awaitStock(String sku) {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            ShowfloorApi.Answer level = api.stock(location, sku);
            if (level.ok() && level.body().get("onHand").asInt() == 1_000_000) {
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos()); // polling until the stock shows
        }
        throw new IllegalStateException("bench stock did not show up");
    }
}
