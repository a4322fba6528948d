package dev.tandem.ingest.service;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a Segment call: Segment's own {@code success}, which its libraries read, and Tandem's result per
 * message as on {@code /v1/touchpoints} (a message's {@code eventId} is its {@code messageId}; for identify and group,
 * accepted means recorded, and their profile published).
 */
@Schema(description = "Segment's success flag plus each message's result", example = """
        {"success":true,"accepted":2,"duplicates":0,"rejected":1,"eventIds":["m-1","m-2"],"items":[
          {"index":0,"eventId":"m-1","status":"accepted"},
          {"index":1,"eventId":"m-2","status":"accepted"},
          {"index":2,"eventId":"m-3","status":"rejected","reason":"unmapped-event",
           "errors":[{"field":"/batch/2/event","message":"maps to no touchpoint type (dotted lower-case names): …"}]}]}""")
public record SegmentOutcome(boolean success, int accepted, int duplicates, int rejected, List<String> eventIds,
        List<ItemResult> items) {

    static SegmentOutcome of(IngestOutcome outcome) {
        return new SegmentOutcome(true, outcome.accepted(), outcome.duplicates(), outcome.rejected(),
                outcome.eventIds(), outcome.items());
    }
}
