package dev.tandem.infra;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;

/**
 * The in-memory MongoDB backend without its data-size bookkeeping. The stand-in encodes the old and the new
 * document whole to BSON on every update, only to keep the {@code size} that {@code collStats} and {@code dbStats}
 * report (which Tandem never reads): profiled under load, that was a third of the stand-in's work, more than
 * applying the updates. Everything else (queries, indexes, updates, bulk writes) is the stand-in's own.
 */
final class LeanMemoryBackend extends MemoryBackend {

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        CursorRegistry cursors = getCursorRegistry();
        return new MemoryDatabase(databaseName, cursors) {
            @Override
            protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                return new MemoryCollection(this, collectionName, options, cursors) {
                    @Override
                    protected boolean tracksDataSize() {
                        return false;
                    }
                };
            }
        };
    }
}
