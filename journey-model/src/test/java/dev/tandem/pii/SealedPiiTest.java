package dev.tandem.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class SealedPiiTest {

    private static final ContactDataKey KEY = ContactDataKey.generate();

    @Property(tries = 300)
    void whatIsSealedOpensAsItWas(@ForAll @StringLength(max = 200) String plaintext) {
        String sealed = SealedPii.seal(KEY, PiiField.NAME, plaintext);
        assertThat(SealedPii.keyIdOf(sealed)).contains(KEY.keyId());
        assertThat(SealedPii.open(KEY, PiiField.NAME, sealed)).isEqualTo(plaintext);
    }

    @Property(tries = 100)
    void aSealedValueCarriesNoneOfItsPlaintext(@ForAll @StringLength(min = 6, max = 200) String plaintext) {
        String sealed = SealedPii.seal(KEY, PiiField.EMAIL, plaintext);
        assertThat(sealed).doesNotContain(plaintext);
        // the same value sealed twice differs (a fresh nonce), so equal plaintexts cannot be spotted on the log
        assertThat(SealedPii.seal(KEY, PiiField.EMAIL, plaintext)).isNotEqualTo(sealed);
    }

    @Test
    void aValueOpensOnlyUnderItsOwnKeyAndAsItsOwnField() {
        String sealed = SealedPii.seal(KEY, PiiField.TITLE, "Chief Financial Officer");
        ContactDataKey other = ContactDataKey.generate();
        ContactDataKey sameIdOtherBytes = new ContactDataKey(KEY.keyId(), other.key());
        assertThatThrownBy(() -> SealedPii.open(other, PiiField.TITLE, sealed))
                .isInstanceOf(UnreadablePiiException.class);
        assertThatThrownBy(() -> SealedPii.open(sameIdOtherBytes, PiiField.TITLE, sealed))
                .isInstanceOf(UnreadablePiiException.class);
        assertThatThrownBy(() -> SealedPii.open(KEY, PiiField.NAME, sealed))
                .isInstanceOf(UnreadablePiiException.class);
    }

    @Test
    void anAlteredValueDoesNotOpen() {
        String sealed = SealedPii.seal(KEY, PiiField.NAME, "Maria Chen");
        int cut = sealed.lastIndexOf('.') + 1;
        byte[] body = Base64.getUrlDecoder().decode(sealed.substring(cut));
        body[body.length - 20] ^= 1;
        String altered = sealed.substring(0, cut) + Base64.getUrlEncoder().withoutPadding().encodeToString(body);
        assertThatThrownBy(() -> SealedPii.open(KEY, PiiField.NAME, altered))
                .isInstanceOf(UnreadablePiiException.class);
        assertThatThrownBy(() -> SealedPii.open(KEY, PiiField.NAME, sealed.substring(0, cut) + "AA"))
                .isInstanceOf(UnreadablePiiException.class);
    }

    @Test
    void plaintextIsNotMistakenForASealedValue() {
        assertThat(SealedPii.isSealed("Maria Chen")).isFalse();
        assertThat(SealedPii.isSealed("pii1.short.abc")).isFalse();
        assertThat(SealedPii.isSealed(null)).isFalse();
        assertThat(SealedPii.seal(KEY, PiiField.NAME, null)).isNull();
    }

    @Test
    void aWrappedKeyUnwrapsOnlyUnderItsKeyEncryptionKeyAndForItsId() {
        String kek = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef"
                .getBytes(StandardCharsets.US_ASCII));
        KeyWrapping wrapping = new KeyWrapping(kek);
        byte[] wrapped = wrapping.wrap(KEY);
        assertThat(wrapping.unwrap(KEY.keyId(), wrapped)).isEqualTo(KEY);
        assertThat(new String(wrapped, StandardCharsets.ISO_8859_1))
                .doesNotContain(new String(KEY.key(), StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> wrapping.unwrap(ContactDataKey.generate().keyId(), wrapped))
                .isInstanceOf(UnreadablePiiException.class);
        KeyWrapping other = new KeyWrapping(Base64.getEncoder().encodeToString(new byte[32]));
        assertThatThrownBy(() -> other.unwrap(KEY.keyId(), wrapped)).isInstanceOf(UnreadablePiiException.class);
    }

    @Test
    void aKeyEncryptionKeyOfTheWrongSizeStopsWithWhatItMustBe() {
        assertThatThrownBy(() -> new KeyWrapping(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new KeyWrapping("not base64 !")).hasMessageContaining("not base64");
    }

    @Test
    void aKeyDoesNotShowItsBytes() {
        assertThat(KEY.toString()).isEqualTo("ContactDataKey[" + KEY.keyId() + "]");
    }
}
