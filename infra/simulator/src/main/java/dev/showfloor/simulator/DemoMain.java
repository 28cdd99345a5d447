package dev.showfloor.simulator;

import java.nio.file.Path;
import java.util.Map;

/**
 * {@code demo [--shoppers 2000] [--units 150] [--skus 3] [--decline-rate 0.1] [--seed 42] [--json FILE]}
 * against the stack's services (URLs from --sessions, --inventory, --checkout).
 */
public final class DemoMain {
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
                options.getOrDefault("checkout", "http://127.0.0.1:8103"));
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
