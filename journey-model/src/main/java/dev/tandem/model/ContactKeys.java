package dev.tandem.model;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonymous contact keys: a keyed hash (HMAC-SHA256) of tenant and normalised email. Stable for one secret,
 * not reversible without it, and different across tenants for the same person.
 */
public final class ContactKeys {

    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;
    /** One initialised Mac per thread: looking one up and keying it was a few percent of ingest's CPU. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public ContactKeys(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the pseudonymisation secret needs at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** Whether {@code candidate} has the shape {@link #keyOf} gives: {@code c_} and 24 hex digits. */
    public static boolean isContactKey(String candidate) {
        return candidate != null && candidate.length() == 26 && candidate.startsWith("c_")
                && candidate.substring(2).chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    public String keyOf(String tenantId, String email) {
        byte[] digest = hash(tenantId + "\n" + email.trim().toLowerCase(Locale.ROOT));
        return "c_" + HexFormat.of().formatHex(digest, 0, 12);
    }

    /**
     * A sending system's user id ({@code userId} or {@code anonymousId} of Segment calls, prefixed by the caller) as
     * the same keyed hash, whole and in hex: what ingest stores instead of the id.
     */
    public String userKeyOf(String tenantId, String system, String user) {
        return HexFormat.of().formatHex(hash(tenantId + "\n" + system + "\n" + user));
    }

    private byte[] hash(String text) {
        // doFinal leaves the Mac reset, keyed, ready for the next call on this thread
        return macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
