package dev.tandem.designer.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;

/** {@code design_outbox}. */
@ApplicationScoped
public class DesignOutboxRepository implements PanacheRepositoryBase<DesignOutboxEntity, Long> {

    /**
     * Unsent records in the order they were written, locked until the transaction ends: a relay on another instance
     * waits, then finds them sent, so records of one journey are never sent out of order.
     */
    public Uni<List<DesignOutboxEntity>> lockUnsent(int limit) {
        return find("sentAt is null order by id").withLock(LockModeType.PESSIMISTIC_WRITE).page(0, limit).list();
    }

    public Uni<Long> countUnsent() {
        return count("sentAt is null");
    }
}
