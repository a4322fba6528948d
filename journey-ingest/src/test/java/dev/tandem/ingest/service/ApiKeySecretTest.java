package dev.tandem.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeySecretTest {

    @Test
    void aGeneratedKeyParsesBackAndMatchesOnlyItsOwnHash() {
        ApiKeySecret key = ApiKeySecret.generate();
        ApiKeySecret other = ApiKeySecret.generate();

        assertThat(ApiKeySecret.parse(key.value())).contains(key);
        assertThat(key.matches(key.secretHash())).isTrue();
        assertThat(key.matches(other.secretHash())).isFalse();
        assertThat(key.secretHash()).hasSize(64).doesNotContain(key.secret());
    }

    @Test
    void keysAreDistinctAndTheirPrintedFormHidesTheSecret() {
        Set<String> values = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            ApiKeySecret key = ApiKeySecret.generate();
            values.add(key.value());
            assertThat(key.toString()).doesNotContain(key.secret());
        }
        assertThat(values).hasSize(1_000);
    }

    @Test
    void onlyTheExactShapeParses() {
        String secret = "A".repeat(43);
        assertThat(ApiKeySecret.parse("tdm_0123456789abcdef_" + secret)).isPresent();
        assertThat(ApiKeySecret.parse("tdm_0123456789ABCDEF_" + secret)).isEmpty();
        assertThat(ApiKeySecret.parse("tdm_0123456789abcdef_" + secret + "A")).isEmpty();
        assertThat(ApiKeySecret.parse("tdm_0123456789abcde_" + secret)).isEmpty();
        assertThat(ApiKeySecret.parse("eyJhbGciOiJSUzI1NiJ9.e30.sig")).isEmpty();
        assertThat(ApiKeySecret.parse(null)).isEmpty();
    }
}
