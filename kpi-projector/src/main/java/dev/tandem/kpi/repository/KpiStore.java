package dev.tandem.kpi.repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.tandem.kpi.config.KpiConfig;
import dev.tandem.kpi.mapping.AccountKpisDocuments;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The KPI projection's collections, by generation. A rebuild projects the log into the next generation's
 * collections while the live consumer goes on in the current one, then makes it current with one atomic update of
 * {@code kpi_meta}. Each batch and each request reads the current generation once and uses its accounts and its
 * totals together, so a batch never counts in one generation what it writes in another: the account documents and
 * the totals' fences always belong to the same generation, which is what makes counting exactly once hold.
 */
@ApplicationScoped
public class KpiStore {

    static final String META = "kpi_meta";
    private static final String GENERATION = "generation";
    private static final String CURRENT = "current";

    /** One generation's collections. */
    public record Generation(int number, AccountKpiRepository accounts, KpiTotalsRepository totals) {
    }

    private final ReactiveMongoDatabase database;
    private final Map<Integer, Generation> generations = new ConcurrentHashMap<>();

    public KpiStore(ReactiveMongoClient mongo, KpiConfig config) {
        this.database = mongo.getDatabase(config.projection().database());
    }

    /** Generation 0 uses the plain names; later ones a suffix: {@code account_kpis_g3}. */
    public static String collectionName(String base, int generation) {
        return generation == 0 ? base : base + "_g" + generation;
    }

    public Generation generation(int number) {
        return generations.computeIfAbsent(number, n -> new Generation(n,
                new AccountKpiRepository(database.getCollection(collectionName(AccountKpisDocuments.COLLECTION, n))),
                new KpiTotalsRepository(database.getCollection(collectionName(KpiTotalsRepository.COLLECTION, n)))));
    }

    /** The generation batches and requests use now. */
    public Uni<Generation> current() {
        return database.getCollection(META).find(Filters.eq("_id", GENERATION)).collect().first()
                .map(meta -> generation(meta == null ? 0 : ((Number) meta.get(CURRENT)).intValue()));
    }

    /** Makes a generation current, atomically for every reader. */
    public Uni<Void> makeCurrent(int number) {
        return database.getCollection(META).updateOne(Filters.eq("_id", GENERATION), Updates.set(CURRENT, number),
                new UpdateOptions().upsert(true)).replaceWithVoid();
    }

    /** Creates a generation's indexes (idempotent). */
    public Uni<Void> ensureIndexes(Generation generation) {
        return generation.accounts().ensureIndexes().chain(() -> generation.totals().ensureIndexes());
    }

    /** Drops a generation's collections (a rebuild's leftovers, or a replaced generation). */
    public Uni<Void> drop(int number) {
        return database.getCollection(collectionName(AccountKpisDocuments.COLLECTION, number)).drop()
                .chain(() -> database.getCollection(collectionName(KpiTotalsRepository.COLLECTION, number)).drop());
    }

    /** The collection names of every generation but {@code keep}, for cleaning up. */
    public Uni<List<Integer>> otherGenerations(int keep) {
        return database.listCollectionNames().collect().asList().map(names -> names.stream()
                .filter(name -> name.startsWith(AccountKpisDocuments.COLLECTION)
                        || name.startsWith(KpiTotalsRepository.COLLECTION))
                .map(name -> name.contains("_g") ? Integer.parseInt(name.substring(name.lastIndexOf("_g") + 2)) : 0)
                .filter(number -> number != keep).distinct().toList());
    }
}
