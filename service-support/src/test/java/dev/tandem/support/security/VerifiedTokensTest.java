package dev.tandem.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.infra.LocalSigningKey;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.util.KeyUtils;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A token is verified once and remembered while it is valid; nothing else ever comes from memory. */
class VerifiedTokensTest {

    @TempDir
    Path keys;

    private LocalSigningKey signing;
    private final AtomicInteger verifications = new AtomicInteger();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
    private VerifiedTokens tokens;

    @BeforeEach
    void verifierCountingItsWork() throws Exception {
        signing = LocalSigningKey.in(keys);
        JWTAuthContextInfo context = new JWTAuthContextInfo(
                KeyUtils.decodePublicKey(Files.readString(signing.publicKeyFile())), LocalSigningKey.ISSUER);
        JWTParser real = new DefaultJWTParser(context);
        JWTParser counting = (JWTParser) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {JWTParser.class}, (proxy, method, args) -> {
                    verifications.incrementAndGet();
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        tokens = new VerifiedTokens(counting, clock, 100);
    }

    @Test
    void theSameTokenIsVerifiedOnceWhileItIsValid() throws Exception {
        String token = signing.token("acme", Set.of(Roles.INGEST), Duration.ofMinutes(10));

        JsonWebToken first = tokens.parse(token);
        JsonWebToken again = tokens.parse(token);

        assertThat(again.getGroups()).containsExactly(Roles.INGEST);
        assertThat(again).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void pastItsExpiryATokenIsNoLongerTakenFromMemory() throws Exception {
        String token = signing.token("acme", Set.of(Roles.SELLER), Duration.ofMinutes(10));
        JsonWebToken first = tokens.parse(token);

        now.set(now.get().plus(Duration.ofMinutes(11)));
        // the signature check decides again (here with the real clock, so it still passes; at 11 minutes it would not)
        JsonWebToken later = tokens.parse(token);

        assertThat(later).isNotSameAs(first);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTamperedCopyOfARememberedTokenIsRefused() throws Exception {
        String token = signing.token("acme", Set.of(Roles.SELLER), Duration.ofMinutes(10));
        tokens.parse(token);
        String[] parts = token.split("\\.");
        String otherClaims = signing.token("acme", Set.of(Roles.ADMIN), Duration.ofMinutes(10)).split("\\.")[1];

        assertThatThrownBy(() -> tokens.parse(parts[0] + "." + otherClaims + "." + parts[2]))
                .isInstanceOf(ParseException.class);
        assertThat(verifications).hasValue(2);
    }
}
