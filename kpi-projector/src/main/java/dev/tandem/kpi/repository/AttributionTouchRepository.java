package dev.tandem.kpi.repository;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import dev.tandem.kpi.mapping.AttributionTouchDocuments;
import dev.tandem.kpi.service.AttributionTouches.Changes;
import dev.tandem.kpi.service.AttributionTouches.Touch;
import dev.tandem.support.mongo.GuardedDocuments;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The attribution journal ({@code kpi_touches}, of one generation, {@link KpiStore}): the touchpoints conversions
 * credit, one document each, read by id when a conversion needs them and written idempotently (a touchpoint's
 * sequence number and content follow from the account's events, so a replay writes the same documents).
 */
public class AttributionTouchRepository {

    private final ReactiveMongoCollection<Document> touches;

    AttributionTouchRepository(ReactiveMongoCollection<Document> touches) {
        this.touches = touches;
    }

    /**
     * The stored touchpoints of each account with these sequence numbers.
     *
     * @param wanted sequence numbers by account id
     */
    public Uni<Map<String, Map<Long, Touch>>> find(Map<String, List<Long>> wanted) {
        List<String> ids = new ArrayList<>();
        wanted.forEach((account, seqs) -> seqs.forEach(seq -> ids.add(AttributionTouchDocuments.idOf(account, seq))));
        return GuardedDocuments.findByIds(touches, ids).map(found -> {
            Map<String, Map<Long, Touch>> byAccount = new HashMap<>();
            found.forEach((id, document) -> byAccount
                    .computeIfAbsent(AttributionTouchDocuments.accountOf(id), account -> new HashMap<>())
                    .put(AttributionTouchDocuments.seqOf(id), AttributionTouchDocuments.fromDocument(document)));
            return byAccount;
        });
    }

    /** Writes the accounts' journal changes (one unordered bulk write; idempotent, so it may be retried as is). */
    public Uni<Void> write(Map<String, Changes> changes) {
        List<WriteModel<Document>> models = new ArrayList<>();
        changes.forEach((account, change) -> {
            change.upserts().forEach((seq, touch) -> {
                models.add(new ReplaceOneModel<>(eq(AttributionTouchDocuments.ID,
                        AttributionTouchDocuments.idOf(account, seq)),
                        AttributionTouchDocuments.toDocument(account, seq, touch), new ReplaceOptions().upsert(true)));
            });
            change.deletes().forEach(seq -> models.add(
                    new DeleteOneModel<>(eq(AttributionTouchDocuments.ID, AttributionTouchDocuments.idOf(account, seq)))));
        });
        if (models.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return touches.bulkWrite(models, new BulkWriteOptions().ordered(false)).replaceWithVoid();
    }
}
