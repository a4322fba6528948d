package dev.tandem.state.config;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the memory of every RocksDB store of the process together: one block cache shared by all stores, and
 * their memtables charged to it through one write-buffer manager. Without it each of the stores of each task
 * takes its own cache and up to three 16 MiB memtables, which alone outgrows a 512 MiB container.
 * Sizes from {@code tandem.state.streams.rocksdb-cache-mb} (Kafka Streams instantiates this class itself, so the
 * setting travels in its configuration map).
 */
public class BoundedRocksDbConfig implements RocksDBConfigSetter {

    /** The configuration key under which {@code JourneyStreams} passes the total size in MiB. */
    public static final String CACHE_MB = "tandem.rocksdb.cache.mb";

    private static final Object LOCK = new Object();
    private static Cache cache;
    private static WriteBufferManager writeBuffers;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        long bytes = Long.parseLong(String.valueOf(configs.getOrDefault(CACHE_MB, "64"))) * 1024 * 1024;
        synchronized (LOCK) {
            if (cache == null) {
                // a quarter of the budget for memtables, charged to the same cache
                cache = new LRUCache(bytes, -1, false, 0.1);
                writeBuffers = new WriteBufferManager(bytes / 4, cache);
            }
        }
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(writeBuffers);
        options.setWriteBufferSize(4L * 1024 * 1024);
        options.setMaxWriteBufferNumber(2);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and the write-buffer manager are shared by every store for the life of the process
    }
}
