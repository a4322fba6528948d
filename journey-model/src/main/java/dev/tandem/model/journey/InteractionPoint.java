package dev.tandem.model.journey;

import dev.tandem.model.CommitteeRole;

/**
 * What moves one persona forward in a stage: the touchpoint to aim for, the team that owns it, and the
 * information that unblocks that persona.
 *
 * @param touchpointType a dotted touchpoint type, e.g. {@code meeting.held}
 * @param unblocks a short description of what the persona needs to move on, e.g. "business case review"
 */
public record InteractionPoint(CommitteeRole role, String touchpointType, InteractionOwner owner, String unblocks) {

    /** Plain words for a seller, e.g. {@code meeting.held (sales) — business case review}. */
    public String describe() {
        return touchpointType + " (" + (owner == null ? "?" : owner.wireName()) + ") — " + unblocks;
    }
}
