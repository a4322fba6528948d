package dev.tandem.designer.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;

/** Classifies MongoDB failures the projection expects. */
final class MongoErrors {

    private MongoErrors() {
    }

    /** A duplicate key (11000): a guarded upsert found a document it may not touch, i.e. one at least as new. */
    static boolean isDuplicateKey(Throwable failure) {
        return failure instanceof MongoServerException server
                && ErrorCategory.fromErrorCode(server.getCode()) == ErrorCategory.DUPLICATE_KEY;
    }
}
