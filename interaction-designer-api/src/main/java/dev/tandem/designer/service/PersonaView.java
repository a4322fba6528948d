package dev.tandem.designer.service;

import dev.tandem.model.persona.Persona;
import java.time.Instant;

/** A stored persona with who last changed it, when, and its revision (the ETag). */
public record PersonaView(Persona persona, int revision, Instant updatedAt, String updatedBy) {

    public String etag() {
        return EntityTags.ofPersona(revision);
    }
}
