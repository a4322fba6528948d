package dev.tandem.ingest.service;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.tandem.events.FieldError;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a request: how many of its items were accepted (now on the log), duplicates (accepted recently
 * already, not published again) and rejected, the accepted event ids in request order, and each item's result in
 * request order.
 */
@Schema(description = "Each item's result; the accepted ones are on the touchpoint log", example = """
        {"accepted":1,"duplicates":1,"rejected":1,"eventIds":["evt-1001"],"items":[
          {"index":0,"eventId":"evt-1001","status":"accepted"},
          {"index":1,"eventId":"evt-0999","status":"duplicate"},
          {"index":2,"eventId":"evt-1002","status":"rejected","reason":"future-time",
           "errors":[{"field":"/2/occurredAt","message":"lies in the future"}]}]}""")
public record IngestOutcome(int accepted, int duplicates, int rejected, List<String> eventIds,
        List<ItemResult> items) {

    public IngestOutcome {
        eventIds = List.copyOf(eventIds);
        items = List.copyOf(items);
    }

    static IngestOutcome of(List<ItemResult> items) {
        int accepted = 0;
        int duplicates = 0;
        int rejected = 0;
        for (ItemResult item : items) {
            switch (item.status()) {
                case ACCEPTED -> accepted++;
                case DUPLICATE -> duplicates++;
                case REJECTED -> rejected++;
            }
        }
        List<String> eventIds = items.stream().filter(item -> item.status() == ItemResult.Status.ACCEPTED)
                .map(ItemResult::eventId).toList();
        return new IngestOutcome(accepted, duplicates, rejected, eventIds, items);
    }

    /** No item was accepted or a duplicate: the request as a whole is refused (400). */
    @JsonIgnore
    public boolean allRejected() {
        return rejected == items.size();
    }

    /** Every rejected item's errors, in request order. */
    @JsonIgnore
    public List<FieldError> errors() {
        return items.stream().flatMap(item -> item.errors().stream()).toList();
    }
}
