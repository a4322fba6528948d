package dev.tandem.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a member's role was inferred from the job title or assigned by a person; assigned wins. */
public enum RoleSource {
    @JsonProperty("inferred") INFERRED,
    @JsonProperty("assigned") ASSIGNED
}
