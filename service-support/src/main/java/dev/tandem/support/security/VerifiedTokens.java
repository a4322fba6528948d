package dev.tandem.support.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The services' bearer-token parser: a token's signature is verified once, and the verified token is remembered
 * until it expires, so a client that sends the same token with every request (ingest tools, the sellers' views)
 * costs one signature check, not one per request. RSA verification was the largest single cost of a small
 * request. Only the very same token string is taken from memory (its signature included), and only while its
 * {@code exp} is in the future; anything else is verified as before. Thread-safe.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    /** Distinct tokens remembered at most: clients, not requests. */
    static final int MAX_TOKENS = 10_000;

    private final JWTParser verifier;
    private final Clock clock;
    private final Cache<String, JsonWebToken> verified;

    @Inject
    public VerifiedTokens(JWTAuthContextInfo contextInfo) {
        this(new DefaultJWTParser(contextInfo), Clock.systemUTC(), MAX_TOKENS);
    }

    VerifiedTokens(JWTParser verifier, Clock clock, int maxTokens) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxTokens)
                .expireAfter(Expiry.creating((String token, JsonWebToken jwt) ->
                        Duration.ofSeconds(Math.max(0, secondsLeft(jwt)))))
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null && secondsLeft(known) > 0) {
            return known;
        }
        JsonWebToken fresh = verifier.parse(token);
        if (secondsLeft(fresh) > 0) {
            verified.put(token, fresh);
        }
        return fresh;
    }

    private long secondsLeft(JsonWebToken jwt) {
        return jwt.getExpirationTime() - clock.millis() / 1000;
    }

    // the other ways in verify with keys or contexts of the caller's choosing: nothing to remember there

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
