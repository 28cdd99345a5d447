package dev.showfloor.checkout.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.showfloor.checkout.domain.PaymentGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The payment port over HTTP to a payment simulator in another process: what the in-process
 * {@link SimulatedPaymentGateway} decides, with its ledger outliving checkout's restarts and shared by every
 * instance, as a real provider's is. So a crash test can hold checkout to "no double charge": after the orders
 * are decided, the provider holds an authorization exactly for each confirmed one.
 *
 * <p>The protocol (the simulator's, not any real provider's): {@code POST /authorizations} with an
 * {@link AuthorizationRequest} answers an {@link AuthorizationAnswer}; {@code POST /voids} with a
 * {@link VoidRequest} answers a {@link VoidAnswer}; a 5xx, a refused connection or no answer within the request
 * timeout is {@link ProviderUnavailable}, which the port's wrapper retries.
 */
public class RemotePaymentSimulatorGateway implements PaymentGateway {
    public static final String AUTHORIZATIONS_PATH = "/authorizations";
    public static final String VOIDS_PATH = "/voids";

    public record AuthorizationRequest(String orderId, long amountMinor, String currency, String paymentToken) {
    }

    /** {@code result} is an {@link Outcome.Result} name. */
    public record AuthorizationAnswer(String result, String paymentId, String declineReason) {
        public static AuthorizationAnswer of(Outcome outcome) {
            return new AuthorizationAnswer(outcome.result().name(), outcome.paymentId(), outcome.declineReason());
        }

        Outcome outcome() {
            return new Outcome(Outcome.Result.valueOf(result), paymentId, declineReason);
        }
    }

    public record VoidRequest(String orderId) {
    }

    /** The voided payment's id, or null when the order held no authorization. */
    public record VoidAnswer(String paymentId) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI baseUrl;
    private final Duration requestTimeout;
    private final HttpClient http;

    public RemotePaymentSimulatorGateway(URI baseUrl, Duration requestTimeout) {
        this.baseUrl = baseUrl;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(requestTimeout)
                .build();
    }

    @Override
    public String name() {
        return "remote-simulator";
    }

    @Override
    public CompletionStage<Outcome> authorize(String orderId, long amountMinor, String currency, String paymentToken) {
        return call(AUTHORIZATIONS_PATH, new AuthorizationRequest(orderId, amountMinor, currency, paymentToken),
                AuthorizationAnswer.class).thenApply(AuthorizationAnswer::outcome);
    }

    @Override
    public CompletionStage<String> voidAuthorization(String orderId) {
        return call(VOIDS_PATH, new VoidRequest(orderId), VoidAnswer.class).thenApply(VoidAnswer::paymentId);
    }

    /** Completes with the decoded answer, or with the bare failure (ProviderUnavailable when retrying may help). */
    private <T> CompletableFuture<T> call(String path, Object body, Class<T> answerType) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(requestTimeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        } catch (JsonProcessingException unwritable) {
            return CompletableFuture.failedFuture(new UncheckedIOException(unwritable));
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
            try {
                if (failure != null) {
                    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                    throw cause instanceof IOException
                            ? new ProviderUnavailable("payment simulator unreachable at " + request.uri() + ": " + cause)
                            : new IllegalStateException("payment simulator call failed", cause);
                }
                if (response.statusCode() != 200) {
                    String answered = "payment simulator answered " + request.uri() + " with " + response.statusCode()
                            + ": " + new String(response.body(), StandardCharsets.UTF_8);
                    throw response.statusCode() >= 500 ? new ProviderUnavailable(answered)
                            : new IllegalStateException(answered);
                }
                answer.complete(JSON.readValue(response.body(), answerType));
            } catch (IOException unreadable) {
                answer.completeExceptionally(new IllegalStateException("unreadable payment simulator answer",
                        unreadable));
            } catch (RuntimeException failed) {
                answer.completeExceptionally(failed);
            }
        });
        return answer;
    }
}
