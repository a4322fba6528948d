package dev.tandem.support.mongo;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Classifies the MongoDB failures projections expect (for the services that use MongoDB). */
public final class MongoErrors {

    private MongoErrors() {
    }

    /** MongoDB's duplicate-key error: a version-guarded upsert whose filter excluded the stored document. */
    public static final int DUPLICATE_KEY = 11000;

    /**
     * The positions (in the submitted list) of the writes of an unordered bulk write that failed with a duplicate
     * key (exactly 11000), if that is all that went wrong: every other write was applied. Empty for any other
     * failure (another error code, a write-concern error, not a bulk write error), which is a failure.
     */
    public static Optional<Set<Integer>> duplicateKeysOnly(Throwable failure) {
        if (!(failure instanceof MongoBulkWriteException bulk) || bulk.getWriteConcernError() != null
                || bulk.getWriteErrors().isEmpty()) {
            return Optional.empty();
        }
        Set<Integer> indexes = new TreeSet<>();
        for (BulkWriteError error : bulk.getWriteErrors()) {
            if (error.getCode() != DUPLICATE_KEY) {
                return Optional.empty();
            }
            indexes.add(error.getIndex());
        }
        return Optional.of(indexes);
    }
}
