package dev.tandem.events;

import java.util.regex.Pattern;

/**
 * Tenant ids as credentials carry them: 1 to 128 letters, digits, {@code .}, {@code _} or {@code -}, starting with a
 * letter or digit, so that one is always the first segment of a {@code tenant/…} key. The services refuse a credential
 * with any other; the local signing key refuses to issue one.
 */
public final class TenantIds {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private TenantIds() {
    }

    public static boolean isValid(String tenantId) {
        return tenantId != null && ID.matcher(tenantId).matches();
    }
}
