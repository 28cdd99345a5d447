package dev.showfloor.checkout.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.showfloor.checkout.domain.PaymentGateway.ProviderUnavailable;
import dev.showfloor.checkout.payment.RemotePaymentSimulatorGateway.AuthorizationAnswer;
import dev.showfloor.checkout.payment.RemotePaymentSimulatorGateway.AuthorizationRequest;
import dev.showfloor.checkout.payment.RemotePaymentSimulatorGateway.VoidAnswer;
import dev.showfloor.checkout.payment.RemotePaymentSimulatorGateway.VoidRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The payment simulator as a provider outside checkout: {@link SimulatedPaymentGateway}'s decisions behind the
 * HTTP protocol {@link RemotePaymentSimulatorGateway} speaks, on loopback, so that its ledger of authorizations
 * outlives checkout's processes and is shared by every instance. {@code GET /authorizations} lists the orders
 * holding an authorization (the ledger). Started by the cluster test in its own JVM, or as a process:
 * {@code java -cp 'target/quarkus-app/app/*:target/quarkus-app/lib/main/*'
 * dev.showfloor.checkout.payment.PaymentSimulatorServer --port 8190 --latency-ms 20 --decline-rate 0.1 --seed 42}.
 */
public final class PaymentSimulatorServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SimulatedPaymentGateway provider;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(4);

    private PaymentSimulatorServer(int port, SimulatedPaymentGateway provider) throws IOException {
        this.provider = provider;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(handlers);
        server.createContext(RemotePaymentSimulatorGateway.AUTHORIZATIONS_PATH, exchange -> {
            if ("GET".equals(exchange.getRequestMethod())) {
                respondJson(exchange, new TreeSet<>(authorizedOrders()));
            } else {
                answer(exchange, AuthorizationRequest.class, request -> provider.authorize(request.orderId(),
                        request.amountMinor(), request.currency(), request.paymentToken())
                        .thenApply(AuthorizationAnswer::of));
            }
        });
        server.createContext(RemotePaymentSimulatorGateway.VOIDS_PATH, exchange -> answer(exchange,
                VoidRequest.class, request -> provider.voidAuthorization(request.orderId()).thenApply(VoidAnswer::new)));
        server.start();
    }

    /** On a free loopback port. */
    public static PaymentSimulatorServer start(Duration latency, double declineRate, long seed) throws IOException {
        return start(0, PaymentSimulatorConfig.of(latency, declineRate, seed));
    }

    public static PaymentSimulatorServer start(int port, PaymentSimulatorConfig config) throws IOException {
        return new PaymentSimulatorServer(port, new SimulatedPaymentGateway(config));
    }

    /**
     * Runs until the process is stopped. Flags: {@code --port} (8190), {@code --latency-ms} (20),
     * {@code --decline-rate} (0), {@code --seed} (42).
     */
    public static void main(String[] args) throws Exception {
        int port = 8190;
        long latencyMs = 20;
        double declineRate = 0;
        long seed = 42;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 == args.length) {
                throw new IllegalArgumentException("flag " + args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--latency-ms" -> latencyMs = Long.parseLong(args[i + 1]);
                case "--decline-rate" -> declineRate = Double.parseDouble(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown flag " + args[i]
                        + " (known: --port, --latency-ms, --decline-rate, --seed)");
            }
        }
        PaymentSimulatorServer server = start(port, PaymentSimulatorConfig.of(Duration.ofMillis(latencyMs),
                declineRate, seed));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        System.out.println("payment simulator at " + server.url() + " (checkout: showfloor.payment.provider="
                + "remote-simulator, showfloor.payment.remote-simulator.url=" + server.url() + ")");
        stopped.await();
    }

    public URI url() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort());
    }

    /** The orders holding an authorization now: authorized and not voided. */
    public Set<String> authorizedOrders() {
        return provider.authorizedOrders();
    }

    /** Answers once the provider has decided; a provider failure is a 503, unreadable input a 400. */
    private <T> void answer(HttpExchange exchange, Class<T> requestType, Function<T, CompletionStage<?>> decide) {
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, "text/plain", "POST only".getBytes(StandardCharsets.UTF_8));
            return;
        }
        T request;
        try (var body = exchange.getRequestBody()) {
            request = JSON.readValue(body, requestType);
        } catch (IOException unreadable) {
            respond(exchange, 400, "text/plain", String.valueOf(unreadable.getMessage())
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        CompletionStage<?> decided;
        try {
            decided = decide.apply(request);
        } catch (RuntimeException failed) {
            decided = CompletableFuture.failedFuture(failed);
        }
        // Answered on the server's own threads: the simulator decides on the shared common pool after its latency,
        // one thread on a two-core machine, which should not also write every response.
        decided.whenCompleteAsync((answer, failure) -> {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause == null) {
                respondJson(exchange, answer);
            } else {
                respond(exchange, cause instanceof ProviderUnavailable ? 503 : 500, "text/plain",
                        String.valueOf(cause.getMessage()).getBytes(StandardCharsets.UTF_8));
            }
        }, handlers);
    }

    private static void respondJson(HttpExchange exchange, Object answer) {
        try {
            respond(exchange, 200, "application/json", JSON.writeValueAsBytes(answer));
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body) {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException clientGone) {
            // the caller stopped waiting (it times out and asks again); nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
