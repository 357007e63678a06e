package eu.clusternews.pipeline.state;

import java.util.Map;

import org.apache.kafka.streams.StreamsConfig;

/**
 * How the activity stores hold changes between commits, from the application's configuration.
 *
 * @param maxEntries   decoded activities (or partials) a store keeps per task before it writes down or forwards early:
 *                     {@value #CACHE_ENTRIES_CONFIG}, default {@value #DEFAULT_CACHE_ENTRIES}
 * @param writeThrough every change written down and forwarded at once: {@code statestore.cache.max.bytes=0}, Kafka's
 *                     own switch for "no record cache"
 */
public record CacheSettings(int maxEntries, boolean writeThrough) {

    public static final String CACHE_ENTRIES_CONFIG = "clusternews.aggregate.cache.entries";
    public static final int DEFAULT_CACHE_ENTRIES = 10_000;

    public static CacheSettings from(Map<String, Object> configs) {
        Object entries = configs.get(CACHE_ENTRIES_CONFIG);
        Object cacheBytes = configs.get(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG);
        return new CacheSettings(
                entries == null
                        ? DEFAULT_CACHE_ENTRIES
                        : Math.max(1, Integer.parseInt(entries.toString().trim())),
                cacheBytes != null && Long.parseLong(cacheBytes.toString().trim()) == 0L);
    }
}
