package dev.tandem.support.tenant;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The tenant a request acts for: the {@code tenant} claim of its verified bearer token, and nothing else (never a
 * body, header or query parameter). A token without a usable tenant is refused ({@link NoTenantException}, 403).
 */
@RequestScoped
public class TenantContext {

    /** The claim that names the tenant. */
    public static final String CLAIM = "tenant";
    private static final Pattern TENANT_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$");

    private final JsonWebToken token;

    public TenantContext(JsonWebToken token) {
        this.token = token;
    }

    public String tenantId() {
        // custom claims come as JSON-P values; anything but a JSON string is no tenant
        Object claim = token.getClaim(CLAIM);
        String tenant = claim instanceof JsonString json ? json.getString() : claim instanceof String text ? text : null;
        if (tenant == null || !TENANT_ID.matcher(tenant).matches()) {
            throw new NoTenantException();
        }
        return tenant;
    }

    /** The credentials are valid but name no tenant this service can act for. */
    public static final class NoTenantException extends RuntimeException {
        public NoTenantException() {
            super("The credentials name no tenant (claim '" + CLAIM + "')");
        }
    }
}
