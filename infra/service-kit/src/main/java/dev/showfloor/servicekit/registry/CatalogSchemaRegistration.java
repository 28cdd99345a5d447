package dev.showfloor.servicekit.registry;

import dev.showfloor.schemas.registry.SchemaRegistrar;
import dev.showfloor.servicekit.health.SchemaRegistryConfig;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;

/**
 * Registers every catalog subject, with its BACKWARD_TRANSITIVE rule, in the background until the registry
 * answers. A refused (incompatible) schema is not retried: it needs a schema fix, and the log says which.
 */
@ApplicationScoped
public class CatalogSchemaRegistration {
    private static final Logger LOG = Logger.getLogger(CatalogSchemaRegistration.class);
    private final SchemaRegistryConfig config;

    public CatalogSchemaRegistration(SchemaRegistryConfig config) {
        this.config = config;
    }

    @Asynchronous
    @Retry(maxRetries = -1, delay = 500, maxDuration = 1, durationUnit = ChronoUnit.DAYS,
            abortOn = SchemaRegistrar.IncompatibleSchemaException.class)
    @ExponentialBackoff(maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public CompletionStage<Integer> registerCatalog() {
        int subjects = new SchemaRegistrar(config.url()).registerAll();
        LOG.infof("schema registry %s: %d catalog subjects registered with BACKWARD_TRANSITIVE rules", config.url(),
                subjects);
        return CompletableFuture.completedFuture(subjects);
    }
}
