package dev.showfloor.checkout.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.showfloor.checkout.domain.PaymentGateway.Outcome;
import dev.showfloor.checkout.domain.PaymentGateway.ProviderUnavailable;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SimulatedPaymentGatewayTest {
    private static PaymentSimulatorConfig config(double declineRate) {
        return PaymentSimulatorConfig.of(Duration.ZERO, declineRate, 7);
    }

    private static Outcome authorize(SimulatedPaymentGateway gateway, String orderId, String token) throws Exception {
        return gateway.authorize(orderId, 1_000, "EUR", token).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void askingAgainForAnOrderGetsItsFirstAnswerWithoutASecondAuthorization() throws Exception {
        SimulatedPaymentGateway gateway = new SimulatedPaymentGateway(config(0.5));
        for (int n = 0; n < 200; n++) {
            String orderId = "ord-" + n;
            assertEquals(authorize(gateway, orderId, "tok_card"), authorize(gateway, orderId, "tok_card"), orderId);
        }
        Outcome first = authorize(gateway, "ord-approved", SimulatedPaymentGateway.APPROVE_TOKEN);
        assertEquals(Outcome.Result.AUTHORIZED, first.result());
        assertEquals(first, authorize(gateway, "ord-approved", SimulatedPaymentGateway.APPROVE_TOKEN));
        assertEquals(first.paymentId(), gateway.voidAuthorization("ord-approved").toCompletableFuture().join());
        assertNull(gateway.voidAuthorization("ord-approved").toCompletableFuture().join(), "voided once only");
    }

    @Test
    void testTokensAnswerAsDocumented() throws Exception {
        SimulatedPaymentGateway gateway = new SimulatedPaymentGateway(config(0.0));
        assertEquals(Outcome.declined("CARD_DECLINED"), authorize(gateway, "o1", SimulatedPaymentGateway.DECLINE_TOKEN));
        assertEquals(Outcome.declined("INSUFFICIENT_FUNDS"),
                authorize(gateway, "o2", SimulatedPaymentGateway.INSUFFICIENT_FUNDS_TOKEN));
        assertEquals(Outcome.noAnswer(), authorize(gateway, "o3", SimulatedPaymentGateway.TIMEOUT_TOKEN));
        assertNotNull(authorize(gateway, "o4", "tok_any_card").paymentId());
        assertNull(gateway.voidAuthorization("o1").toCompletableFuture().join(), "nothing was authorized");
    }

    @Test
    void aFlakyProviderFailsTwiceForEachCallOfAnOrderThenAnswers() throws Exception {
        // Every card without a test token declines at this rate; tok_flaky still authorizes once it stops failing.
        SimulatedPaymentGateway gateway = new SimulatedPaymentGateway(config(1.0));
        String orderId = "ord-flaky";
        for (int attempt = 0; attempt < 2; attempt++) {
            assertUnavailable(gateway.authorize(orderId, 1_000, "EUR", SimulatedPaymentGateway.FLAKY_TOKEN));
        }
        Outcome outcome = authorize(gateway, orderId, SimulatedPaymentGateway.FLAKY_TOKEN);
        assertEquals(Outcome.Result.AUTHORIZED, outcome.result());
        for (int attempt = 0; attempt < 2; attempt++) {
            assertUnavailable(gateway.voidAuthorization(orderId));
        }
        assertEquals(outcome.paymentId(), gateway.voidAuthorization(orderId).toCompletableFuture().join());
    }

    @Test
    void anUnavailableProviderFailsEveryAuthorization() {
        SimulatedPaymentGateway gateway = new SimulatedPaymentGateway(config(0.0));
        for (int attempt = 0; attempt < 5; attempt++) {
            assertUnavailable(gateway.authorize("ord-down", 1_000, "EUR", SimulatedPaymentGateway.UNAVAILABLE_TOKEN));
        }
    }

    @Test
    void aLostAnswerLeavesAnAuthorizationToVoid() throws Exception {
        SimulatedPaymentGateway gateway = new SimulatedPaymentGateway(config(0.0));
        assertUnavailable(gateway.authorize("ord-lost", 1_000, "EUR", SimulatedPaymentGateway.LOST_ANSWER_TOKEN));
        assertEquals(Set.of("ord-lost"), gateway.authorizedOrders());
        assertNotNull(gateway.voidAuthorization("ord-lost").toCompletableFuture().join());
        assertEquals(Set.of(), gateway.authorizedOrders());
    }

    static void assertUnavailable(CompletionStage<?> call) {
        assertUnavailable(call, Duration.ofSeconds(5));
    }

    /** The call fails with ProviderUnavailable within the given time. */
    static void assertUnavailable(CompletionStage<?> call, Duration within) {
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> call.toCompletableFuture().get(within.toMillis(), TimeUnit.MILLISECONDS));
        assertInstanceOf(ProviderUnavailable.class, failure.getCause());
    }
}
