package dev.tandem.model;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds the account a contact belongs to from the domain of its email, for touchpoints sent without an
 * account key. A tenant's mapping names the account of a domain (and of its subdomains); an unmapped company
 * domain is its own account key; a personal mailbox (gmail.com…) identifies no account.
 */
public final class AccountResolver {

    /** Mailbox providers: an address there says nothing about the buyer's company. */
    public static final Set<String> PERSONAL_DOMAINS = Set.of("gmail.com", "googlemail.com", "yahoo.com",
            "yahoo.co.uk", "outlook.com", "hotmail.com", "live.com", "msn.com", "icloud.com", "me.com", "aol.com",
            "proton.me", "protonmail.com", "gmx.de", "gmx.net", "web.de", "mail.com", "yandex.ru", "qq.com",
            "163.com", "zoho.com");

    private final Map<String, String> accountByDomain;

    /** @param accountByDomain domain (lower case) → account key */
    public AccountResolver(Map<String, String> accountByDomain) {
        Map<String, String> normalised = new TreeMap<>();
        accountByDomain.forEach((domain, account) -> normalised.put(domain.toLowerCase(Locale.ROOT), account));
        this.accountByDomain = Map.copyOf(normalised);
    }

    public static AccountResolver unmapped() {
        return new AccountResolver(Map.of());
    }

    /** The account of this email's domain, or empty for a personal mailbox or an address without a domain. */
    public Optional<String> accountOf(String email) {
        int at = email == null ? -1 : email.lastIndexOf('@');
        if (at < 0 || at == email.length() - 1) {
            return Optional.empty();
        }
        String domain = email.substring(at + 1).trim().toLowerCase(Locale.ROOT);
        if (PERSONAL_DOMAINS.contains(domain)) {
            return Optional.empty();
        }
        // eu.acme.com is acme.com's unless mapped itself
        for (String candidate = domain; candidate.contains("."); candidate = candidate.substring(
                candidate.indexOf('.') + 1)) {
            String mapped = accountByDomain.get(candidate);
            if (mapped != null) {
                return Optional.of(mapped);
            }
        }
        return Optional.of(domain);
    }
}
