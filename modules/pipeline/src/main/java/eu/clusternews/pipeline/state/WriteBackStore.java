package eu.clusternews.pipeline.state;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import eu.clusternews.pipeline.internal.Encoded;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorRecordContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * A key-value store whose values are kept <em>decoded</em> (as the processor's working objects {@code M}) in a
 * bounded cache in front of a logged store of encoded records {@code R}, and written back once per key and commit.
 *
 * <p>A processor reads a value with {@link #current}, changes or replaces it and marks it with {@link #put} or
 * {@link #delete}. A dirty entry is encoded once, written to the inner store (and so to its changelog) and, when a
 * processor is {@link #attach attached}, forwarded downstream when Kafka Streams flushes the store's cache before it
 * commits the task (the {@link CachedStateStore} hook its own record cache uses), or when it is evicted to keep the
 * cache within its bound. Under exactly-once the writes and forwards made during that flush join the transaction
 * being committed, so at every commit the logged store, the changelog and the output agree with the input offsets: a
 * crash at any moment loses nothing and emits nothing twice. Changes to one key between two commits cost one encode
 * and one send instead of one per change. Absent keys are cached too (the store is its task's only writer), so a
 * repeated miss does not reach RocksDB again.
 *
 * <p>The cache's bound and the write-through switch: {@link CacheSettings}. Interactive queries read the
 * written-down values: what the last flush wrote, the same values the output carries.
 *
 * @param <M> the decoded, working form of a value
 * @param <R> the stored (and forwarded) form of a value
 */
public class WriteBackStore<M, R> implements StateStore, CachedStateStore<String, R>, ReadOnlyKeyValueStore<String, R> {

    /** Between the working form and the stored form. */
    public interface Codec<M, R> {
        /** The working form of a stored value (never null). */
        M read(R stored);

        /** The stored form of a working value. */
        R write(String key, M value);

        /** A codec of these two conversions. */
        static <M, R> Codec<M, R> of(Function<R, M> read, BiFunction<String, M, R> write) {
            return new Codec<>() {
                @Override
                public M read(R stored) {
                    return read.apply(stored);
                }

                @Override
                public R write(String key, M value) {
                    return write.apply(key, value);
                }
            };
        }
    }

    private final String name;
    private final KeyValueStore<Bytes, byte[]> inner;
    private final Serde<R> serde;
    private final Codec<M, R> codec;
    private final LinkedHashMap<String, Entry<M>> cache = new LinkedHashMap<>(64, 0.75f, true);
    /**
     * The entries changed since the last flush, in the order they were first changed: a flush writes back these, not
     * a scan of the whole cache (at 20 commits a second the scan of ~10 000 entries per store was 18 % of a caught-up
     * stream thread). An entry written back early (evicted, or write-through) stays listed but is no longer dirty.
     */
    private List<Entry<M>> dirty = new ArrayList<>();

    private CacheSettings settings = CacheSettings.from(Map.of());
    private Emitter<R> emitter;
    private Supplier<ProcessorRecordContext> recordContext = () -> null;
    /**
     * Where a store's versions start each time it is made, opened or cleared: distinct for each of those in the JVM, and
     * 2^32 versions apart, so that a version seen once does not come back (within 4 billion changes of one opening).
     */
    private static final AtomicLong EPOCHS = new AtomicLong();

    private long version = newEpoch();

    protected WriteBackStore(String name, KeyValueStore<Bytes, byte[]> inner, Serde<R> serde, Codec<M, R> codec) {
        this.name = name;
        this.inner = inner;
        this.serde = serde;
        this.codec = codec;
    }

    /** The builder of a logged store named {@code name} whose values are stored with {@code serde}. */
    public static <M, R> WriteBackStoreBuilder<WriteBackStore<M, R>> builder(
            String name, Serde<R> serde, Codec<M, R> codec) {
        return new WriteBackStoreBuilder<>(name, (n, inner) -> new WriteBackStore<>(n, inner, serde, codec));
    }

    /** Values kept as they are stored (immutable values, or ones replaced rather than changed). */
    public static <V> Codec<V, V> asStored() {
        return Codec.of(stored -> stored, (key, value) -> value);
    }

    /** A cached value (null: the key has no value) and whether it still has to be written back. */
    private static final class Entry<M> {
        final String key;
        M value;
        boolean dirty;
        long timestamp = Long.MIN_VALUE;
        ProcessorRecordContext updateContext;

        Entry(String key, M value) {
            this.key = key;
            this.value = value;
        }
    }

    private interface Emitter<R> {
        void emit(String key, Encoded<R> written, long timestamp, ProcessorRecordContext updateContext);
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        // a task revived after a failure starts again from what the changelog restored, never from the old cache
        cache.clear();
        dirty = new ArrayList<>();
        version = newEpoch();
        settings = CacheSettings.from(context.appConfigs());
        inner.init(context, root);
    }

    /**
     * Called by the processor that owns the store in its {@code init}: written-back values are forwarded from its
     * node, as {@code output} makes them from the value and the bytes just written for it (a deleted key's are
     * null), so that a public topic's sink can reuse them ({@link eu.clusternews.pipeline.internal.ReframingSerde}).
     * A store nobody attaches only writes back.
     */
    public <O> void attach(ProcessorContext<String, O> context, Function<Encoded<R>, O> output) {
        FlushForwarder<O> forwarder = new FlushForwarder<>(context);
        this.emitter = (key, value, timestamp, updateContext) ->
                forwarder.forward(key, output.apply(value), timestamp, updateContext);
        this.recordContext = forwarder::currentRecordContext;
    }

    /** The key's value in its working form, decoded at most once while cached; null when the key has none. */
    public M current(String key) {
        Entry<M> entry = cache.get(key);
        if (entry == null) {
            R stored = decoded(key);
            entry = new Entry<>(key, stored == null ? null : codec.read(stored));
            cache.put(key, entry);
            evictBeyondBound();
        }
        return entry.value;
    }

    /** The key's value is now {@code value} (the same object changed in place, or a new one), by a record at {@code timestamp}. */
    public void put(String key, M value, long timestamp) {
        Entry<M> entry = cache.get(key);
        if (entry == null) {
            entry = new Entry<>(key, value);
            cache.put(key, entry);
        }
        entry.value = value;
        changed(key, entry, timestamp);
        evictBeyondBound();
    }

    /** The key has no value any more (forwarded as null). */
    public void delete(String key, long timestamp) {
        put(key, null, timestamp);
    }

    private void changed(String key, Entry<M> entry, long timestamp) {
        version++;
        if (!entry.dirty) {
            entry.dirty = true;
            dirty.add(entry);
        }
        entry.timestamp = Math.max(entry.timestamp, timestamp);
        entry.updateContext = recordContext.get();
        if (settings.writeThrough()) {
            writeBack(key, entry);
        }
    }

    private void evictBeyondBound() {
        Iterator<Map.Entry<String, Entry<M>>> eldest = cache.entrySet().iterator();
        while (cache.size() > settings.maxEntries() && eldest.hasNext()) {
            Map.Entry<String, Entry<M>> e = eldest.next();
            if (e.getValue().dirty) {
                writeBack(e.getKey(), e.getValue());
            }
            eldest.remove();
        }
    }

    private void writeBack(String key, Entry<M> entry) {
        R stored = entry.value == null ? null : codec.write(key, entry.value);
        byte[] bytes = null;
        if (stored == null) {
            inner.delete(keyBytes(key));
        } else {
            bytes = serde.serializer().serialize(name, stored);
            inner.put(keyBytes(key), bytes);
        }
        entry.dirty = false;
        if (emitter != null) {
            emitter.emit(key, new Encoded<>(stored, bytes), entry.timestamp, entry.updateContext);
        }
        entry.updateContext = null;
    }

    /** Before each commit: every dirty entry written back and forwarded, inside the transaction being committed. */
    @Override
    public void flushCache() {
        // until none is left: nothing downstream writes to this store, but if it did, what it changed would join
        // this commit too rather than stay dirty, in memory only, after it
        while (!dirty.isEmpty()) {
            List<Entry<M>> changed = dirty;
            dirty = new ArrayList<>(changed.size());
            for (Entry<M> entry : changed) {
                if (entry.dirty) {
                    writeBack(entry.key, entry);
                }
            }
        }
    }

    @Override
    public void clearCache() {
        cache.clear();
        dirty = new ArrayList<>();
        version = newEpoch();
    }

    private static long newEpoch() {
        return EPOCHS.incrementAndGet() << 32;
    }

    /**
     * Changes whenever the content may have changed (a put or delete, a revived or cleared store), and never takes a
     * value it had before: a reader that saw no change of version since it last looked needs not look again.
     */
    public long version() {
        return version;
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<String, R> listener, boolean sendOldValues) {
        return false; // the attached processor's node forwards; no DSL listener here
    }

    @Override
    @SuppressWarnings("deprecation")
    public void flush() {
        // called when Streams checkpoints, after the commit: forwarding here would be too late, so only the
        // inner store is flushed; flushCache did the writing back before the commit
        inner.flush();
    }

    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
        inner.commit(changelogOffsets);
    }

    @Override
    public void close() {
        cache.clear();
        dirty = new ArrayList<>();
        inner.close();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean persistent() {
        return inner.persistent();
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    @Override
    public Position getPosition() {
        return inner.getPosition();
    }

    @Override
    public <Q> QueryResult<Q> query(Query<Q> query, PositionBound positionBound, QueryConfig config) {
        return QueryResult.forUnknownQueryType(query, this);
    }

    // interactive queries: the written-back values, decoded

    @Override
    public R get(String key) {
        return decoded(key);
    }

    @Override
    public KeyValueIterator<String, R> range(String from, String to) {
        return decodedAll(inner.range(from == null ? null : keyBytes(from), to == null ? null : keyBytes(to)));
    }

    @Override
    public KeyValueIterator<String, R> all() {
        return decodedAll(inner.all());
    }

    @Override
    public long approximateNumEntries() {
        return inner.approximateNumEntries();
    }

    private R decoded(String key) {
        byte[] bytes = inner.get(keyBytes(key));
        return bytes == null ? null : serde.deserializer().deserialize(name, bytes);
    }

    /** Reads the whole range at once, so that the store's iterator is never left open by a caller. */
    private KeyValueIterator<String, R> decodedAll(KeyValueIterator<Bytes, byte[]> raw) {
        List<KeyValue<String, R>> all = new ArrayList<>();
        try (raw) {
            while (raw.hasNext()) {
                KeyValue<Bytes, byte[]> kv = raw.next();
                all.add(KeyValue.pair(
                        new String(kv.key.get(), StandardCharsets.UTF_8),
                        serde.deserializer().deserialize(name, kv.value)));
            }
        }
        Iterator<KeyValue<String, R>> it = all.iterator();
        return new KeyValueIterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public KeyValue<String, R> next() {
                return it.next();
            }

            @Override
            public String peekNextKey() {
                throw new UnsupportedOperationException("peekNextKey is not supported by " + name);
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }

    private static Bytes keyBytes(String key) {
        return Bytes.wrap(key.getBytes(StandardCharsets.UTF_8));
    }
}
