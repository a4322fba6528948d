package dev.tandem.designer.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code journeys}: a tenant's journey map, whose versions are {@link JourneyVersionEntity}. Never leaves the repository and service layers. */
@Entity
@Table(name = "journeys")
public class JourneyEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "journey_id")
    public String journeyId;

    public String name;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "archived_at")
    public Instant archivedAt;

    @Column(name = "archived_by")
    public String archivedBy;
}
