package dev.tandem.designer.service;

import dev.tandem.events.FieldError;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.journey.Stage;
import dev.tandem.support.rest.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Which of a tenant's accounts a seller lists, in which order and from where, read from the raw query parameters.
 * Each offending parameter is named in the refusal, by its query-parameter name.
 *
 * @param stageKey only accounts currently in this stage; null for any
 * @param stalled only stalled ({@code true}) or only unstalled ({@code false}) accounts; null for both
 * @param minMomentum only accounts with at least this momentum (0..100); null for no bound
 * @param maxMomentum only accounts with at most this momentum; null for no bound
 * @param missingRole only accounts where no engaged member plays this role; null for any
 * @param sort the order; the account key breaks ties
 * @param after where the previous page ended; null for the first page
 * @param limit at most this many accounts, 1..{@value #MAX_LIMIT}
 */
public record AccountListQuery(String stageKey, Boolean stalled, Integer minMomentum, Integer maxMomentum,
        CommitteeRole missingRole, Sort sort, Cursor after, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** The orders a seller can ask for; each continues by a cursor of its own. */
    public enum Sort {
        MOMENTUM_DESC("-momentum", "momentum", true),
        MOMENTUM_ASC("momentum", "momentum", false),
        LAST_TOUCHPOINT_DESC("-lastTouchpointAt", "lastTouchpointAt", true),
        LAST_TOUCHPOINT_ASC("lastTouchpointAt", "lastTouchpointAt", false),
        ACCOUNT_KEY("accountKey", "accountKey", false);

        private final String parameter;
        private final String field;
        private final boolean descending;

        Sort(String parameter, String field, boolean descending) {
            this.parameter = parameter;
            this.field = field;
            this.descending = descending;
        }

        public String parameter() {
            return parameter;
        }

        /** The stored field it orders by. */
        public String field() {
            return field;
        }

        public boolean descending() {
            return descending;
        }

        static Sort of(String parameter) {
            return Arrays.stream(values()).filter(s -> s.parameter.equals(parameter)).findFirst().orElse(null);
        }
    }

    /**
     * The last account of a page: its sort value (momentum, epoch milliseconds of the latest touchpoint, or null
     * when the order is by account key alone) and its key. Opaque to clients: base64url of {@code sort|value|key}.
     */
    public record Cursor(Sort sort, Long value, String accountKey) {

        public String encode() {
            String raw = sort.parameter() + "|" + (value == null ? "" : value) + "|" + accountKey;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String encoded, Sort expected) {
            String raw;
            try {
                raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            String[] parts = raw.split("\\|", 3);
            if (parts.length != 3 || Sort.of(parts[0]) != expected || parts[2].isEmpty()) {
                return null;
            }
            try {
                return new Cursor(expected, parts[1].isEmpty() ? null : Long.parseLong(parts[1]), parts[2]);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /** The first page: by momentum, highest first. */
    public AccountListQuery(String stageKey, Boolean stalled, int limit) {
        this(stageKey, stalled, null, null, null, Sort.MOMENTUM_DESC, null, limit);
    }

    public static AccountListQuery parse(String stage, String stalled, String limit) {
        return parse(stage, stalled, null, null, null, null, null, limit);
    }

    public static AccountListQuery parse(String stage, String stalled, String minMomentum, String maxMomentum,
            String missingRole, String sort, String cursor, String limit) {
        List<FieldError> errors = new ArrayList<>();
        if (stage != null && !Stage.KEY.matcher(stage).matches()) {
            errors.add(new FieldError("stage", "must be a stage key matching " + Stage.KEY.pattern()));
        }
        Boolean stalledOnly = null;
        if (stalled != null) {
            if ("true".equals(stalled)) {
                stalledOnly = true;
            } else if ("false".equals(stalled)) {
                stalledOnly = false;
            } else {
                errors.add(new FieldError("stalled", "must be true or false"));
            }
        }
        Integer min = minMomentum == null ? null : QueryParameters.whole(minMomentum, "minMomentum", 0, 100, errors);
        Integer max = maxMomentum == null ? null : QueryParameters.whole(maxMomentum, "maxMomentum", 0, 100, errors);
        if (min != null && max != null && min > max) {
            errors.add(new FieldError("maxMomentum", "must not be below minMomentum"));
        }
        CommitteeRole role = null;
        if (missingRole != null) {
            role = CommitteeRole.fromWireName(missingRole).orElse(null);
            if (role == null) {
                errors.add(new FieldError("missingRole", "must be a committee role, one of " + Arrays.stream(
                        CommitteeRole.values()).map(CommitteeRole::wireName).toList()));
            }
        }
        Sort order = sort == null ? Sort.MOMENTUM_DESC : Sort.of(sort);
        if (order == null) {
            errors.add(new FieldError("sort", "must be one of " + Arrays.stream(Sort.values())
                    .map(Sort::parameter).toList()));
            order = Sort.MOMENTUM_DESC;
        }
        Cursor after = null;
        if (cursor != null) {
            after = Cursor.decode(cursor, order);
            if (after == null) {
                errors.add(new FieldError("cursor", "is not a cursor of this order; use the nextCursor of a page "
                        + "listed with the same sort"));
            }
        }
        int pageSize = limit == null ? DEFAULT_LIMIT : QueryParameters.whole(limit, "limit", 1, MAX_LIMIT, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The account list query is not valid", errors);
        }
        return new AccountListQuery(stage, stalledOnly, min, max, role, order, after, pageSize);
    }
}
