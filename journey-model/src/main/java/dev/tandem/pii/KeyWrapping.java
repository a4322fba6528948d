package dev.tandem.pii;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Contact data keys at rest: wrapped (AES-GCM) under a key-encryption key that lives only in the services'
 * secrets, so a copy of the key vault's table alone opens nothing. The key id is authenticated data: a wrapped key
 * cannot be moved to another id.
 */
public final class KeyWrapping {

    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] keyEncryptionKey;

    /** {@code keyEncryptionKey}: 32 bytes as base64 (standard or url-safe). */
    public KeyWrapping(String keyEncryptionKey) {
        byte[] decoded;
        try {
            decoded = Base64.getUrlDecoder().decode(keyEncryptionKey.strip().replace('+', '-').replace('/', '_')
                    .replace("=", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key-encryption key is not base64", e);
        }
        if (decoded.length != ContactDataKey.KEY_BYTES) {
            throw new IllegalArgumentException("the key-encryption key must be " + ContactDataKey.KEY_BYTES
                    + " bytes (base64 of 32 random bytes, e.g. `openssl rand -base64 32`); it is " + decoded.length);
        }
        this.keyEncryptionKey = decoded;
    }

    public byte[] wrap(ContactDataKey key) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] ciphertext = SealedPii.crypt(javax.crypto.Cipher.ENCRYPT_MODE, keyEncryptionKey, nonce,
                aad(key.keyId()), key.key());
        return ByteBuffer.allocate(nonce.length + ciphertext.length).put(nonce).put(ciphertext).array();
    }

    /** @throws UnreadablePiiException when {@code wrapped} was not wrapped for {@code keyId} under this key */
    public ContactDataKey unwrap(String keyId, byte[] wrapped) {
        if (wrapped.length <= NONCE_BYTES) {
            throw new UnreadablePiiException("wrapped key is too short");
        }
        byte[] key = SealedPii.crypt(javax.crypto.Cipher.DECRYPT_MODE, keyEncryptionKey,
                Arrays.copyOf(wrapped, NONCE_BYTES), aad(keyId), Arrays.copyOfRange(wrapped, NONCE_BYTES,
                        wrapped.length));
        return new ContactDataKey(keyId, key);
    }

    private static byte[] aad(String keyId) {
        return ("tandem-contact-key/" + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
