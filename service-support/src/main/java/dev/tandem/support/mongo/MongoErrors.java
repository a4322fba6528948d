package dev.tandem.support.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;

/** Classifies the MongoDB failures projections expect (for the services that use MongoDB). */
public final class MongoErrors {

    private MongoErrors() {
    }

    /** A duplicate key (11000): another writer created the document first. */
    public static boolean isDuplicateKey(Throwable failure) {
        return failure instanceof MongoServerException server
                && ErrorCategory.fromErrorCode(server.getCode()) == ErrorCategory.DUPLICATE_KEY;
    }
}
