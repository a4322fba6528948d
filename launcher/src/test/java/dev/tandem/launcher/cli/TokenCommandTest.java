package dev.tandem.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.events.EventJson;
import dev.tandem.infra.LocalSigningKey;
import dev.tandem.launcher.platform.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCommandTest {

    @TempDir
    Path data;

    private final TandemRun tandem = new TandemRun();

    private int run(String... args) {
        return tandem.run(args);
    }

    @Test
    void printsATokenOfTheTenantAndRolesSignedWithTheRunsKey() throws Exception {
        assertThat(run("token", "--tenant", "acme", "--roles", "seller,analyst", "--ttl", "30m",
                "--data-dir", data.toString())).isZero();

        String token = tandem.out().trim();
        JsonNode claims = EventJson.mapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(claims.get("tenant").asText()).isEqualTo("acme");
        assertThat(claims.get("groups")).extracting(JsonNode::asText).containsExactlyInAnyOrder("seller", "analyst");
        assertThat(Instant.ofEpochSecond(claims.get("exp").asLong()))
                .isBefore(Instant.now().plus(Duration.ofMinutes(31)));
        // the key ./tandem up of that data directory hands to the services
        assertThat(Files.exists(Platform.signingKeyDirectory(data).resolve("signing-key.pub.pem"))).isTrue();
        assertThat(LocalSigningKey.in(Platform.signingKeyDirectory(data)).publicKeyFile())
                .hasSameTextualContentAs(Platform.signingKeyDirectory(data).resolve("signing-key.pub.pem"));
    }

    @Test
    void anUnknownRoleOrABadDurationIsRefused() {
        assertThat(run("token", "--tenant", "acme", "--roles", "king", "--data-dir", data.toString())).isEqualTo(2);
        assertThat(tandem.err()).contains("unknown role", "king");
        assertThat(run("token", "--tenant", "acme", "--roles", "seller", "--ttl", "soon",
                "--data-dir", data.toString())).isEqualTo(2);
        assertThat(tandem.err()).contains("--ttl");
        assertThat(tandem.out()).isEmpty();
    }

    @Test
    void durationsReadAsAUserWritesThem() {
        assertThat(TokenCommand.parse("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(TokenCommand.parse("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(TokenCommand.parse("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(TokenCommand.parse("PT1H")).isEqualTo(Duration.ofHours(1));
    }
}
