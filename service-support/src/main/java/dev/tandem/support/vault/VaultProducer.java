package dev.tandem.support.vault;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.interceptor.Interceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/**
 * The contact key vault of a service that enables it ({@code tandem.vault.enabled}): connected, and its schema applied,
 * at start-up, so that neither a missing setting nor a migration waits for the first record or request.
 */
@ApplicationScoped
public class VaultProducer {

    @Produces
    @ApplicationScoped
    ContactKeyVault vault(VaultConfig config, Vertx vertx) {
        return ContactKeyVault.open(config, vertx);
    }

    void close(@Disposes ContactKeyVault vault) {
        vault.close();
    }

    /** First of the start-up observers: on the main thread, before anything could first touch it on an event loop. */
    void openAtStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start, VaultConfig config,
            Instance<ContactKeyVault> vault) {
        if (config.enabled()) {
            vault.get().wrapping();
        }
    }
}
