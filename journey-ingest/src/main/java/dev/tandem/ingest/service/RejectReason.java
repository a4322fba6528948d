package dev.tandem.ingest.service;

import dev.tandem.events.FieldError;
import java.util.List;

/**
 * Why an item was rejected, as a small fixed set: the answer's {@code reason} and the metrics' {@code reason} tag
 * (never free text, so the tag's values stay few and carry no input).
 */
public enum RejectReason {
    /** Over the size of one touchpoint. */
    TOO_LARGE("too-large"),
    /** Not a CloudEvent: a required attribute missing or malformed, data not a JSON object. */
    CLOUDEVENT("cloudevent"),
    /** Against the input schema: a missing field, a wrong type or format, an unknown member. */
    SCHEMA("schema"),
    /** {@code properties} too many, too deep or a value too long. */
    PROPERTY_LIMITS("property-limits"),
    /** No account key, and the contact's email domain names no account. */
    NO_ACCOUNT("no-account"),
    /** {@code occurredAt} ahead of the server's clock by more than the allowed skew. */
    FUTURE_TIME("future-time"),
    /** Not a Segment call Tandem takes: not an object, no messageId, an unknown call type, no user. */
    SEGMENT("segment"),
    /** A Segment event whose name maps to no valid touchpoint type. */
    UNMAPPED_EVENT("unmapped-event"),
    /** A raw Kafka record without a valid {@code tandem-tenant} (or {@code tandem-system}) header. */
    NO_TENANT("no-tenant"),
    /** A raw Kafka record whose value is not UTF-8 JSON of one touchpoint or CloudEvent. */
    MALFORMED("malformed");

    private final String tag;

    RejectReason(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    /** The reason of a wire name; an unknown one is a schema error. */
    public static RejectReason ofTag(String tag) {
        for (RejectReason reason : values()) {
            if (reason.tag.equals(tag)) {
                return reason;
            }
        }
        return SCHEMA;
    }

    /**
     * The reason of a touchpoint's validation errors (intake and property limits): the schema's before the rules a
     * schema cannot say, since those are checked only on a touchpoint the schema admits.
     */
    static RejectReason ofValidation(List<FieldError> intakeErrors, List<FieldError> propertyErrors) {
        boolean future = false;
        boolean noAccount = false;
        boolean schema = false;
        for (FieldError error : intakeErrors) {
            // TouchpointIntake's own rules, told by their messages (TouchpointLimitsTest and the ingest tests pin them)
            if (error.message().equals("lies in the future")) {
                future = true;
            } else if (error.message().contains("names no account")
                    || error.message().startsWith("is required unless the contact's email domain")) {
                noAccount = true;
            } else {
                schema = true;
            }
        }
        if (schema) {
            return SCHEMA;
        }
        if (!propertyErrors.isEmpty()) {
            return PROPERTY_LIMITS;
        }
        return noAccount ? NO_ACCOUNT : future ? FUTURE_TIME : SCHEMA;
    }
}
