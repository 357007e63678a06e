package eu.clusternews.pipeline.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What reaches the logged store, and when: the write-back contract the exactly-once argument rests on. */
class WriteBackStoreTest {

    @TempDir
    File stateDir;

    private WriteBackStore<String, String> store;

    private WriteBackStore<String, String> open(Map<String, String> settings) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "write-back-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        config.putAll(settings);
        MockProcessorContext<String, String> context = new MockProcessorContext<>(config, new TaskId(0, 0), stateDir);
        store = WriteBackStore.builder("values", Serdes.String(), WriteBackStore.<String>asStored())
                .withLoggingDisabled()
                .build();
        store.init(context.getStateStoreContext(), store);
        return store;
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void changesBetweenTwoCommitsReachTheStoreOnceWhenItsCacheIsFlushedBeforeTheCommit() {
        open(Map.of());
        store.put("evt:1", "first", 1L);
        store.put("evt:1", "second", 2L);

        assertThat(store.current("evt:1")).isEqualTo("second");
        assertThat(store.get("evt:1")).as("nothing written before the flush").isNull();

        store.flushCache();
        assertThat(store.get("evt:1")).isEqualTo("second");
    }

    @Test
    void aDeletedKeyLeavesTheStoreAtTheFlush() {
        open(Map.of());
        store.put("evt:1", "event", 1L);
        store.flushCache();
        store.delete("evt:1", 2L);

        assertThat(store.current("evt:1")).isNull();
        assertThat(store.get("evt:1")).isEqualTo("event");
        store.flushCache();
        assertThat(store.get("evt:1")).isNull();
    }

    @Test
    void theVersionChangesWithEveryChangeAndClearedCacheButNotWithReadsOrFlushes() {
        open(Map.of());
        Set<Long> seen = new HashSet<>();
        long initial = store.version();
        seen.add(initial);
        store.current("evt:1");
        store.flushCache();
        assertThat(store.version()).as("a read and a flush change nothing").isEqualTo(initial);

        store.put("evt:1", "event", 1L);
        assertThat(seen.add(store.version()))
                .as("a put gives a version never seen")
                .isTrue();
        store.delete("evt:1", 2L);
        assertThat(seen.add(store.version())).as("so does a delete").isTrue();
        store.clearCache();
        assertThat(seen.add(store.version())).as("and a cleared cache").isTrue();
        store.close();
        open(Map.of());
        assertThat(seen.add(store.version())).as("and a store opened again").isTrue();
    }

    @Test
    void whatWasNotFlushedIsGoneWhenTheTaskStartsAgainAsAfterACrash() {
        open(Map.of());
        store.put("evt:1", "committed", 1L);
        store.flushCache();
        store.put("evt:1", "not committed", 2L);

        store.close(); // what the cache held is gone, as in a process killed before its next commit
        open(Map.of());

        assertThat(store.current("evt:1")).isEqualTo("committed");
    }

    @Test
    void entriesBeyondTheCacheBoundAreWrittenBackWhenEvicted() {
        open(Map.of(CacheSettings.CACHE_ENTRIES_CONFIG, "2"));
        store.put("a", "1", 1L);
        store.put("b", "2", 1L);
        store.put("c", "3", 1L);

        assertThat(store.get("a")).as("the eldest, evicted and written back").isEqualTo("1");
        assertThat(store.get("c")).isNull();
        assertThat(store.current("a")).isEqualTo("1");
    }

    @Test
    void aKeyEvictedAndChangedAgainBeforeTheFlushIsWrittenWithItsLatestValueAlongWithTheOthers() {
        open(Map.of(CacheSettings.CACHE_ENTRIES_CONFIG, "2"));
        store.put("a", "1", 1L);
        store.put("b", "2", 1L);
        store.put("c", "3", 1L); // evicts a, written back
        store.put("a", "4", 2L); // a again: evicts b

        store.flushCache();

        assertThat(store.get("a")).isEqualTo("4");
        assertThat(store.get("b")).isEqualTo("2");
        assertThat(store.get("c")).isEqualTo("3");
    }

    @Test
    void withoutACacheEveryChangeIsWrittenAtOnce() {
        open(Map.of(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "0"));
        store.put("a", "1", 1L);

        assertThat(store.get("a")).isEqualTo("1");
    }
}
