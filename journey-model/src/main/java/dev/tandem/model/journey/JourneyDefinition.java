package dev.tandem.model.journey;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.EngagementPolicy;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a tenant's journey map, as designers publish it: ordered stages with entry criteria, stall
 * thresholds and interaction points, plus the momentum knobs that belong to the journey.
 * Check it with {@link JourneyDefinitionValidator} before use; {@link StageEvaluator#compile} refuses an
 * invalid one.
 *
 * @param version increases with each published change; (tenantId, journeyId, version) identifies it
 * @param halfLife engagement half-life for accounts on this journey
 * @param requiredRoles the roles momentum breadth is measured against
 */
public record JourneyDefinition(
        String tenantId,
        String journeyId,
        int version,
        JourneyStatus status,
        String name,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration halfLife,
        List<CommitteeRole> requiredRoles,
        List<Stage> stages) {

    public JourneyDefinition {
        requiredRoles = Stage.copyOf(requiredRoles);
        stages = Stage.copyOf(stages);
    }

    /** This version in another state of its life (published, archived…), otherwise the same. */
    public JourneyDefinition withStatus(JourneyStatus newStatus) {
        return new JourneyDefinition(tenantId, journeyId, version, newStatus, name, halfLife, requiredRoles, stages);
    }

    public Optional<Stage> stage(String key) {
        return stages.stream().filter(Objects::nonNull).filter(s -> key.equals(s.key())).findFirst();
    }

    /** Position of a stage in the journey, or -1 when this version has no such stage. */
    public int indexOf(String stageKey) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i) != null && stageKey.equals(stages.get(i).key())) {
                return i;
            }
        }
        return -1;
    }

    public Stage firstStage() {
        return stages.get(0);
    }

    /** The engagement policy for accounts on this journey: {@code base} with this journey's half-life and roles. */
    public EngagementPolicy engagementPolicy(EngagementPolicy base) {
        EnumSet<CommitteeRole> roles = EnumSet.noneOf(CommitteeRole.class);
        requiredRoles.stream().filter(Objects::nonNull).forEach(roles::add);
        return new EngagementPolicy(halfLife, base.sourceFactors(), base.sellerInitiatedFactor(),
                base.engagedThreshold(), base.saturation(), base.soloCap(),
                roles.isEmpty() ? base.requiredRoles() : roles);
    }
}
