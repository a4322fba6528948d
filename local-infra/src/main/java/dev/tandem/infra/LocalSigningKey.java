package dev.tandem.infra;

import dev.tandem.events.SourceSystems;
import dev.tandem.events.TenantIds;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The development signing key of a local run: an RSA key pair in a directory of the run's data, the private key
 * readable by its owner only. It signs bearer tokens for a tenant and roles; the services verify them with the
 * public key ({@link #quarkusConfig()}). In production the services verify an OIDC provider's tokens instead
 * (its JWKS URL and issuer by configuration): this key never leaves the machine it was made on.
 */
public final class LocalSigningKey {

    /** The issuer of local tokens; services accept only tokens of the issuer they are configured with. */
    public static final String ISSUER = "https://tandem.dev/local";
    /** The claim that carries the tenant; the services take the tenant from it and from nowhere else. */
    public static final String TENANT_CLAIM = "tenant";
    /** The claim that names the sending system; event ids are unique per tenant and system. */
    public static final String SYSTEM_CLAIM = "system";

    static final String PRIVATE_KEY_FILE = "signing-key.pem";
    static final String PUBLIC_KEY_FILE = "signing-key.pub.pem";

    private final PrivateKey privateKey;
    private final Path publicKeyFile;

    private LocalSigningKey(PrivateKey privateKey, Path publicKeyFile) {
        this.privateKey = privateKey;
        this.publicKeyFile = publicKeyFile;
    }

    /** The key pair of {@code directory}, made there on first use. */
    public static LocalSigningKey in(Path directory) {
        try {
            Files.createDirectories(directory);
            Path privateFile = directory.resolve(PRIVATE_KEY_FILE);
            Path publicFile = directory.resolve(PUBLIC_KEY_FILE);
            if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                writePem(publicFile, "PUBLIC KEY", pair.getPublic().getEncoded(), false);
                writePem(privateFile, "PRIVATE KEY", pair.getPrivate().getEncoded(), true);
            }
            return new LocalSigningKey(readPrivateKey(privateFile), publicFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make or read the signing key in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not make or read the signing key in " + directory, e);
        }
    }

    /**
     * A bearer token for {@code tenant} with {@code roles} (the {@code groups} claim), valid for {@code ttl}; it
     * names no sending system, so ingest takes its touchpoints as the tenant's {@code default} system's.
     *
     * @throws IllegalArgumentException for a tenant id the services would refuse, no role, or a ttl not positive
     */
    public String token(String tenant, Set<String> roles, Duration ttl) {
        return token(tenant, null, roles, ttl);
    }

    /**
     * A bearer token as {@link #token(String, Set, Duration)}, naming the sending system ({@code system} claim;
     * ingest keeps event ids apart per system) unless {@code system} is null.
     */
    public String token(String tenant, String system, Set<String> roles, Duration ttl) {
        if (system != null && !SourceSystems.isValid(system)) {
            throw new IllegalArgumentException("system must be 1-40 lowercase letters, digits or '-'");
        }
        if (!TenantIds.isValid(tenant)) {
            throw new IllegalArgumentException("tenant must be 1-128 letters, digits, '.', '_' or '-'");
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("at least one role");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        var claims = Jwt.issuer(ISSUER)
                .subject("local:" + tenant + ":" + String.join("+", roles.stream().sorted().toList()))
                .groups(roles)
                .claim(TENANT_CLAIM, tenant);
        if (system != null) {
            claims.claim(SYSTEM_CLAIM, system);
        }
        return claims.expiresIn(ttl).jws().keyId("local").sign(privateKey);
    }

    public Path publicKeyFile() {
        return publicKeyFile;
    }

    /** What a service needs to verify this key's tokens. */
    public Map<String, String> quarkusConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("mp.jwt.verify.publickey.location", publicKeyFile.toAbsolutePath().toUri().toString());
        config.put("mp.jwt.verify.issuer", ISSUER);
        return config;
    }

    private static void writePem(Path file, String type, byte[] der, boolean secret) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        String pem = "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        if (secret) {
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's own permissions are all there is
            }
        }
        Files.writeString(temporary, pem, StandardCharsets.US_ASCII);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static PrivateKey readPrivateKey(Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
