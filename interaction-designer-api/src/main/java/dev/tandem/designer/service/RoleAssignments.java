package dev.tandem.designer.service;

import dev.tandem.designer.messaging.RoleAssignmentPublisher;
import dev.tandem.designer.repository.ReadModelStore;
import dev.tandem.events.FieldError;
import dev.tandem.events.TouchpointV1;
import dev.tandem.model.CommitteeRole;
import dev.tandem.support.rest.InvalidInputException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A seller assigns or corrects a committee member's role. The assignment travels like a touchpoint: through Kafka
 * into journey-state, where it wins over the role the title infers until the next assignment, and back into the
 * seller view ({@code roleSource: seller}) with the next snapshot. Only a member of the account's committee can be
 * assigned a role.
 */
@ApplicationScoped
public class RoleAssignments {

    private static final Logger LOG = Logger.getLogger(RoleAssignments.class);

    /** What was sent: the touchpoint that carries the assignment. */
    public record RoleAssignment(String accountKey, String contactKey, String role, String touchpointId,
            String assignedBy, Instant assignedAt) {
    }

    private final ReadModelStore store;
    private final RoleAssignmentPublisher publisher;
    private final Clock clock = Clock.systemUTC();

    public RoleAssignments(ReadModelStore store, RoleAssignmentPublisher publisher) {
        this.store = store;
        this.publisher = publisher;
    }

    public Uni<RoleAssignment> assign(String tenantId, String accountKey, String contactKey, String roleName,
            String seller) {
        // the account first: another tenant's account is not found, whatever the body says
        return store.current().chain(generation -> generation.journeys().find(tenantId, accountKey))
                .onItem().ifNull().failWith(() -> new UnknownAccountException(accountKey))
                .chain(journey -> {
                    if (journey.committee().stream().noneMatch(m -> contactKey.equals(m.contactKey()))) {
                        return Uni.createFrom().failure(new NotFoundException("Account " + accountKey
                                + " has no committee member " + contactKey));
                    }
                    CommitteeRole role = CommitteeRole.fromWireName(roleName).orElse(null);
                    if (role == null) {
                        return Uni.createFrom().failure(new InvalidInputException("Unknown committee role",
                                List.of(new FieldError("/role", "must be one of " + Arrays.stream(
                                        CommitteeRole.values()).map(CommitteeRole::wireName).toList() + ", got "
                                        + (roleName == null ? "nothing" : "'" + roleName + "'")))));
                    }
                    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                    TouchpointV1 assignment = TouchpointV1.roleAssignment("role-" + UUID.randomUUID(), tenantId,
                            accountKey, contactKey, role, seller, now);
                    return publisher.publish(assignment).replaceWith(new RoleAssignment(accountKey, contactKey,
                            role.wireName(), assignment.id(), seller, now));
                })
                .invoke(sent -> LOG.infof("Role %s assigned to %s of account %s (tenant %s) by a seller",
                        sent.role(), sent.contactKey(), accountKey, tenantId));
    }
}
