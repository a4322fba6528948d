package dev.tandem.kpi.repository;

import dev.tandem.kpi.config.KpiConfig;
import dev.tandem.kpi.mapping.AccountKpisDocuments;
import dev.tandem.kpi.mapping.AttributionTouchDocuments;
import dev.tandem.support.mongo.ProjectionGenerations;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The KPI projection's collections, by generation ({@link ProjectionGenerations}, meta document in
 * {@code kpi_meta}). Each batch and each request reads the current generation once and uses its accounts and its
 * totals together, so a batch never counts in one generation what it writes in another: the account documents and
 * the totals' fences always belong to the same generation, which is what makes counting exactly once hold.
 */
@ApplicationScoped
public class KpiStore {

    static final String META = "kpi_meta";

    /** One generation's collections. */
    public record Generation(int number, AccountKpiRepository accounts, KpiTotalsRepository totals,
            AttributionTouchRepository touches) {
    }

    private final ProjectionGenerations generations;
    private final Map<Integer, Generation> byNumber = new ConcurrentHashMap<>();
    private final int cachedAccounts;

    public KpiStore(ReactiveMongoClient mongo, KpiConfig config) {
        this.cachedAccounts = config.projection().cachedAccounts();
        this.generations = new ProjectionGenerations(mongo.getDatabase(config.projection().database()), META,
                Set.of(AccountKpisDocuments.COLLECTION, KpiTotalsRepository.COLLECTION,
                        AttributionTouchDocuments.COLLECTION));
    }

    /** Generation 0 uses the plain names; later ones a suffix: {@code account_kpis_g3}. */
    public static String collectionName(String base, int generation) {
        return ProjectionGenerations.collectionName(base, generation);
    }

    public Generation generation(int number) {
        return byNumber.computeIfAbsent(number, n -> new Generation(n,
                new AccountKpiRepository(generations.collection(AccountKpisDocuments.COLLECTION, n), cachedAccounts),
                new KpiTotalsRepository(generations.collection(KpiTotalsRepository.COLLECTION, n)),
                new AttributionTouchRepository(generations.collection(AttributionTouchDocuments.COLLECTION, n))));
    }

    /** The generation batches and requests use now. */
    public Uni<Generation> current() {
        return generations.current().map(this::generation);
    }

    /** Makes a generation current, atomically for every reader. */
    public Uni<Void> makeCurrent(int number) {
        return generations.makeCurrent(number);
    }

    /** Creates a generation's indexes (idempotent). */
    public Uni<Void> ensureIndexes(Generation generation) {
        return generation.accounts().ensureIndexes().chain(() -> generation.totals().ensureIndexes());
    }

    /** Drops a generation's collections (a rebuild's leftovers, or a replaced generation). */
    public Uni<Void> drop(int number) {
        return generations.drop(number);
    }

    /** The generations that have collections, except {@code keep}, for cleaning up. */
    public Uni<List<Integer>> otherGenerations(int keep) {
        return generations.otherGenerations(keep);
    }
}
