package dev.showfloor.servicekit.registry;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Start-up step of every service: make sure the registry knows the catalog's subjects and rules. */
@ApplicationScoped
public class RegisterSchemasOnStart {
    private static final Logger LOG = Logger.getLogger(RegisterSchemasOnStart.class);

    void onStart(@Observes StartupEvent started, CatalogSchemaRegistration registration) {
        registration.registerCatalog().exceptionally(failure -> {
            LOG.error("registering the catalog's schemas failed; fix the schema or the registry", failure);
            return 0;
        });
    }
}
