package dev.tandem.ingest.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.tandem.events.FieldError;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What became of one item of a request.
 *
 * @param index   the item's position in the request (0 for a request of one)
 * @param eventId the item's event id, when it has one
 * @param status  accepted (on the log), duplicate (accepted recently already: not published again) or rejected
 * @param reason  why it was rejected, one of a small fixed set (the metrics' {@code reason})
 * @param errors  why it was rejected, each field named by JSON Pointer into the request body (or, for a binary-mode
 *                CloudEvent's attribute, by its header: {@code ce-id})
 */
@Schema(description = "What became of one item of the request")
public record ItemResult(
        int index,
        @JsonInclude(JsonInclude.Include.NON_NULL) String eventId,
        Status status,
        @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldError> errors) {

    public ItemResult {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    @Schema(enumeration = {"accepted", "duplicate", "rejected"})
    public enum Status {
        ACCEPTED,
        DUPLICATE,
        REJECTED;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static ItemResult accepted(int index, String eventId) {
        return new ItemResult(index, eventId, Status.ACCEPTED, null, List.of());
    }

    static ItemResult duplicate(int index, String eventId) {
        return new ItemResult(index, eventId, Status.DUPLICATE, null, List.of());
    }

    static ItemResult rejected(int index, String eventId, RejectReason reason, List<FieldError> errors) {
        return new ItemResult(index, eventId, Status.REJECTED, reason.tag(), errors);
    }
}
