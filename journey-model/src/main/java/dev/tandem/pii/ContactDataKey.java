package dev.tandem.pii;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * One contact's data key: AES-256, named by a random id that travels with every value sealed under it. Deleting
 * the key (erasure) makes those values unreadable wherever copies of them are: crypto-shredding.
 *
 * @param keyId 22 url-safe base64 characters (128 random bits), never reused
 * @param key   the 32 key bytes; not shown by {@link #toString()}
 */
public record ContactDataKey(String keyId, byte[] key) {

    public static final int KEY_BYTES = 32;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public ContactDataKey {
        if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("a key id is 22 url-safe base64 characters");
        }
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a contact data key is " + KEY_BYTES + " bytes");
        }
        key = key.clone();
    }

    public static ContactDataKey generate() {
        byte[] id = new byte[16];
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(key);
        return new ContactDataKey(Base64.getUrlEncoder().withoutPadding().encodeToString(id), key);
    }

    public static boolean isKeyId(String candidate) {
        return candidate != null && KEY_ID.matcher(candidate).matches();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ContactDataKey that && keyId.equals(that.keyId) && Arrays.equals(key, that.key);
    }

    @Override
    public int hashCode() {
        return keyId.hashCode();
    }

    @Override
    public String toString() {
        return "ContactDataKey[" + keyId + "]";
    }
}
