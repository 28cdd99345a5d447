package dev.showfloor.sessions.config;

import dev.showfloor.sessions.domain.ShowDirectory;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Exposes the pure domain objects as beans, keeping CDI out of the domain package. */
public class DomainBeans {

    @Produces
    @Singleton
    ShowDirectory showDirectory() {
        return new ShowDirectory();
    }
}
