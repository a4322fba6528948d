package dev.tandem.events;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Format;
import com.networknt.schema.format.EmailFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schema {@code email} format, remembering the addresses it found valid: the check (RFC 5321 local part,
 * domain labels, the list of top-level domains) was the largest single item of ingest's per-touchpoint work, and a
 * contact's address comes again with each of their touchpoints. Only valid addresses are remembered, at most
 * {@value #REMEMBERED} at a time (all forgotten when full), so what a caller sends cannot grow it without bound and an
 * invalid address is always checked again.
 */
final class RememberedEmails implements Format {

    static final int REMEMBERED = 10_000;

    private final EmailFormat check = new EmailFormat();
    private final Map<String, Boolean> valid = new ConcurrentHashMap<>();

    @Override
    public String getName() {
        return check.getName();
    }

    @Override
    public String getMessageKey() {
        return check.getMessageKey();
    }

    @Override
    public boolean matches(ExecutionContext executionContext, String value) {
        if (valid.containsKey(value)) {
            return true;
        }
        boolean matches = check.matches(executionContext, value);
        if (matches) {
            if (valid.size() >= REMEMBERED) {
                valid.clear();
            }
            valid.put(value, Boolean.TRUE);
        }
        return matches;
    }

    int remembered() {
        return valid.size();
    }
}
