package dev.showfloor.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.showfloor.runtime.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A micro-drop on the running stack, through the public HTTP APIs only: a show is scheduled, stock received,
 * then N shoppers with think times race for M units across a few SKUs with one-tap checkout; some tap twice
 * (same Idempotency-Key), some cards decline. Prints what happened and checks nothing was oversold or
 * ordered twice, and that the payment provider authorized exactly the confirmed orders when checkout pays
 * through the payment simulator's own process.
 */
public final class DropDemo {
    /** Demo parameters (the stack command's flags). */
    public record Settings(int shoppers, int units, int skus, double declineRate, long seed, Path json,
                           String sessionsUrl, String inventoryUrl, String checkoutUrl, String httpClient) {
    }

    private static final long PRICE_MINOR = 4_900;
    private static final double DOUBLE_TAP_SHARE = 0.05;
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);
    private final Settings settings;
    private final ShowfloorApi api;
    /** From the tap to the decided order, and to the 202 that says the order is recorded. */
    private final Latencies latencies = new Latencies();
    private final Latencies acceptedLatencies = new Latencies();
    private final Map<String, Integer> outcomes = new ConcurrentHashMap<>();
    private final Map<String, Integer> confirmedUnits = new ConcurrentHashMap<>();
    private final Set<String> orders = ConcurrentHashMap.newKeySet();
    private final Set<String> confirmedOrders = ConcurrentHashMap.newKeySet();
    private final AtomicInteger decided = new AtomicInteger();
    private final AtomicInteger confirmed = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger undecided = new AtomicInteger();
    private volatile boolean finished;

    public DropDemo(Settings settings) {
        this.settings = settings;
        this.api = new ShowfloorApi(settings.sessionsUrl(), settings.inventoryUrl(), settings.checkoutUrl(),
                HttpTransport.named(settings.httpClient()));
    }

    /** Runs the drop; returns the process exit code (0 when nothing was oversold or duplicated). */
    public int run() throws Exception {
        String location = "demo-" + Long.toString(System.currentTimeMillis(), 36);
        Map<String, Integer> stock = new LinkedHashMap<>();
        for (int i = 0; i < settings.skus(); i++) {
            stock.put("sku-" + (char) ('a' + i), settings.units() / settings.skus() + (i < settings.units() % settings.skus() ? 1 : 0));
        }
        System.out.printf("Seeding: show at %s, %d units across %d SKUs %s%n", location, settings.units(),
                settings.skus(), stock);
        String showId = api.scheduleShow("Demo drop " + location, location, 60.0);
        stock.forEach((sku, units) -> api.receiveStock(location, sku, units, "demo-receipt-" + location + "-" + sku));
        for (var entry : stock.entrySet()) {
            awaitStock(location, entry.getKey(), entry.getValue());
        }

        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            if (!finished) {
                System.out.printf("%n%nInterrupted: %d of %d shoppers decided so far; the stack keeps running "
                        + "('infra/local/stack down' stops it).%n", decided.get(), settings.shoppers());
            }
        }));
        System.out.printf("Drop: %d shoppers racing for %d units (decline rate %.0f%%, seed %d)%n",
                settings.shoppers(), settings.units(), settings.declineRate() * 100, settings.seed());
        StackUse before = StackUse.now();
        long started = System.nanoTime();
        Thread progress = Thread.ofPlatform().daemon().start(this::printProgress);
        runShoppers(location, showId, new ArrayList<>(stock.keySet()));
        double seconds = (System.nanoTime() - started) / 1e9;
        finished = true;
        progress.interrupt();
        progress.join(1_000);
        StackUse used = before.until(StackUse.now());
        printProgressLine();
        System.out.println();
        return summarize(location, stock, seconds, used);
    }

    private void runShoppers(String location, String showId, List<String> skus) throws InterruptedException {
        Random random = new Random(settings.seed());
        // Arrivals spread over a few seconds, as a drop announcement reaches phones at slightly different times.
        long arrivalWindowMillis = Math.max(3_000, settings.shoppers() * 3L);
        Semaphore concurrent = new Semaphore(256);
        long start = System.nanoTime();
        try (ExecutorService shoppers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < settings.shoppers(); i++) {
                String shopperId = "shopper-" + i;
                String sku = skus.get(random.nextInt(skus.size()));
                boolean declines = random.nextDouble() < settings.declineRate();
                boolean doubleTap = random.nextDouble() < DOUBLE_TAP_SHARE;
                long arrival = start + TimeUnit.MILLISECONDS.toNanos((long) (random.nextDouble() * arrivalWindowMillis)
                        + 100 + random.nextInt(700)); // think time before the tap
                shoppers.submit(() -> {
                    LockSupport.parkNanos(arrival - System.nanoTime()); // waits until this shopper's arrival
                    concurrent.acquireUninterruptibly();
                    try {
                        shop(location, showId, shopperId, sku, declines, doubleTap);
                    } finally {
                        concurrent.release();
                    }
                });
            }
        }
    }

    private void shop(String location, String showId, String shopperId, String sku, boolean declines,
                      boolean doubleTap) {
        String key = "tap-" + location + "-" + shopperId;
        String body = """
                {"shopperId": "%s", "locationId": "%s", "showId": "%s", "channel": "LIVE", "currency": "EUR",
                 "lines": [{"sku": "%s", "quantity": 1, "unitPriceMinor": %d, "dropId": "drop-%s"}],
                 "paymentToken": "%s", "fulfillment": {"method": "PICKUP"}}"""
                .formatted(shopperId, location, showId, sku, PRICE_MINOR, location, declines ? "tok_decline" : "tok_approve");
        long tapped = System.nanoTime();
        ShowfloorApi.Answer accepted = api.checkout(key, body, Duration.ofSeconds(60));
        if (!accepted.ok()) {
            outcomes.merge("ERROR " + accepted.status(), 1, Integer::sum);
            decided.incrementAndGet();
            return;
        }
        String orderId = accepted.body().get("orderId").asText();
        orders.add(orderId);
        acceptedLatencies.add(System.nanoTime() - tapped);
        if (doubleTap) {
            ShowfloorApi.Answer again = api.checkout(key, body, Duration.ofSeconds(60));
            if (again.ok() && !orderId.equals(again.body().get("orderId").asText())) {
                duplicates.incrementAndGet();
            }
        }
        ShowfloorApi.Answer decision = api.awaitDecision(orderId, Duration.ofSeconds(120));
        latencies.add(System.nanoTime() - tapped);
        if (!decision.ok() || "PENDING".equals(decision.body().get("status").asText())) {
            undecided.incrementAndGet();
            outcomes.merge("UNDECIDED", 1, Integer::sum);
        } else if ("CONFIRMED".equals(decision.body().get("status").asText())) {
            confirmed.incrementAndGet();
            confirmedOrders.add(orderId);
            confirmedUnits.merge(sku, 1, Integer::sum);
            outcomes.merge("CONFIRMED", 1, Integer::sum);
        } else {
            outcomes.merge(decision.body().get("reason").asText(), 1, Integer::sum);
        }
        decided.incrementAndGet();
    }

    /**
     * A shopper sees CONFIRMED as soon as the payment is authorized; inventory commits the hold just after. Stock
     * is counted once every hold on the SKU has ended (committed, released or expired), or as it stands after
     * a while, in which case the ledger check below shows the difference.
     */
    private ShowfloorApi.Answer settledStock(String location, String sku) {
        try {
            Await.until(sku + "'s holds ending", SETTLE_TIMEOUT,
                    () -> heldUnits(location, sku) == 0);
        } catch (IllegalStateException stillHeld) {
            System.out.println("  " + stillHeld.getMessage());
        }
        return api.stock(location, sku);
    }

    /**
     * Orders the payment provider's ledger and the shoppers' answers disagree on (authorized but not confirmed, or
     * confirmed but not authorized), once voids have had time to land; null when checkout pays through the
     * simulator in its own process, whose ledger is not reachable.
     */
    private Integer paymentLedgerMismatch() {
        Optional<String> simulator = api.paymentSimulatorUrl();
        if (simulator.isEmpty()) {
            return null;
        }
        try {
            Await.until("the payment ledger matching the confirmed orders", SETTLE_TIMEOUT,
                    () -> authorizedDemoOrders(simulator.get()).equals(confirmedOrders));
        } catch (IllegalStateException stillApart) {
            System.out.println("  " + stillApart.getMessage());
        }
        Set<String> apart = authorizedDemoOrders(simulator.get());
        Set<String> confirmedNotAuthorized = new HashSet<>(confirmedOrders);
        confirmedNotAuthorized.removeAll(apart);
        apart.removeAll(confirmedOrders);
        return apart.size() + confirmedNotAuthorized.size();
    }

    private Set<String> authorizedDemoOrders(String simulatorUrl) {
        Set<String> authorized = api.authorizedOrders(simulatorUrl);
        authorized.retainAll(orders);
        return authorized;
    }

    private int heldUnits(String location, String sku) {
        ShowfloorApi.Answer level = api.stock(location, sku);
        return level.ok() ? level.body().path("held").asInt(-1) : -1;
    }

    private int summarize(String location, Map<String, Integer> stock, double seconds, StackUse used)
            throws Exception {
        Map<String, Integer> unitsSold = new TreeMap<>();
        int oversold = 0;
        int ledgerMismatch = 0;
        for (var entry : stock.entrySet()) {
            ShowfloorApi.Answer level = settledStock(location, entry.getKey());
            int soldByInventory = entry.getValue() - level.body().get("onHand").asInt();
            int soldByOrders = confirmedUnits.getOrDefault(entry.getKey(), 0);
            unitsSold.put(entry.getKey(), soldByOrders);
            oversold += Math.max(0, soldByOrders - entry.getValue()) + Math.max(0, soldByInventory - entry.getValue());
            ledgerMismatch += Math.abs(soldByInventory - soldByOrders);
        }
        Integer paymentMismatch = paymentLedgerMismatch();
        Map<String, Integer> rejected = new TreeMap<>(outcomes);
        rejected.remove("CONFIRMED");
        int totalSold = unitsSold.values().stream().mapToInt(Integer::intValue).sum();

        System.out.println("  ----------------------------------------------------");
        row("confirmed orders", confirmed.get());
        rejected.forEach((reason, count) -> row("rejected: " + reason, count));
        unitsSold.forEach((sku, units) -> row("units sold: " + sku, units + " of " + stock.get(sku)));
        row("units sold in all", totalSold + " of " + settings.units());
        row("oversold", oversold + (oversold == 0 ? "   (must be 0)" : "   <-- MUST BE 0"));
        row("duplicate orders", duplicates.get() + (duplicates.get() == 0 ? "   (must be 0)" : "   <-- MUST BE 0"));
        row("orders vs inventory ledger", ledgerMismatch == 0 ? "agree" : ledgerMismatch + " units apart");
        row("orders vs payment ledger", paymentMismatch == null ? "not checked (checkout pays in process)"
                : paymentMismatch == 0 ? "agree (" + confirmedOrders.size() + " authorized, no other)"
                : paymentMismatch + " orders apart   <-- MUST AGREE");
        row("throughput", String.format("%.0f orders/s over %.1f s", settings.shoppers() / seconds, seconds));
        row("tap to accepted p50/p95/p99", percentiles(acceptedLatencies));
        row("tap to decision p50/p95/p99", percentiles(latencies));
        boolean warming = used.servicesWarmingUp();
        if (!used.cpuSeconds().isEmpty()) {
            row("stack CPU in the drop", used.describeCpu());
            row("of it JIT compilers", used.describeCompiling() + (warming ? "   <-- still warming up" : ""));
        }
        System.out.println("  ----------------------------------------------------");
        if (warming) {
            System.out.println("""
                      The services were still compiling their hot code: a freshly started stack runs several
                      times slower for its first drops (about 10,000 orders on 2 cores). Run the demo again
                      to see the stack warmer.""".indent(2));
        }

        if (settings.json() != null) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("confirmed", confirmed.get());
            report.put("rejected", rejected);
            report.put("units_sold", unitsSold);
            report.put("oversold", oversold);
            report.put("duplicates", duplicates.get());
            report.put("orders_per_s", Math.round(settings.shoppers() / seconds * 10) / 10.0);
            report.put("p50_ms", latencies.percentileMillis(50));
            report.put("p95_ms", latencies.percentileMillis(95));
            report.put("p99_ms", latencies.percentileMillis(99));
            report.put("accepted_p50_ms", acceptedLatencies.percentileMillis(50));
            report.put("accepted_p99_ms", acceptedLatencies.percentileMillis(99));
            report.put("shoppers", settings.shoppers());
            report.put("units", settings.units());
            report.put("ledger_mismatch_units", ledgerMismatch);
            report.put("payment_ledger_mismatch_orders", paymentMismatch);
            report.put("undecided", undecided.get());
            report.put("cpu_seconds", used.cpuSeconds());
            report.put("compiler_cpu_seconds", used.compilerCpuSeconds());
            report.put("services_compile_share", Math.round(used.servicesCompileShare() * 1000) / 1000.0);
            Path parent = settings.json().toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(settings.json(), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(report) + "\n");
            System.out.println("  wrote " + settings.json());
        }
        boolean paymentsAgree = paymentMismatch == null || paymentMismatch == 0;
        return oversold == 0 && duplicates.get() == 0 && ledgerMismatch == 0 && paymentsAgree && undecided.get() == 0
                ? 0 : 1;
    }

    private static String percentiles(Latencies latencies) {
        return String.format("%.0f / %.0f / %.0f ms", latencies.percentileMillis(50), latencies.percentileMillis(95),
                latencies.percentileMillis(99));
    }

    private static void row(String label, Object value) {
        System.out.printf("  %-30s %s%n", label, value);
    }

    private void awaitStock(String location, String sku, int units) {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            ShowfloorApi.Answer level = api.stock(location, sku);
            if (level.ok() && level.body().get("onHand").asInt() == units) {
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos()); // polling the stock until it shows
        }
        throw new IllegalStateException("stock for " + sku + " did not show up within 60 s");
    }

    private void printProgress() {
        while (!finished && !Thread.currentThread().isInterrupted()) {
            printProgressLine();
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos()); // redraw rate of the progress bar
        }
    }

    private void printProgressLine() {
        int done = decided.get();
        int width = 30;
        int filled = (int) ((long) done * width / Math.max(1, settings.shoppers()));
        System.out.printf("\r  [%s%s] %5d/%d decided  %4d confirmed", "#".repeat(filled), ".".repeat(width - filled),
                done, settings.shoppers(), confirmed.get());
        System.out.flush();
    }
}
