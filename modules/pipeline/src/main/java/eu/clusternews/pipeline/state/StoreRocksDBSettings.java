package eu.clusternews.pipeline.state;

import java.util.Map;
import java.util.Set;

import eu.clusternews.pipeline.ClusterNewsTopology;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;

/**
 * The pipeline's {@code rocksdb.config.setter}: Kafka Streams' RocksDB defaults, except that the files are compressed
 * and that the stores looked up mostly for keys they do not hold filter every level.
 *
 * <p>Streams writes its stores' files uncompressed. Under exactly-once it flushes every store's memtable at each
 * commit, so a store of news (about a KB each, mostly text) is written to disk once per commit and again by every
 * compaction: on this machine writing a byte costs more than compressing it (three quarters of RocksDB's flush thread
 * was in {@code write}), and LZ4, the codec RocksDB recommends where speed matters, shrinks news text several times.
 * Lookups that the filters answer never decompress anything.
 *
 * <p>Streams sets {@code optimize_filters_for_hits}, which builds no bloom filter for the bottom level, where most of
 * a store's data lies: right when lookups find their key, but a lookup for an absent key then reads a data block of
 * every bottom-level file that could hold it. The dedupe looks up every news id in {@link
 * ClusterNewsTopology#ENRICHED_NEWS_STORE}, and nearly all of them are new: in a profile of the bench, half of that
 * lookup's time was spent reading and searching data blocks. With filters on every level a miss costs a filter
 * probe per file (about 10 bits per key of memory: 1.2 MB per million news).
 *
 * <p>The same lookups then spent four fifths of their time searching the memtable's skip list (16 MB of news, a cache
 * miss per level). A whole-key bloom filter over the memtable ({@value #MEMTABLE_BLOOM_SIZE_RATIO} of the write
 * buffer, 320 KB) answers most misses with one probe.
 *
 * <p>A deployment that sets its own {@code rocksdb.config.setter} replaces this one; extend it and call {@code super}
 * to keep these settings.
 */
public class StoreRocksDBSettings implements RocksDBConfigSetter {

    /** The memtable bloom filter's size as a share of the write buffer. */
    static final double MEMTABLE_BLOOM_SIZE_RATIO = 0.02;

    /** Stores where most lookups miss. */
    static final Set<String> LOOKED_UP_FOR_ABSENT_KEYS = Set.of(ClusterNewsTopology.ENRICHED_NEWS_STORE);

    /** The codec of every store's files. */
    static final CompressionType COMPRESSION = CompressionType.LZ4_COMPRESSION;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        options.setCompressionType(COMPRESSION);
        if (LOOKED_UP_FOR_ABSENT_KEYS.contains(storeName)) {
            options.setOptimizeFiltersForHits(false);
            options.setMemtableWholeKeyFiltering(true);
            options.setMemtablePrefixBloomSizeRatio(MEMTABLE_BLOOM_SIZE_RATIO);
        }
    }

    @Override
    public void close(String storeName, Options options) {
        // nothing of ours to close: the options are Streams'
    }
}
