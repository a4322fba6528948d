package dev.tandem.designer.repository;

import dev.tandem.designer.config.DesignerConfig;
import dev.tandem.designer.mapping.AccountJourneyDocuments;
import dev.tandem.designer.mapping.ContactDocuments;
import dev.tandem.designer.mapping.TimelineDocuments;
import dev.tandem.support.mongo.ProjectionGenerations;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sellers' read model (account journeys, timelines, contacts) by generation ({@link ProjectionGenerations},
 * meta document in {@code designer_meta}), so that {@code ./tandem rebuild designer} builds the next generation
 * from the log while the live consumers and the seller API go on with the current one. Batches and requests read
 * the current generation once and use its collections together.
 */
@ApplicationScoped
public class ReadModelStore {

    static final String META = "designer_meta";

    /** One generation's collections. */
    public record Generation(int number, AccountJourneyRepository journeys, TimelineRepository timelines,
            ContactRepository contacts) {
    }

    private final ProjectionGenerations generations;
    private final Map<Integer, Generation> byNumber = new ConcurrentHashMap<>();
    private final int cachedVersions;

    public ReadModelStore(ReactiveMongoClient mongo, DesignerConfig config) {
        this.cachedVersions = config.projection().cachedVersions();
        this.generations = new ProjectionGenerations(mongo.getDatabase(config.projection().database()), META,
                Set.of(AccountJourneyDocuments.COLLECTION, TimelineDocuments.COLLECTION, ContactDocuments.COLLECTION));
    }

    public static String collectionName(String base, int generation) {
        return ProjectionGenerations.collectionName(base, generation);
    }

    public Generation generation(int number) {
        return byNumber.computeIfAbsent(number, n -> new Generation(n,
                new AccountJourneyRepository(generations.collection(AccountJourneyDocuments.COLLECTION, n),
                        cachedVersions),
                new TimelineRepository(generations.collection(TimelineDocuments.COLLECTION, n)),
                new ContactRepository(generations.collection(ContactDocuments.COLLECTION, n))));
    }

    /** The generation batches and requests use now. */
    public Uni<Generation> current() {
        return generations.current().map(this::generation);
    }

    /** The current generation and any other that has collections (one being rebuilt), current first. */
    public Uni<List<Generation>> all() {
        return generations.current().chain(current -> generations.otherGenerations(current).map(others ->
                java.util.stream.Stream.concat(java.util.stream.Stream.of(current), others.stream())
                        .map(this::generation).toList()));
    }

    public Uni<Void> makeCurrent(int number) {
        return generations.makeCurrent(number);
    }

    /** Creates a generation's indexes (idempotent). */
    public Uni<Void> ensureIndexes(Generation generation) {
        // timelines are read and written by _id alone: no index of their own
        return generation.journeys().ensureIndexes()
                .chain(() -> generation.contacts().ensureIndexes());
    }

    public Uni<Void> drop(int number) {
        return generations.drop(number);
    }

    public Uni<List<Integer>> otherGenerations(int keep) {
        return generations.otherGenerations(keep);
    }
}
