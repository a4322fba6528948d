package dev.tandem.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.DealOutcome;
import dev.tandem.model.journey.CriterionResult;
import dev.tandem.model.journey.InteractionPoint;
import dev.tandem.model.journey.StallReason;
import dev.tandem.model.Direction;
import dev.tandem.model.RoleSource;
import dev.tandem.model.TouchpointSource;
import java.time.Instant;
import java.util.List;

/**
 * One fact about an account's journey, on {@link Topics#JOURNEY_EVENTS}. The envelope carries the account's
 * gapless {@code accountVersion} and the touchpoints that caused the fact; {@code type} names the payload.
 *
 * @param eventId {@code tenantId/accountKey/accountVersion}: unique and stable across relays
 * @param occurredAt event time of the touchpoint that caused it
 */
public record JourneyEventV1(
        String eventId,
        String tenantId,
        String accountKey,
        long accountVersion,
        Instant occurredAt,
        List<String> causedBy,
        @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXTERNAL_PROPERTY, property = "type",
                defaultImpl = Unrecognized.class)
        Payload data) {

    public JourneyEventV1 {
        causedBy = List.copyOf(causedBy);
    }

    /** The payload's type name as it stands on the wire. */
    public String type() {
        return data.typeName();
    }

    public static String eventIdOf(String tenantId, String accountKey, long accountVersion) {
        return tenantId + "/" + accountKey + "/" + accountVersion;
    }

    /** The kinds of journey event. New kinds are added, never renamed. */
    @JsonSubTypes({
        @JsonSubTypes.Type(value = TouchpointRecorded.class, name = TouchpointRecorded.TYPE),
        @JsonSubTypes.Type(value = CommitteeMemberAdded.class, name = CommitteeMemberAdded.TYPE),
        @JsonSubTypes.Type(value = CommitteeMemberLeft.class, name = CommitteeMemberLeft.TYPE),
        @JsonSubTypes.Type(value = RoleAssigned.class, name = RoleAssigned.TYPE),
        @JsonSubTypes.Type(value = MomentumShifted.class, name = MomentumShifted.TYPE),
        @JsonSubTypes.Type(value = StageEntered.class, name = StageEntered.TYPE),
        @JsonSubTypes.Type(value = StageExited.class, name = StageExited.TYPE),
        @JsonSubTypes.Type(value = StallDetected.class, name = StallDetected.TYPE),
        @JsonSubTypes.Type(value = StallCleared.class, name = StallCleared.TYPE),
        @JsonSubTypes.Type(value = DealClosed.class, name = DealClosed.TYPE)
    })
    public sealed interface Payload
            permits TouchpointRecorded, CommitteeMemberAdded, CommitteeMemberLeft, RoleAssigned, MomentumShifted, StageEntered, StageExited,
            StallDetected, StallCleared, DealClosed, Unrecognized {
        String typeName();
    }

    /**
     * A touchpoint was applied to the account, with what the KPIs attribute credit to.
     *
     * @param touchpointAt the touchpoint's own event time (the envelope's time is the fact's, which for a late
     *     touchpoint replayed into place is the latest of its batch); null on events written before it was carried
     * @param channel the touchpoint's {@code channel} property, else its type's first segment ({@code email})
     * @param campaign its {@code campaign} property, or null
     * @param content its {@code content} (or {@code asset}) property: the piece of content it used, or null
     * @param reasons on a {@code deal.*} touchpoint, the decision reasons it reports ({@code reason} or
     *     {@code reasons} property); empty otherwise
     * @param reportedBy who gave those reasons: {@code buyer} or {@code seller} (property {@code reportedBy},
     *     default seller); null when there are none
     */
    public record TouchpointRecorded(
            String touchpointId, String touchpointType, TouchpointSource source, Direction direction,
            String contactKey, double weight, Instant touchpointAt, String channel, String campaign, String content,
            List<String> reasons, String reportedBy) implements Payload {
        public static final String TYPE = "TouchpointRecorded";

        public TouchpointRecorded {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }

        /** A touchpoint fact without attribution details (as written before they were carried). */
        public TouchpointRecorded(String touchpointId, String touchpointType, TouchpointSource source,
                Direction direction, String contactKey, double weight) {
            this(touchpointId, touchpointType, source, direction, contactKey, weight, null, null, null, null,
                    List.of(), null);
        }

        /** The fact of applying {@code touchpoint}, which added {@code weight} to engagement. */
        public static TouchpointRecorded of(TouchpointV1 touchpoint, double weight) {
            TouchpointAttributes attributes = TouchpointAttributes.of(touchpoint);
            return new TouchpointRecorded(touchpoint.id(), touchpoint.type(), touchpoint.source(),
                    touchpoint.direction(), touchpoint.contactKey(), weight, touchpoint.occurredAt(),
                    attributes.channel(), attributes.campaign(), attributes.content(), attributes.reasons(),
                    attributes.reportedBy());
        }

        @Override
        public String typeName() {
            return TYPE;
        }
    }

    /** A contact joined the account's buying committee. */
    public record CommitteeMemberAdded(String contactKey, CommitteeRole role, RoleSource roleSource) implements Payload {
        public static final String TYPE = "CommitteeMemberAdded";

        @Override
        public String typeName() {
            return TYPE;
        }
    }

    /**
     * A member left the buying committee: their engagement decayed to nothing (months without a touchpoint).
     * A later touchpoint of theirs adds them again.
     *
     * @param role the role they had
     * @param lastEngagedAt the event time of their latest touchpoint
     */
    public record CommitteeMemberLeft(String contactKey, CommitteeRole role, Instant lastEngagedAt)
            implements Payload {
        public static final String TYPE = "CommitteeMemberLeft";

        @Override
        public String typeName() {
            return TYPE;
        }
    }

    /** A member's committee role changed, inferred from a new title or assigned by a seller or designer. */
    public record RoleAssigned(String contactKey, CommitteeRole previousRole, CommitteeRole role, RoleSource roleSource)
            implements Payload {
        public static final String TYPE = "RoleAssigned";

        @Override
        public String typeName() {
            return TYPE;
        }
    }

    /** The committee's momentum moved by at least one point. */
    public record MomentumShifted(int previousMomentum, int momentum) implements Payload {
        public static final String TYPE = "MomentumShifted";

        @Override
        public String typeName() {
            return TYPE;
        }
    }

    /** The committee met a stage's entry criteria (or fell back to it): {@code criteria} say why. */
    public record StageEntered(String stageKey, String stageName, String previousStageKey, String journeyId,
            int journeyVersion, List<CriterionResult> criteria, String explanation, Integer stageIndex,
            List<CommitteeRole> requiredRoles) implements Payload {
        public static final String TYPE = "StageEntered";

        /**
         * @param stageIndex the stage's position in its journey (0 first), so readers tell an advance from a
         *     fall-back; null on events written before it was carried
         * @param requiredRoles the personas the stage requires (empty when none or not carried)
         */
        public StageEntered {
            criteria = List.copyOf(criteria);
            requiredRoles = requiredRoles == null ? List.of() : List.copyOf(requiredRoles);
        }

        /** A stage entry without the stage's position and required roles (as written before they were carried). */
        public StageEntered(String stageKey, String stageName, String previousStageKey, String journeyId,
                int journeyVersion, List<CriterionResult> criteria, String explanation) {
            this(stageKey, stageName, previousStageKey, journeyId, journeyVersion, criteria, explanation, null,
                    List.of());
        }

        @Override
        public String typeName() {
            return TYPE;
        }
    }

    /** The committee left a stage after {@code dwellSeconds} (event time). */
    public record StageExited(String stageKey, String stageName, Instant enteredAt, long dwellSeconds,
            String nextStageKey) implements Payload {
        public static final String TYPE = "StageExited";

        @Override
        public String typeName() {
            return TYPE;
        }
    }

    /** The journey stalls in its stage: no meaningful touchpoint for too long, or required roles silent. */
    public record StallDetected(String stageKey, List<StallReason> reasons, List<CommitteeRole> silentRoles,
            List<InteractionPoint> unblockWith, Instant since, String explanation) implements Payload {
        public static final String TYPE = "StallDetected";

        public StallDetected {
            reasons = List.copyOf(reasons);
            silentRoles = List.copyOf(silentRoles);
            unblockWith = List.copyOf(unblockWith);
        }

        @Override
        public String typeName() {
            return TYPE;
        }
    }

    /** A stall ended: the committee moved again (or the stage changed). */
    public record StallCleared(String stageKey, Instant stalledSince, String explanation) implements Payload {
        public static final String TYPE = "StallCleared";

        @Override
        public String typeName() {
            return TYPE;
        }
    }

    /** The journey closed with an outcome, in a stage, at a momentum. */
    public record DealClosed(DealOutcome outcome, String stageKey, int momentum, String explanation)
            implements Payload {
        public static final String TYPE = "DealClosed";

        @Override
        public String typeName() {
            return TYPE;
        }
    }

    /**
     * A kind this reader does not know yet (written by a newer producer). Consumers skip its content but still
     * take its {@code accountVersion}, so adding a kind is a backward-compatible change.
     */
    public record Unrecognized() implements Payload {
        public static final String TYPE = "Unrecognized";

        @Override
        public String typeName() {
            return TYPE;
        }
    }
}
