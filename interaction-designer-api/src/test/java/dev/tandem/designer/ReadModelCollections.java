package dev.tandem.designer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.tandem.designer.repository.ReadModelStore;
import org.bson.Document;

/**
 * The read model's collections of the generation that is current, for tests that look at documents directly: a
 * rebuild in another test may have made a later generation current.
 */
public final class ReadModelCollections {

    public static final String DATABASE = "tandem_designer";

    private ReadModelCollections() {
    }

    public static int currentGeneration(MongoClient mongo) {
        Document meta = mongo.getDatabase(DATABASE).getCollection("designer_meta")
                .find(Filters.eq("_id", "generation")).first();
        return meta == null ? 0 : meta.getInteger("current");
    }

    /** {@code base} is the collection's plain name: account_journeys, account_timelines or contacts. */
    public static MongoCollection<Document> current(MongoClient mongo, String base) {
        return mongo.getDatabase(DATABASE).getCollection(ReadModelStore.collectionName(base,
                currentGeneration(mongo)));
    }
}
