package dev.showfloor.checkout.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.showfloor.checkout.domain.PaymentGateway.Outcome;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP adapter against the simulator in another "process" (a server on a loopback port). */
class RemotePaymentSimulatorGatewayTest {
    private PaymentSimulatorServer server;
    private RemotePaymentSimulatorGateway gateway;

    @BeforeEach
    void start() throws Exception {
        server = PaymentSimulatorServer.start(Duration.ZERO, 0.0, 7);
        gateway = new RemotePaymentSimulatorGateway(server.url(), Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Outcome authorize(String orderId, String token) throws Exception {
        return gateway.authorize(orderId, 1_000, "EUR", token).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private String voidAuthorization(String orderId) throws Exception {
        return gateway.voidAuthorization(orderId).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void carriesTheProvidersAnswersAndKeepsItsLedger() throws Exception {
        Outcome authorized = authorize("ord-1", SimulatedPaymentGateway.APPROVE_TOKEN);
        assertEquals(Outcome.Result.AUTHORIZED, authorized.result());
        assertNotNull(authorized.paymentId());
        assertEquals(authorized, authorize("ord-1", SimulatedPaymentGateway.APPROVE_TOKEN), "asked again");
        assertEquals(Outcome.declined("INSUFFICIENT_FUNDS"),
                authorize("ord-2", SimulatedPaymentGateway.INSUFFICIENT_FUNDS_TOKEN));
        assertEquals(Outcome.noAnswer(), authorize("ord-3", SimulatedPaymentGateway.TIMEOUT_TOKEN));
        assertEquals(Set.of("ord-1"), server.authorizedOrders());
        HttpResponse<String> ledger = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                server.url().resolve("/authorizations")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("[\"ord-1\"]", ledger.body(), "the ledger over HTTP");

        assertEquals(authorized.paymentId(), voidAuthorization("ord-1"));
        assertNull(voidAuthorization("ord-1"), "nothing left to void");
        assertEquals(Set.of(), server.authorizedOrders());
    }

    @Test
    void aFailingOrUnreachableProviderIsUnavailable() {
        SimulatedPaymentGatewayTest.assertUnavailable(
                gateway.authorize("ord-4", 1_000, "EUR", SimulatedPaymentGateway.UNAVAILABLE_TOKEN));
        SimulatedPaymentGatewayTest.assertUnavailable(
                gateway.authorize("ord-5", 1_000, "EUR", SimulatedPaymentGateway.FLAKY_TOKEN));
        server.close();
        SimulatedPaymentGatewayTest.assertUnavailable(gateway.voidAuthorization("ord-1"));
    }
}
