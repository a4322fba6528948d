package dev.tandem.support.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/**
 * A projection's MongoDB collections by generation, so it can be rebuilt from the log without going blank: the
 * rebuild writes the next generation's collections while the live consumer goes on in the current one, then makes
 * it current with one atomic update of the projection's meta document, and the old generation is dropped.
 * Generation 0 uses the plain collection names ({@code account_kpis}); later ones a suffix ({@code account_kpis_g3}).
 */
public final class ProjectionGenerations {

    private static final String ID = "generation";
    private static final String CURRENT = "current";
    private static final String SUFFIX = "_g";

    private final ReactiveMongoDatabase database;
    private final String metaCollection;
    private final Set<String> baseNames;

    /**
     * @param metaCollection where the current generation's number is kept ({@code kpi_meta})
     * @param baseNames the projection's collections, by their generation-0 names
     */
    public ProjectionGenerations(ReactiveMongoDatabase database, String metaCollection, Set<String> baseNames) {
        this.database = database;
        this.metaCollection = metaCollection;
        this.baseNames = Set.copyOf(baseNames);
    }

    public static String collectionName(String base, int generation) {
        return generation == 0 ? base : base + SUFFIX + generation;
    }

    /** One of the projection's collections in a generation. */
    public ReactiveMongoCollection<Document> collection(String base, int generation) {
        if (!baseNames.contains(base)) {
            throw new IllegalArgumentException(base + " is not a collection of this projection");
        }
        return database.getCollection(collectionName(base, generation));
    }

    /** The number of the generation batches and requests use now (0 until a rebuild made another current). */
    public Uni<Integer> current() {
        return database.getCollection(metaCollection).find(Filters.eq("_id", ID)).collect().first()
                .map(meta -> meta == null ? 0 : ((Number) meta.get(CURRENT)).intValue());
    }

    /** Makes a generation current, atomically for every reader. */
    public Uni<Void> makeCurrent(int number) {
        return database.getCollection(metaCollection).updateOne(Filters.eq("_id", ID), Updates.set(CURRENT, number),
                new UpdateOptions().upsert(true)).replaceWithVoid();
    }

    /** Drops every collection of a generation (a rebuild's leftovers, or a replaced generation). */
    public Uni<Void> drop(int number) {
        Uni<Void> dropped = Uni.createFrom().voidItem();
        for (String base : baseNames) {
            dropped = dropped.chain(() -> database.getCollection(collectionName(base, number)).drop());
        }
        return dropped;
    }

    /** The numbers of the generations that have collections, except {@code keep}. */
    public Uni<List<Integer>> otherGenerations(int keep) {
        return database.listCollectionNames().collect().asList().map(names -> names.stream()
                .map(this::generationOf)
                .filter(number -> number != null && number != keep)
                .distinct().toList());
    }

    /** The generation a collection name belongs to, or null when it is not one of this projection's. */
    Integer generationOf(String name) {
        for (String base : baseNames) {
            if (name.equals(base)) {
                return 0;
            }
            String prefix = base + SUFFIX;
            if (name.startsWith(prefix) && name.length() > prefix.length()
                    && name.substring(prefix.length()).chars().allMatch(Character::isDigit)) {
                return Integer.parseInt(name.substring(prefix.length()));
            }
        }
        return null;
    }
}
