package eu.clusternews.pipeline.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import eu.clusternews.pipeline.ClusterNewsTopology;
import eu.clusternews.pipeline.PipelineConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;

class StoreRocksDBSettingsTest {

    private final StoreRocksDBSettings settings = new StoreRocksDBSettings();

    @Test
    void theStoreTheDedupeLooksUpHasBloomFiltersOnEveryLevelAndOverItsMemtable() {
        try (Options options = new Options().setOptimizeFiltersForHits(true)) {
            settings.setConfig(ClusterNewsTopology.ENRICHED_NEWS_STORE, options, Map.of());

            assertThat(options.optimizeFiltersForHits()).isFalse();
            assertThat(options.memtableWholeKeyFiltering()).isTrue();
            assertThat(options.memtablePrefixBloomSizeRatio()).isPositive();
        }
    }

    @Test
    void storesLookedUpForKeysTheyHoldKeepStreamsDefaults() {
        try (Options options = new Options().setOptimizeFiltersForHits(true)) {
            settings.setConfig(ClusterNewsTopology.EVENTS_STORE, options, Map.of());

            assertThat(options.optimizeFiltersForHits()).isTrue();
            assertThat(options.memtablePrefixBloomSizeRatio()).isZero();
        }
    }

    @Test
    void everyStoresFilesAreCompressedWithLz4() {
        for (String store : new String[] {ClusterNewsTopology.ENRICHED_NEWS_STORE, ClusterNewsTopology.EVENTS_STORE}) {
            try (Options options = new Options().setCompressionType(CompressionType.NO_COMPRESSION)) {
                settings.setConfig(store, options, Map.of());

                assertThat(options.compressionType()).as(store).isEqualTo(CompressionType.LZ4_COMPRESSION);
            }
        }
    }

    @Test
    void isThePipelinesDefaultRocksDBConfigSetter() {
        assertThat(PipelineConfig.defaults())
                .containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, StoreRocksDBSettings.class.getName());
    }
}
