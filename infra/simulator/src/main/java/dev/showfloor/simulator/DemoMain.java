package dev.showfloor.simulator;

import java.nio.file.Path;
import java.util.Map;

/**
 * {@code demo [--shoppers 2000] [--units 150] [--skus 3] [--decline-rate 0.1] [--seed 42] [--json FILE]
 * [--http-client plain-http1.1|jdk-http1.1|jdk-http2]} against the stack's services (URLs from --sessions,
 * --inventory, --checkout).
 */
public final class DemoMain {
    /**
     * A connection per shopper's request in flight, as separate phones have. The demo's JVM starts cold for every
     * run, and the JDK's client, whose one selector thread carries every connection, made the demo the bottleneck:
     * the same drop of 2,000 shoppers decided at 98-134 orders/s with p50 1.2-2.0 s from tap to decision while
     * checkout answered each POST in 94 ms on average; with this client, 291-292 orders/s (the shoppers' arrival
     * rate) and p50 0.6 s.
     */
    static final String DEMO_HTTP_CLIENT = "plain-http1.1";

    private DemoMain() {
    }

    public static void main(String[] args) throws Exception {
        String[] withCommand = new String[args.length + 1];
        withCommand[0] = "demo";
        System.arraycopy(args, 0, withCommand, 1, args.length);
        Map<String, String> options = BenchMain.options(withCommand);
        DropDemo.Settings settings = new DropDemo.Settings(
                positive(options, "shoppers", "2000"),
                positive(options, "units", "150"),
                positive(options, "skus", "3"),
                Double.parseDouble(options.getOrDefault("decline-rate", "0.1")),
                Long.parseLong(options.getOrDefault("seed", "42")),
                options.containsKey("json") ? Path.of(options.get("json")) : null,
                options.getOrDefault("sessions", "http://127.0.0.1:8101"),
                options.getOrDefault("inventory", "http://127.0.0.1:8102"),
                options.getOrDefault("checkout", "http://127.0.0.1:8103"),
                options.getOrDefault("http-client", DEMO_HTTP_CLIENT));
        if (settings.skus() > 26 || settings.units() < settings.skus() || settings.declineRate() < 0
                || settings.declineRate() > 1) {
            System.err.println("error: need 1–26 SKUs, at least one unit per SKU, and a decline rate in [0, 1]");
            System.exit(2);
        }
        System.exit(new DropDemo(settings).run());
    }

    private static int positive(Map<String, String> options, String name, String defaultValue) {
        int value = Integer.parseInt(options.getOrDefault(name, defaultValue));
        if (value < 1) {
            throw new IllegalArgumentException("--" + name + " must be at least 1");
        }
        return value;
    }
}
