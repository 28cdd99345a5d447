package dev.showfloor.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code bench raw|inventory|checkout [--bootstrap host:port] [--registry url] [--out dir]}: each benchmark measures the
 * raw broker first, in the same run, and reports its own figures as a ratio of it.
 */
public final class BenchMain {
    /** Size of a serialized PlaceHold command with its envelope, so raw and service figures compare. */
    static final int RECORD_BYTES = 200;
    /** Both services' {@code kafka-streams.commit.interval.ms}; the floors use it unless told otherwise. */
    static final int SERVICES_COMMIT_INTERVAL_MS = 10;

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: bench raw|inventory|checkout|floor [--bootstrap 127.0.0.1:9092] "
                    + "[--registry http://127.0.0.1:8081/apis/registry/v3] [--out target/bench]\n"
                    + "  inventory [--requests 100000] [--paced-rate 0 (half the maximum)] [--paced-seconds 10]\n"
                    + "            [--sweep 2000,1000,500 (more paced rates)] [--linger-ms 5 (load generator)]\n"
                    + "            [--drop false (true: every hold a shopper's in a capped drop)]\n"
                    + "  checkout [--orders 6000] [--concurrency 384] [--rate 300] [--paced-seconds 10]\n"
                    + "           [--prefer-wait false (POST, then long-poll; true: the POST waits for the decision)]\n"
                    + "           [--drop false (true: every order a new shopper's in a drop capped per buyer)]\n"
                    + "           [--http-client jdk-http2 (one multiplexed connection) | jdk-http1.1 | plain-http1.1\n"
                    + "            (a connection per request in flight; plain: the lightest client, for the load generator)]\n"
                    + "  inventory, checkout: [--lead-in-seconds N (the paced rate, unmeasured, before its measured phase;\n"
                    + "            inventory 0, checkout 10)]\n"
                    + "            [--inventory http://127.0.0.1:8102] [--checkout http://127.0.0.1:8103 (checkout only)]\n"
                    + "  floor [--writes 5] [--hops 1] [--threads 1 (stream threads)] [--requests 20000] [--rates 2000,500]\n"
                    + "        [--linger-ms 5] [--spread-first-side false (true: each hop's first side write keyed apart,\n"
                    + "         reaching every partition of its topic, as inventory's answers keyed by order do)]\n"
                    + "  inventory, checkout, floor: [--floor-commit-ms " + SERVICES_COMMIT_INTERVAL_MS
                    + " (the exactly-once floor's commit interval; 0: no floors)]");
            System.exit(2);
        }
        Map<String, String> options = options(args);
        String bootstrap = options.getOrDefault("bootstrap", "127.0.0.1:9092");
        String registry = options.getOrDefault("registry", "http://127.0.0.1:8081/apis/registry/v3");
        Path out = Path.of(options.getOrDefault("out", "target/bench"));
        int rawRecords = Integer.parseInt(options.getOrDefault("raw-records", "300000"));
        int floorCommitMs = Integer.parseInt(
                options.getOrDefault("floor-commit-ms", String.valueOf(SERVICES_COMMIT_INTERVAL_MS)));

        System.out.println("measuring the raw broker (" + rawRecords + " records of " + RECORD_BYTES + " B, acks=all)...");
        double raw = RawBroker.recordsPerSecond(bootstrap, rawRecords, RECORD_BYTES);
        switch (args[0]) {
            case "raw" -> new BenchReport("raw", java.time.Instant.now()).throughput(raw, raw)
                    .put("p50_ms", 0.0).put("p99_ms", 0.0).put("record_bytes", RECORD_BYTES).write(out);
            case "inventory" -> {
                try (InventoryBench bench = new InventoryBench(bootstrap, registry,
                        Integer.parseInt(options.getOrDefault("linger-ms", "5")), floorCommitMs,
                        Boolean.parseBoolean(options.getOrDefault("drop", "false")),
                        // Its lead-in's holds would stay open through the measured phase, and with them in the heap
                        // inventory's collector paused longer (docs/BENCHMARKS.md, twentieth session).
                        seconds(options, "lead-in-seconds", 0),
                        options.getOrDefault("inventory", "http://127.0.0.1:8102"))) {
                    bench.run(raw, Integer.parseInt(options.getOrDefault("requests", "100000")),
                            seconds(options, "paced-seconds", 10),
                            Double.parseDouble(options.getOrDefault("paced-rate", "0")),
                            rates(options, "sweep", "2000,1000,500")).write(out);
                }
            }
            case "checkout" -> new CheckoutBench(bootstrap, registry,
                    options.getOrDefault("inventory", "http://127.0.0.1:8102"),
                    options.getOrDefault("checkout", "http://127.0.0.1:8103"), floorCommitMs,
                    Boolean.parseBoolean(options.getOrDefault("prefer-wait", "false")),
                    options.getOrDefault("http-client", HttpTransport.DEFAULT),
                    seconds(options, "lead-in-seconds", 10),
                    Boolean.parseBoolean(options.getOrDefault("drop", "false")))
                    .run(raw, Integer.parseInt(options.getOrDefault("orders", "6000")),
                            Integer.parseInt(options.getOrDefault("concurrency", "384")),
                            Double.parseDouble(options.getOrDefault("rate", "300")),
                            seconds(options, "paced-seconds", 10))
                    .write(out);
            case "floor" -> {
                // The floor alone, in any write shape: e.g. inventory's (--writes 5 --hops 1) or checkout's
                // (--writes 18 --hops 4), at another commit interval to see what the interval buys.
                BenchReport report = new BenchReport("floor", java.time.Instant.now());
                try (EosFloor floor = new EosFloor(bootstrap, Integer.parseInt(options.getOrDefault("writes", "5")),
                        Integer.parseInt(options.getOrDefault("hops", "1")), floorCommitMs,
                        Integer.parseInt(options.getOrDefault("threads", "1")),
                        Integer.parseInt(options.getOrDefault("linger-ms", "5")),
                        Boolean.parseBoolean(options.getOrDefault("spread-first-side", "false")))) {
                    report.throughput(floor.measure(report, Integer.parseInt(options.getOrDefault("requests", "20000")),
                            rates(options, "rates", "2000,500"),
                            seconds(options, "paced-seconds", 10), 0, raw),
                            raw);
                }
                report.write(out);
            }
            default -> {
                System.err.println("unknown benchmark " + args[0]);
                System.exit(2);
            }
        }
    }

    /** An option given in whole seconds. */
    private static Duration seconds(Map<String, String> options, String name, long defaultSeconds) {
        String given = options.get(name);
        return Duration.ofSeconds(given == null ? defaultSeconds : Long.parseLong(given));
    }

    /** A comma-separated list of rates per second; blank for none. */
    private static java.util.List<Double> rates(Map<String, String> options, String name, String defaults) {
        return java.util.Arrays.stream(options.getOrDefault(name, defaults).split(","))
                .filter(rate -> !rate.isBlank()).map(Double::parseDouble).toList();
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
        }
        return options;
    }
}
