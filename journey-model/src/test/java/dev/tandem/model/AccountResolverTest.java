package dev.tandem.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountResolverTest {

    private final AccountResolver resolver = new AccountResolver(Map.of("Acme.com", "acme-robotics"));

    @Test
    void aMappedDomainAndItsSubdomainsNameTheMappedAccount() {
        assertThat(resolver.accountOf("dana@acme.com")).contains("acme-robotics");
        assertThat(resolver.accountOf("Sam@EU.Acme.com")).contains("acme-robotics");
    }

    @Test
    void anUnmappedCompanyDomainIsItsOwnAccount() {
        assertThat(resolver.accountOf("li@northwind-demo.com")).contains("northwind-demo.com");
    }

    @Test
    void aPersonalMailboxOrAnAddressWithoutDomainNamesNoAccount() {
        assertThat(resolver.accountOf("someone@gmail.com")).isEmpty();
        assertThat(resolver.accountOf("someone@")).isEmpty();
        assertThat(resolver.accountOf("nobody")).isEmpty();
    }
}
