package dev.tandem.ingest.service;

import dev.tandem.ingest.repository.ErasureRecord;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An erasure as an admin sees it. Names the person only by their pseudonymous contact key. */
@Schema(name = "Erasure")
public record ErasureView(
        @Schema(description = "er_ followed by 32 hex digits") String id,
        @Schema(description = "The person's pseudonymous contact key (c_…): what stays in journey histories")
        String contactKey,
        @Schema(description = "requested: the key is deleted, the request not yet on the log; in-progress: on the "
                + "log, waiting for the services in awaiting; completed: every copy is deleted",
                enumeration = {"requested", "in-progress", "completed"}) String status,
        @Schema(description = "Who asked: the token's subject or the API key's id") String requestedBy,
        Instant requestedAt,
        @Schema(description = "Contact data keys deleted by this erasure (0 when none was left)") int keysDeleted,
        @Schema(description = "When the request reached the log") Instant publishedAt,
        @Schema(description = "Services that confirmed they deleted their copy") List<String> confirmedBy,
        @Schema(description = "Services whose confirmation is still awaited") List<String> awaiting,
        Instant completedAt) {

    static ErasureView of(ErasureRecord record, List<String> confirmingServices) {
        String status = record.completedAt() != null ? "completed"
                : record.publishedAt() != null ? "in-progress" : "requested";
        List<String> awaiting = record.completedAt() != null ? List.of()
                : confirmingServices.stream().filter(s -> !record.confirmedBy().contains(s)).sorted().toList();
        return new ErasureView(record.id(), record.contactKey(), status, record.requestedBy(), record.requestedAt(),
                record.keysDeleted(), record.publishedAt(), record.confirmedBy(), awaiting, record.completedAt());
    }
}
