package dev.tandem.support.tenant;

import dev.tandem.support.config.TandemConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The tenant a request acts for. Until credentials exist every request belongs to the configured development
 * tenant; the tenant never comes from a request body.
 */
@ApplicationScoped
public class TenantContext {

    private final TandemConfig config;

    public TenantContext(TandemConfig config) {
        this.config = config;
    }

    public String tenantId() {
        return config.tenant().developmentTenant();
    }
}
