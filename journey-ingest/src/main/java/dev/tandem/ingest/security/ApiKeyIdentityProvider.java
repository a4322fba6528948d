package dev.tandem.ingest.security;

import dev.tandem.support.security.Roles;
import dev.tandem.support.tenant.TenantContext;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a valid API key into the identity of its sending system: role {@code ingest} only, the key's tenant and
 * system as the attributes {@link TenantContext} reads. An unknown, revoked or wrong key fails (401); which of
 * these it was is not told.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    private final ActiveApiKeys activeKeys;

    public ApiKeyIdentityProvider(ActiveApiKeys activeKeys) {
        this.activeKeys = activeKeys;
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return activeKeys.find(request.key().id()).map(found -> found
                .filter(key -> request.key().matches(key.secretSha256()))
                .map(key -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal("api-key:" + key.keyId()))
                        .addRole(Roles.INGEST)
                        .addAttribute(TenantContext.CLAIM, key.tenantId())
                        .addAttribute(TenantContext.SYSTEM_CLAIM, key.system())
                        .build())
                .orElseThrow(() -> new AuthenticationFailedException("unknown or revoked API key")));
    }
}
