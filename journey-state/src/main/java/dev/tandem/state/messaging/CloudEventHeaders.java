package dev.tandem.state.messaging;

import dev.tandem.events.CloudEventTypes;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.model.AccountJourney;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** CloudEvents Kafka binding, binary mode: the attributes of an output record as {@code ce_*} headers. */
final class CloudEventHeaders {

    static final String SOURCE = "/tandem/journey-state";

    private CloudEventHeaders() {
    }

    static Headers journeyEvent(JourneyEventV1 event) {
        return headers(event.eventId(), CloudEventTypes.journeyEvent(event.type()), event.tenantId() + "/"
                + event.accountKey(), event.occurredAt().toString());
    }

    static Headers snapshot(AccountJourney journey) {
        String subject = journey.tenantId() + "/" + journey.accountKey();
        return headers(JourneyEventV1.eventIdOf(journey.tenantId(), journey.accountKey(), journey.version())
                + "/snapshot", CloudEventTypes.ACCOUNT_SNAPSHOT, subject,
                journey.asOf() == null ? null : journey.asOf().toString());
    }

    private static Headers headers(String id, String type, String subject, String time) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, "ce_specversion", "1.0");
        add(headers, "ce_id", id);
        add(headers, "ce_type", type);
        add(headers, "ce_source", SOURCE);
        add(headers, "ce_subject", subject);
        if (time != null) {
            add(headers, "ce_time", time);
        }
        add(headers, "content-type", "application/json");
        return headers;
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
