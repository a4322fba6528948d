package dev.tandem.support.tenant;

import dev.tandem.events.SourceSystems;
import dev.tandem.events.TenantIds;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The tenant a request acts for, and the system it sends as: taken from its verified credentials and nothing else
 * (never a body, header or query parameter). A bearer token names them in its {@code tenant} and {@code system}
 * claims; a credential of another kind (an API key) carries them as identity attributes of the same names. A
 * credential without a usable tenant is refused ({@link NoTenantException}, 403).
 */
@RequestScoped
public class TenantContext {

    /** The claim (or identity attribute) that names the tenant. */
    public static final String CLAIM = "tenant";
    /** The claim (or identity attribute) that names the sending system. */
    public static final String SYSTEM_CLAIM = "system";
    /** The system of a token that names none: one per tenant, so its event ids must be unique in the tenant. */
    public static final String DEFAULT_SYSTEM = "default";

    private final SecurityIdentity identity;

    public TenantContext(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String tenantId() {
        String tenant = claim(CLAIM);
        if (!TenantIds.isValid(tenant)) {
            throw new NoTenantException("The credentials name no tenant (claim '" + CLAIM + "')");
        }
        return tenant;
    }

    /** The sending system; {@value #DEFAULT_SYSTEM} when the credentials name none. */
    public String sourceSystem() {
        String system = claim(SYSTEM_CLAIM);
        if (system == null) {
            return DEFAULT_SYSTEM;
        }
        if (!SourceSystems.isValid(system)) {
            throw new NoTenantException("The credentials name no valid sending system (claim '" + SYSTEM_CLAIM
                    + "': 1 to 40 lowercase letters, digits or dashes)");
        }
        return system;
    }

    private String claim(String name) {
        Object value = identity.getAttribute(name);
        if (value == null && identity.getPrincipal() instanceof JsonWebToken token) {
            value = token.getClaim(name);
        }
        // custom claims come as JSON-P values; anything but a JSON string is no value
        return value instanceof JsonString json ? json.getString() : value instanceof String text ? text : null;
    }

    /** The credentials are valid but name no tenant (or system) this service can act for. */
    public static final class NoTenantException extends RuntimeException {
        public NoTenantException(String message) {
            super(message);
        }
    }
}
