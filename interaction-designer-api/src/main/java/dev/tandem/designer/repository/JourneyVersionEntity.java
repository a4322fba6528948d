package dev.tandem.designer.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code journey_versions}: one version of a journey map (draft, published or archived). Never leaves the repository and service layers. */
@Entity
@Table(name = "journey_versions")
public class JourneyVersionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "journey_id")
    public String journeyId;

    public int version;

    /** draft, published or archived ({@code JourneyStatus#wireName}). */
    public String status;

    /** The JourneyDefinition as JSON; its status field is rewritten with the column above. */
    public String definition;

    public int revision;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "published_by")
    public String publishedBy;
}
