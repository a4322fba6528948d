package dev.tandem.pii;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A personal value as it travels and rests: {@code pii1.<keyId>.<base64url(nonce ‖ AES-GCM ciphertext ‖ tag)>}.
 * The key id says which contact data key opens it; the field is authenticated data, so a value opens only as the
 * field it was sealed for. Anything not in this form is a plaintext value written before sealing existed.
 */
public final class SealedPii {

    static final String PREFIX = "pii1.";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private SealedPii() {
    }

    /** {@code plaintext} sealed under {@code key} for {@code field}; null stays null. */
    public static String seal(ContactDataKey key, PiiField field, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, key.key(), nonce, aad(key.keyId(), field),
                plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] sealed = ByteBuffer.allocate(nonce.length + ciphertext.length).put(nonce).put(ciphertext).array();
        return PREFIX + key.keyId() + "." + ENCODER.encodeToString(sealed);
    }

    public static boolean isSealed(String value) {
        return keyIdOf(value).isPresent();
    }

    /** The id of the key that opens {@code value}, when it is sealed. */
    public static Optional<String> keyIdOf(String value) {
        if (value == null || !value.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int end = value.indexOf('.', PREFIX.length());
        if (end < 0) {
            return Optional.empty();
        }
        String keyId = value.substring(PREFIX.length(), end);
        return ContactDataKey.isKeyId(keyId) ? Optional.of(keyId) : Optional.empty();
    }

    /**
     * The plaintext of {@code sealed}.
     *
     * @throws UnreadablePiiException when it is not sealed under {@code key} for {@code field}, or was altered
     */
    public static String open(ContactDataKey key, PiiField field, String sealed) {
        String keyId = keyIdOf(sealed).orElseThrow(() -> new UnreadablePiiException("not a sealed value"));
        if (!keyId.equals(key.keyId())) {
            throw new UnreadablePiiException("sealed under key " + keyId + ", not " + key.keyId());
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(sealed.substring(PREFIX.length() + keyId.length() + 1));
        } catch (IllegalArgumentException e) {
            throw new UnreadablePiiException("sealed value is not base64url", e);
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new UnreadablePiiException("sealed value is too short");
        }
        byte[] nonce = java.util.Arrays.copyOf(bytes, NONCE_BYTES);
        byte[] ciphertext = java.util.Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length);
        return new String(crypt(Cipher.DECRYPT_MODE, key.key(), nonce, aad(keyId, field), ciphertext),
                StandardCharsets.UTF_8);
    }

    /** One cipher per thread, initialised anew for each value: looking the algorithm up costs more than using it. */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    });

    static byte[] crypt(int mode, byte[] key, byte[] nonce, byte[] aad, byte[] input) {
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(input);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new UnreadablePiiException("sealed value does not open: altered, or another field or key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static byte[] aad(String keyId, PiiField field) {
        return (keyId + "/" + field.wireName()).getBytes(StandardCharsets.UTF_8);
    }
}
