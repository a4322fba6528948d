package dev.tandem.ingest.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ApiKeyAuthenticationMechanismTest {

    private static final String KEY = "tdm_0123456789abcdef_" + "A".repeat(43);

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aKeyComesAsBearerOrAsBasicUserName() {
        assertThat(ApiKeyAuthenticationMechanism.presentedKey("Bearer " + KEY)).isEqualTo(KEY);
        assertThat(ApiKeyAuthenticationMechanism.presentedKey("bearer  " + KEY)).isEqualTo(KEY);
        assertThat(ApiKeyAuthenticationMechanism.presentedKey(basic(KEY + ":"))).isEqualTo(KEY);
        assertThat(ApiKeyAuthenticationMechanism.presentedKey(basic(KEY))).isEqualTo(KEY);
    }

    @Test
    void anythingElseIsLeftToTheOtherMechanisms() {
        assertThat(ApiKeyAuthenticationMechanism.presentedKey(null)).isNull();
        assertThat(ApiKeyAuthenticationMechanism.presentedKey("Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig")).isNull();
        assertThat(ApiKeyAuthenticationMechanism.presentedKey(basic("someone:password"))).isNull();
        assertThat(ApiKeyAuthenticationMechanism.presentedKey("Basic !!not-base64!!")).isNull();
        assertThat(ApiKeyAuthenticationMechanism.presentedKey("Digest username=x")).isNull();
    }
}
