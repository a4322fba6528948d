package dev.tandem.state.service;

import dev.tandem.events.MalformedEventException;

/**
 * The aggregate refused a touchpoint. The aggregate is pure and deterministic, so retrying cannot help: the
 * batch's transaction is rolled back, the touchpoint goes to the dead-letter topic and the rest is applied again.
 */
public class PoisonTouchpointException extends MalformedEventException {

    private final String tenantId;
    private final String eventId;

    public PoisonTouchpointException(String tenantId, String eventId, RuntimeException cause) {
        super("touchpoint " + eventId + " cannot be applied: " + cause);
        initCause(cause);
        this.tenantId = tenantId;
        this.eventId = eventId;
    }

    public String tenantId() {
        return tenantId;
    }

    public String eventId() {
        return eventId;
    }
}
