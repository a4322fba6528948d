package dev.tandem.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.format.EmailFormat;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class RememberedEmailsTest {

    private static final List<String> SAMPLES = List.of("ada@example.com", "ada.lovelace+crm@mail.example.co.uk",
            "not-an-email", "two@@example.com", "trailing@example.", "@example.com", "ada@localhost",
            "ümlaut@example.de", "ada@example.invalidtld", " ada@example.com");

    @Test
    void answersAsTheSchemasEmailFormatTheFirstTimeAndEveryTimeAfter() {
        RememberedEmails remembered = new RememberedEmails();
        EmailFormat check = new EmailFormat();
        for (int round = 0; round < 3; round++) {
            for (String sample : SAMPLES) {
                assertThat(remembered.matches(null, sample)).as(sample).isEqualTo(check.matches(null, sample));
            }
        }
    }

    @Test
    void remembersOnlyValidAddresses() {
        RememberedEmails remembered = new RememberedEmails();
        remembered.matches(null, "not-an-email");
        remembered.matches(null, "two@@example.com");
        assertThat(remembered.remembered()).isZero();
        remembered.matches(null, "ada@example.com");
        assertThat(remembered.remembered()).isEqualTo(1);
    }

    @Test
    void holdsAtMostItsBound() {
        RememberedEmails remembered = new RememberedEmails();
        for (int i = 0; i < RememberedEmails.REMEMBERED + 10; i++) {
            assertThat(remembered.matches(null, "contact" + i + "@example.com")).isTrue();
        }
        assertThat(remembered.remembered()).isLessThanOrEqualTo(RememberedEmails.REMEMBERED);
    }

    @Property(tries = 300)
    void agreesWithTheSchemasEmailFormatOnAnyText(@ForAll @StringLength(max = 40) String local,
            @ForAll @StringLength(max = 20) String domain) {
        RememberedEmails remembered = new RememberedEmails();
        String text = local + "@" + domain;
        boolean expected = new EmailFormat().matches(null, text);
        assertThat(remembered.matches(null, text)).isEqualTo(expected);
        assertThat(remembered.matches(null, text)).isEqualTo(expected);
    }
}
