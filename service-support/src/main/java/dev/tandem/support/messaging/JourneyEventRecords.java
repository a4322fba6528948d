package dev.tandem.support.messaging;

import dev.tandem.events.EventJson;
import dev.tandem.events.EventKeys;
import dev.tandem.events.JourneyEventV1;
import dev.tandem.events.MalformedEventException;

/**
 * Turns a raw journey-event record (of {@code tandem.journey-events.v1}, read by kpi-projector and
 * interaction-designer-api) into the contract, or throws {@link MalformedEventException}: such a record can
 * never be applied, so it is dead-lettered at once and never retried. The key must agree with the body, because
 * the key decides ordering and the body decides the tenant that is written.
 */
public final class JourneyEventRecords {

    private JourneyEventRecords() {
    }

    public static JourneyEventV1 read(String key, String value) {
        if (value == null) {
            throw new MalformedEventException("a journey event needs a value");
        }
        JourneyEventV1 event = EventJson.read(value, JourneyEventV1.class);
        requireText(event.tenantId(), "tenantId");
        requireText(event.accountKey(), "accountKey");
        if (!EventKeys.account(event.tenantId(), event.accountKey()).equals(key)) {
            throw new MalformedEventException("the record key does not match the tenant and account in its value");
        }
        if (event.accountVersion() < 1) {
            throw new MalformedEventException("accountVersion must be positive");
        }
        if (event.data() == null) {
            throw new MalformedEventException("data is missing");
        }
        requireApplicable(event.data());
        return event;
    }

    private static void requireApplicable(JourneyEventV1.Payload data) {
        if (data instanceof JourneyEventV1.TouchpointRecorded touchpoint) {
            requirePresent(touchpoint.source(), "data.source");
        } else if (data instanceof JourneyEventV1.CommitteeMemberAdded added) {
            requireText(added.contactKey(), "data.contactKey");
            requirePresent(added.role(), "data.role");
        } else if (data instanceof JourneyEventV1.CommitteeMemberLeft left) {
            requireText(left.contactKey(), "data.contactKey");
        } else if (data instanceof JourneyEventV1.RoleAssigned assigned) {
            requireText(assigned.contactKey(), "data.contactKey");
            requirePresent(assigned.role(), "data.role");
        } else if (data instanceof JourneyEventV1.StageEntered entered) {
            requireText(entered.stageKey(), "data.stageKey");
        } else if (data instanceof JourneyEventV1.StageExited exited) {
            requireText(exited.stageKey(), "data.stageKey");
            if (exited.dwellSeconds() < 0) {
                throw new MalformedEventException("data.dwellSeconds must not be negative");
            }
        } else if (data instanceof JourneyEventV1.DealClosed closed) {
            requirePresent(closed.outcome(), "data.outcome");
        } else if (data instanceof JourneyEventV1.MomentumShifted shifted
                && (shifted.momentum() < 0 || shifted.momentum() > 100)) {
            throw new MalformedEventException("data.momentum must be within 0..100");
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException(field + " is missing");
        }
    }

    private static void requirePresent(Object value, String field) {
        if (value == null) {
            throw new MalformedEventException(field + " is missing");
        }
    }
}
