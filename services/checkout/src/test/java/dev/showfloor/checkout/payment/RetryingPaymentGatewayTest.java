package dev.showfloor.checkout.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.showfloor.checkout.domain.PaymentGateway;
import dev.showfloor.checkout.domain.PaymentGateway.Outcome;
import dev.showfloor.testsupport.ShowfloorInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The payment port as checkout injects it: the simulator behind SmallRye Fault Tolerance's timeouts and retries.
 * The simulator's test tokens make the provider fail (twice, or always) so that the retries can be seen.
 */
@QuarkusTest
@WithTestResource(value = ShowfloorInfraResource.class, scope = TestResourceScope.GLOBAL)
class RetryingPaymentGatewayTest {
    private static final long DEADLINE_SECONDS = 30;

    @Inject
    PaymentGateway gateway;

    @Test
    void aProviderThatFailsTwiceIsAskedAgainUntilItAuthorizesAndVoids() throws Exception {
        Outcome outcome = gateway.authorize("ord-retried", 2_500, "EUR", SimulatedPaymentGateway.FLAKY_TOKEN)
                .toCompletableFuture().get(DEADLINE_SECONDS, TimeUnit.SECONDS);
        assertEquals(Outcome.Result.AUTHORIZED, outcome.result());
        assertEquals(outcome.paymentId(), gateway.voidAuthorization("ord-retried").toCompletableFuture()
                .get(DEADLINE_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void aProviderThatStaysDownIsGivenUpOnBeforeThePaymentTimeout() {
        SimulatedPaymentGatewayTest.assertUnavailable(gateway.authorize("ord-provider-down", 2_500, "EUR",
                SimulatedPaymentGateway.UNAVAILABLE_TOKEN), Duration.ofSeconds(DEADLINE_SECONDS));
    }

    @Test
    void aDeclineIsAnAnswerNotAFailure() throws Exception {
        assertEquals(Outcome.declined("CARD_DECLINED"), gateway
                .authorize("ord-declined", 2_500, "EUR", SimulatedPaymentGateway.DECLINE_TOKEN)
                .toCompletableFuture().get(DEADLINE_SECONDS, TimeUnit.SECONDS));
    }
}
