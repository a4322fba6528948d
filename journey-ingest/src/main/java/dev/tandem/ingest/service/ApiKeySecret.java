package dev.tandem.ingest.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An API key as its holder sees it once: {@code tdm_<id>_<secret>}, a 16-hex-digit public id (what lists, logs and
 * revocations name) and 256 random bits of secret. Only the SHA-256 of the secret is kept: the secret is random and
 * long, so a slow password hash would add cost to every request and no protection against guessing.
 */
public record ApiKeySecret(String id, String secret) {

    public static final String PREFIX = "tdm_";
    private static final Pattern FORMAT = Pattern.compile("tdm_([0-9a-f]{16})_([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();

    public static ApiKeySecret generate() {
        byte[] id = new byte[8];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        return new ApiKeySecret(HexFormat.of().formatHex(id), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** The key in {@code text}, if it has the shape of one (whether it exists is for the store to say). */
    public static Optional<ApiKeySecret> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var matcher = FORMAT.matcher(text.trim());
        return matcher.matches() ? Optional.of(new ApiKeySecret(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    /** Whether {@code text} claims to be an API key (its prefix), so no other mechanism should judge it. */
    public static boolean looksLikeOne(String text) {
        return text != null && text.trim().startsWith(PREFIX);
    }

    /** What the holder sends. */
    public String value() {
        return PREFIX + id + "_" + secret;
    }

    public String secretHash() {
        return hash(secret);
    }

    /** Whether this key's secret is the one {@code storedHash} was made from; constant time. */
    public boolean matches(String storedHash) {
        return MessageDigest.isEqual(secretHash().getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        // never the secret: records print themselves in logs and exceptions
        return "ApiKeySecret[id=" + id + "]";
    }
}
