package dev.showfloor.checkout.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.showfloor.checkout.domain.PaymentGateway.Outcome;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SimulatedPaymentGatewayTest {
    private static PaymentSimulatorConfig config(double declineRate) {
        return new PaymentSimulatorConfig() {
            @Override
            public Duration latency() {
                return Duration.ZERO;
            }

            @Override
            public double declineRate() {
                return declineRate;
            }

            @Override
            public long seed() {
                return 7;
            }
        };
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
}
