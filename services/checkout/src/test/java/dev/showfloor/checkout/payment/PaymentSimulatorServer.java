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
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The payment simulator as a provider outside checkout: {@link SimulatedPaymentGateway}'s decisions behind the
 * HTTP protocol {@link RemotePaymentSimulatorGateway} speaks, on a free loopback port of the test's JVM, so its
 * ledger of authorizations outlives every checkout process the test kills.
 */
public final class PaymentSimulatorServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SimulatedPaymentGateway provider;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(4);

    private PaymentSimulatorServer(SimulatedPaymentGateway provider) throws IOException {
        this.provider = provider;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.createContext(RemotePaymentSimulatorGateway.AUTHORIZATIONS_PATH, exchange -> answer(exchange,
                AuthorizationRequest.class, request -> provider.authorize(request.orderId(), request.amountMinor(),
                        request.currency(), request.paymentToken()).thenApply(AuthorizationAnswer::of)));
        server.createContext(RemotePaymentSimulatorGateway.VOIDS_PATH, exchange -> answer(exchange,
                VoidRequest.class, request -> provider.voidAuthorization(request.orderId()).thenApply(VoidAnswer::new)));
        server.start();
    }

    public static PaymentSimulatorServer start(Duration latency, double declineRate, long seed) throws IOException {
        return new PaymentSimulatorServer(new SimulatedPaymentGateway(
                PaymentSimulatorConfig.of(latency, declineRate, seed)));
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
    private static <T> void answer(HttpExchange exchange, Class<T> requestType,
                                   Function<T, CompletionStage<?>> decide) {
        T request;
        try (var body = exchange.getRequestBody()) {
            request = JSON.readValue(body, requestType);
        } catch (IOException unreadable) {
            respond(exchange, 400, unreadable.getMessage().getBytes(StandardCharsets.UTF_8));
            return;
        }
        decide.apply(request).whenComplete((answer, failure) -> {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause == null) {
                try {
                    respond(exchange, 200, JSON.writeValueAsBytes(answer));
                } catch (IOException unwritable) {
                    throw new UncheckedIOException(unwritable);
                }
            } else {
                respond(exchange, cause instanceof ProviderUnavailable ? 503 : 500,
                        String.valueOf(cause.getMessage()).getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "text/plain");
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
