package dev.tandem.kpi.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;

/** Classifies MongoDB failures the projection expects. */
final class MongoErrors {

    private MongoErrors() {
    }

    /** A duplicate key (11000): another writer created the document first. */
    static boolean isDuplicateKey(Throwable failure) {
        return failure instanceof MongoServerException server
                && ErrorCategory.fromErrorCode(server.getCode()) == ErrorCategory.DUPLICATE_KEY;
    }
}
