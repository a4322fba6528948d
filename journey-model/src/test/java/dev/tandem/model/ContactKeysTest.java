package dev.tandem.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContactKeysTest {

    private static final String SECRET = "a-secret-of-32-characters-length";
    private final ContactKeys keys = new ContactKeys(SECRET);

    @Test
    void theKeyIsStableForOneSecretAndLooksPseudonymous() {
        String key = keys.keyOf("t1", "maria.chen@northwind.com");

        assertThat(new ContactKeys(SECRET).keyOf("t1", "maria.chen@northwind.com")).isEqualTo(key);
        assertThat(key).matches("c_[0-9a-f]{24}").doesNotContain("maria").doesNotContain("northwind");
    }

    @Test
    void threadsSharingOneInstanceGetTheKeysOneThreadGets() throws Exception {
        java.util.List<String> emails = java.util.stream.IntStream.range(0, 2_000)
                .mapToObj(i -> "person" + i + "@northwind.com").toList();
        java.util.List<String> expected = emails.stream().map(e -> new ContactKeys(SECRET).keyOf("t1", e)).toList();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<java.util.List<String>>> runs = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> emails.stream().map(e -> keys.keyOf("t1", e)).toList()));
            }
            for (var run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSamePersonHasADifferentKeyInAnotherTenant() {
        assertThat(keys.keyOf("t1", "maria.chen@northwind.com"))
                .isNotEqualTo(keys.keyOf("t2", "maria.chen@northwind.com"));
    }

    @Test
    void differentPeopleAndDifferentSecretsGiveDifferentKeys() {
        assertThat(keys.keyOf("t1", "maria.chen@northwind.com")).isNotEqualTo(keys.keyOf("t1", "li.wong@northwind.com"));
        assertThat(new ContactKeys("another-secret-of-enough-length").keyOf("t1", "maria.chen@northwind.com"))
                .isNotEqualTo(keys.keyOf("t1", "maria.chen@northwind.com"));
    }

    @Test
    void emailCaseAndSurroundingWhitespaceDoNotMatter() {
        String key = keys.keyOf("t1", "maria.chen@northwind.com");

        assertThat(keys.keyOf("t1", "Maria.Chen@Northwind.COM")).isEqualTo(key);
        assertThat(keys.keyOf("t1", "  maria.chen@northwind.com\t")).isEqualTo(key);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "short", "fifteen-chars!!"})
    void aSecretShorterThan16CharactersIsRefused(String secret) {
        assertThatThrownBy(() -> new ContactKeys(secret)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSecretOf16CharactersIsEnough() {
        assertThat(new ContactKeys("sixteen-chars!!!").keyOf("t1", "a@b.com")).startsWith("c_");
    }

    @org.junit.jupiter.api.Test
    void aKeyItMakesHasTheShapeItChecksAndNothingElseDoes() {
        org.assertj.core.api.Assertions.assertThat(ContactKeys.isContactKey(
                new ContactKeys("a-secret-of-some-length").keyOf("t1", "maria@northwind.com"))).isTrue();
        for (String other : new String[] {null, "", "maria", "c_0123", "c_0123456789ABCDEF01234567",
                "x_0123456789abcdef01234567", "c_0123456789abcdef012345678"}) {
            org.assertj.core.api.Assertions.assertThat(ContactKeys.isContactKey(other)).as(other).isFalse();
        }
    }
}
