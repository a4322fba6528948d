package dev.tandem.ingest.security;

import dev.tandem.ingest.service.ApiKeySecret;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * API keys on the ingest doors, in the two ways tools send them: {@code Authorization: Bearer tdm_…} and HTTP Basic
 * with the key as user name and no password (how Segment-style tools send a write key). A bearer credential that
 * is not an API key is left to the JWT mechanism; this one runs first so that a key is never parsed as a JWT.
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "bearer ";
    private static final String BASIC = "basic ";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String presented = presentedKey(context.request().getHeader("Authorization"));
        if (presented == null) {
            return Uni.createFrom().nullItem();
        }
        Optional<ApiKeySecret> key = ApiKeySecret.parse(presented);
        if (key.isEmpty()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("malformed API key"));
        }
        return identityProviderManager.authenticate(
                HttpSecurityUtils.setRoutingContextAttribute(new ApiKeyAuthenticationRequest(key.get()), context));
    }

    /** The API key of an Authorization header, or null when it carries none (then another mechanism judges). */
    static String presentedKey(String authorization) {
        if (authorization == null) {
            return null;
        }
        String lower = authorization.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith(BEARER)) {
            String token = authorization.substring(BEARER.length()).trim();
            return ApiKeySecret.looksLikeOne(token) ? token : null;
        }
        if (lower.startsWith(BASIC)) {
            String userAndPassword;
            try {
                userAndPassword = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            int colon = userAndPassword.indexOf(':');
            String user = colon < 0 ? userAndPassword : userAndPassword.substring(0, colon);
            return ApiKeySecret.looksLikeOne(user) ? user : null;
        }
        return null;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyAuthenticationRequest.class);
    }

    @Override
    public int getPriority() {
        // above the JWT mechanism's default, so a tdm_ bearer is judged here and never as a malformed JWT
        return DEFAULT_PRIORITY + 100;
    }
}
