package eu.clusternews.pipeline.aggregate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import eu.clusternews.pipeline.internal.InternalAvroSerde;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.TopicPartition;
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
 * The activity store: each entity's aggregate, kept <em>decoded</em> between updates in a bounded cache in front of
 * a logged key-value store of encoded records ({@link InternalAvroSerde}).
 *
 * <p>An update changes the cached {@link Activity} in place and marks it dirty. A dirty activity is encoded once,
 * written to the store (and so to its changelog) and forwarded to the output topic when Kafka Streams flushes the
 * store's cache before it commits the task (the {@link CachedStateStore} hook that its own record cache uses), or
 * when it is evicted to keep the cache within its bound. Under exactly-once the writes and forwards made during that
 * flush join the transaction being committed, so at every commit the logged store, the changelog and the output
 * agree with the input offsets: a crash at any moment loses nothing and counts nothing twice. Updates to one entity
 * between two commits cost one encode instead of one per update.
 *
 * <p>The cache's bound and the write-through switch: {@link CacheSettings}.
 *
 * <p>Interactive queries read the written-down values: what the last flush wrote, the same values the output
 * topics carry.
 */
public final class AggregateStore<A extends SpecificRecordBase>
        implements StateStore, CachedStateStore<String, A>, ReadOnlyKeyValueStore<String, A> {

    private final String name;
    private final ActivityKind<A> kind;
    private final KeyValueStore<Bytes, byte[]> inner;
    private final InternalAvroSerde<A> serde;
    private final LinkedHashMap<String, Entry> cache = new LinkedHashMap<>(64, 0.75f, true);
    private CacheSettings settings = CacheSettings.from(Map.of());
    private FlushForwarder<A> forwarder;

    AggregateStore(String name, ActivityKind<A> kind, KeyValueStore<Bytes, byte[]> inner) {
        this.name = name;
        this.kind = kind;
        this.inner = inner;
        this.serde = InternalAvroSerde.of(kind.type());
    }

    /** A decoded, mutable entry in the cache. */
    private static final class Entry {
        final Activity activity;
        boolean dirty;
        long timestamp = Long.MIN_VALUE;
        ProcessorRecordContext updateContext;

        Entry(Activity activity) {
            this.activity = activity;
        }
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        // a task revived after a failure starts again from what the changelog restored, never from the old cache
        cache.clear();
        settings = CacheSettings.from(context.appConfigs());
        inner.init(context, root);
    }

    /** Called by the aggregate processor in its {@code init}: written-down aggregates are forwarded from its node. */
    void attach(ProcessorContext<String, A> context) {
        this.forwarder = new FlushForwarder<>(context);
    }

    /** The entity's activity, decoded, to change in place; call {@link #updated} after changing it. */
    Activity forUpdate(String key) {
        Entry entry = cache.get(key);
        if (entry == null) {
            entry = new Entry(kind.read(decoded(key)));
            cache.put(key, entry);
            evictBeyondBound();
        }
        return entry.activity;
    }

    /** Marks the entity's activity changed by the record being processed now. */
    void updated(String key, long timestamp) {
        Entry entry = cache.get(key);
        entry.dirty = true;
        entry.timestamp = Math.max(entry.timestamp, timestamp);
        entry.updateContext = forwarder.currentRecordContext();
        if (settings.writeThrough()) {
            writeDown(key, entry);
        }
    }

    private void evictBeyondBound() {
        Iterator<Map.Entry<String, Entry>> eldest = cache.entrySet().iterator();
        while (cache.size() > settings.maxEntries() && eldest.hasNext()) {
            Map.Entry<String, Entry> e = eldest.next();
            if (e.getValue().dirty) {
                writeDown(e.getKey(), e.getValue());
            }
            eldest.remove();
        }
    }

    private void writeDown(String key, Entry entry) {
        A record = kind.write(key, entry.activity);
        inner.put(keyBytes(key), serde.serialize(name, record));
        entry.dirty = false;
        forwarder.forward(key, record, entry.timestamp, entry.updateContext);
        entry.updateContext = null;
    }

    /** Before each commit: every dirty activity written down and forwarded, inside the transaction being committed. */
    @Override
    public void flushCache() {
        if (forwarder == null) {
            return; // no processor attached yet: nothing can be dirty
        }
        for (Map.Entry<String, Entry> e : cache.entrySet()) {
            if (e.getValue().dirty) {
                writeDown(e.getKey(), e.getValue());
            }
        }
    }

    @Override
    public void clearCache() {
        cache.clear();
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<String, A> listener, boolean sendOldValues) {
        return false; // the aggregate processor forwards; no DSL listener here
    }

    @Override
    @SuppressWarnings("deprecation")
    public void flush() {
        // called when Streams checkpoints, after the commit: forwarding here would be too late, so only the
        // inner store is flushed; flushCache did the writing down before the commit
        inner.flush();
    }

    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
        inner.commit(changelogOffsets);
    }

    @Override
    public void close() {
        cache.clear();
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
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return QueryResult.forUnknownQueryType(query, this);
    }

    // interactive queries: the written-down values, decoded

    @Override
    public A get(String key) {
        return decoded(key);
    }

    @Override
    public KeyValueIterator<String, A> range(String from, String to) {
        return decodedAll(inner.range(from == null ? null : keyBytes(from), to == null ? null : keyBytes(to)));
    }

    @Override
    public KeyValueIterator<String, A> all() {
        return decodedAll(inner.all());
    }

    @Override
    public long approximateNumEntries() {
        return inner.approximateNumEntries();
    }

    private A decoded(String key) {
        return serde.deserialize(name, inner.get(keyBytes(key)));
    }

    /** Reads the whole range at once, so that the store's iterator is never left open by a caller. */
    private KeyValueIterator<String, A> decodedAll(KeyValueIterator<Bytes, byte[]> raw) {
        List<KeyValue<String, A>> all = new ArrayList<>();
        try (raw) {
            while (raw.hasNext()) {
                KeyValue<Bytes, byte[]> kv = raw.next();
                all.add(KeyValue.pair(
                        new String(kv.key.get(), StandardCharsets.UTF_8), serde.deserialize(name, kv.value)));
            }
        }
        Iterator<KeyValue<String, A>> it = all.iterator();
        return new KeyValueIterator<>() {
            private KeyValue<String, A> next;

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public KeyValue<String, A> next() {
                next = it.next();
                return next;
            }

            @Override
            public String peekNextKey() {
                throw new UnsupportedOperationException("peekNextKey is not supported by the activity store");
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
