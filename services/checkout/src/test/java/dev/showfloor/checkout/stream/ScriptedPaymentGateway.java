package dev.showfloor.checkout.stream;

import dev.showfloor.checkout.domain.PaymentGateway;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The payment port as a test plays it: it answers only when told to, and remembers what it was asked. */
final class ScriptedPaymentGateway implements PaymentGateway {
    private final Map<String, CompletableFuture<Outcome>> answers = new ConcurrentHashMap<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public CompletionStage<Outcome> authorize(String orderId, long amountMinor, String currency, String paymentToken) {
        asked.add(orderId);
        return answerFor(orderId);
    }

    @Override
    public CompletionStage<String> voidAuthorization(String orderId) {
        return CompletableFuture.completedFuture(null);
    }

    /** Answers the authorization of an order, now if it was asked, else as soon as it is. */
    void answer(String orderId, Outcome outcome) {
        answerFor(orderId).complete(outcome);
    }

    /** Fails the authorization of an order, as the port does once its retries are spent. */
    void fail(String orderId, RuntimeException failure) {
        answerFor(orderId).completeExceptionally(failure);
    }

    /** The orders asked for so far, once per question (a repeated question is listed again). */
    List<String> asked() {
        return List.copyOf(asked);
    }

    private CompletableFuture<Outcome> answerFor(String orderId) {
        return answers.computeIfAbsent(orderId, id -> new CompletableFuture<>());
    }
}
