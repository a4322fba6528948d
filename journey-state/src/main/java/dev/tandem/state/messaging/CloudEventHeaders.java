package dev.tandem.state.messaging;

import dev.tandem.events.CloudEventTypes;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.model.AccountJourney;
import dev.tandem.support.messaging.CloudEventRecords;
import org.apache.kafka.common.header.Headers;

/** The CloudEvent attributes ({@code ce_*} headers, binary mode) of journey-state's output records. */
final class CloudEventHeaders {

    static final String SOURCE = "/tandem/journey-state";

    private CloudEventHeaders() {
    }

    static Headers journeyEvent(JourneyEventV1 event) {
        return CloudEventRecords.headers(event.eventId(), CloudEventTypes.journeyEvent(event.type()), SOURCE,
                event.tenantId() + "/" + event.accountKey(), event.occurredAt());
    }

    static Headers snapshot(AccountJourney journey) {
        return CloudEventRecords.headers(JourneyEventV1.eventIdOf(journey.tenantId(), journey.accountKey(),
                journey.version()) + "/snapshot", CloudEventTypes.ACCOUNT_SNAPSHOT, SOURCE,
                journey.tenantId() + "/" + journey.accountKey(), journey.asOf());
    }
}
