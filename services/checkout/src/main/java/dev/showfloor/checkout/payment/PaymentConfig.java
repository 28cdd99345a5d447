package dev.showfloor.checkout.payment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Which adapter of the payment port checkout uses, and how each behaves. */
@ConfigMapping(prefix = "showfloor.payment")
public interface PaymentConfig {
    /** The adapters that exist here; both are simulators, since no real provider can be reached. */
    enum Provider {
        /** {@link SimulatedPaymentGateway} in checkout's own process. */
        SIMULATOR,
        /** {@link RemotePaymentSimulatorGateway}: a simulator in another process, over HTTP. */
        REMOTE_SIMULATOR
    }

    @WithDefault("simulator")
    Provider provider();

    PaymentSimulatorConfig simulator();

    RemoteSimulator remoteSimulator();

    interface RemoteSimulator {
        /** Base URL of the simulator's HTTP API; required with {@code provider=remote-simulator}. */
        Optional<URI> url();

        /** How long one call may take before it counts as the provider being unavailable. */
        @WithDefault("3s")
        Duration requestTimeout();
    }
}
