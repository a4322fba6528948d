package dev.tandem.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSigningKeyTest {

    @TempDir
    Path directory;

    @Test
    void aTokenCarriesTenantRolesIssuerAndExpiryAndVerifiesWithThePublicKeyFile() throws Exception {
        LocalSigningKey key = LocalSigningKey.in(directory);

        String token = key.token("acme", Set.of("seller", "analyst"), Duration.ofHours(1));

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(publicKey(key.publicKeyFile()));
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        JsonNode claims = EventJson.mapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(claims.get("tenant").asText()).isEqualTo("acme");
        assertThat(claims.get("iss").asText()).isEqualTo(LocalSigningKey.ISSUER);
        assertThat(claims.get("groups")).extracting(JsonNode::asText).containsExactlyInAnyOrder("seller", "analyst");
        assertThat(Instant.ofEpochSecond(claims.get("exp").asLong()))
                .isBetween(Instant.now().plus(Duration.ofMinutes(59)), Instant.now().plus(Duration.ofMinutes(61)));
        assertThat(claims.has("system")).as("no system named, so none claimed").isFalse();
    }

    @Test
    void aTokenNamesItsSendingSystemWhenAsked() throws Exception {
        LocalSigningKey key = LocalSigningKey.in(directory);

        String token = key.token("acme", "hubspot-eu", Set.of("ingest"), Duration.ofMinutes(5));

        JsonNode claims = EventJson.mapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(claims.get("system").asText()).isEqualTo("hubspot-eu");
        assertThatThrownBy(() -> key.token("acme", "HubSpot:EU", Set.of("ingest"), Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theKeyIsMadeOnceKeptPrivateAndReusedByTheNextRun() throws Exception {
        LocalSigningKey first = LocalSigningKey.in(directory);
        String publicPem = Files.readString(first.publicKeyFile());

        LocalSigningKey second = LocalSigningKey.in(directory);

        assertThat(Files.readString(second.publicKeyFile())).isEqualTo(publicPem);
        assertThat(Files.getPosixFilePermissions(directory.resolve(LocalSigningKey.PRIVATE_KEY_FILE)))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(second.quarkusConfig()).containsEntry("mp.jwt.verify.issuer", LocalSigningKey.ISSUER)
                .containsEntry("mp.jwt.verify.publickey.location", first.publicKeyFile().toUri().toString());
    }

    @Test
    void aTenantTheServicesWouldRefuseNoRoleOrNoTimeIsRefusedHere() {
        LocalSigningKey key = LocalSigningKey.in(directory);
        assertThatThrownBy(() -> key.token("a/b", Set.of("seller"), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> key.token("acme", Set.of(), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> key.token("acme", Set.of("seller"), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static PublicKey publicKey(Path pem) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
