package eu.clusternews.pipeline.aggregate;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

import eu.clusternews.avro.ClusterContribution;
import eu.clusternews.pipeline.state.CacheSettings;
import eu.clusternews.pipeline.state.FlushForwarder;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorRecordContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * A combiner: the contributions of the news processed since the last commit (the fan-out), summed per entity into
 * partial activities, so that the repartition topic carries one partial per entity and commit instead of one record
 * per news and entity.
 *
 * <p>Every partial is forwarded (to the repartition topic) and forgotten when Kafka Streams flushes the store before
 * it commits the task — the same {@link CachedStateStore} hook as {@link AggregateStore} — or early, when the store
 * holds more entities than its bound. So the store is empty at every commit: under exactly-once the partials of the
 * news whose offsets a transaction commits are in that transaction, and a crash loses nothing and doubles nothing.
 * It needs no changelog. Its bound and the write-through switch: {@link CacheSettings}.
 */
public final class PartialActivityStore<V> implements StateStore, CachedStateStore<String, V> {

    private final String name;
    private final LinkedHashMap<String, Partial> partials = new LinkedHashMap<>();
    private CacheSettings settings = CacheSettings.from(Map.of());
    private boolean open;
    private FlushForwarder<V> forwarder;
    private BiFunction<String, Activity, V> output;

    PartialActivityStore(String name) {
        this.name = name;
    }

    private static final class Partial {
        final Activity activity = new Activity();
        long timestamp = Long.MIN_VALUE;
        ProcessorRecordContext updateContext;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        partials.clear();
        settings = CacheSettings.from(context.appConfigs());
        // registered so that Streams flushes it before each commit; nothing to restore
        context.register(root, (key, value) -> {});
        open = true;
    }

    /**
     * Called by the processor that counts into it, in its {@code init}: partials are forwarded from its node, each as
     * {@code output(entityId, partial)}.
     */
    public void attach(ProcessorContext<String, V> context, BiFunction<String, Activity, V> output) {
        this.forwarder = new FlushForwarder<>(context);
        this.output = output;
    }

    /** Counts the contribution of the record being processed now into its entity's partial. */
    public void add(ClusterContribution c, long timestamp, int maxHeadlines) {
        partial(c.getEntityId(), timestamp).activity.add(c, maxHeadlines);
        forwardIfFull();
    }

    private Partial partial(String entityId, long timestamp) {
        Partial partial = partials.computeIfAbsent(entityId, k -> new Partial());
        partial.timestamp = Math.max(partial.timestamp, timestamp);
        partial.updateContext = forwarder.currentRecordContext();
        return partial;
    }

    private void forwardIfFull() {
        if (settings.writeThrough() || partials.size() > settings.maxEntries()) {
            forwardAll();
        }
    }

    private void forwardAll() {
        Iterator<Map.Entry<String, Partial>> it = partials.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Partial> e = it.next();
            Partial p = e.getValue();
            it.remove();
            if (!p.activity.isEmpty()) {
                forwarder.forward(e.getKey(), output.apply(e.getKey(), p.activity), p.timestamp, p.updateContext);
            }
        }
    }

    /** Before each commit: every partial forwarded, inside the transaction being committed, and forgotten. */
    @Override
    public void flushCache() {
        if (forwarder != null) {
            forwardAll();
        }
    }

    @Override
    public void clearCache() {
        partials.clear();
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<String, V> listener, boolean sendOldValues) {
        return false;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        partials.clear();
        open = false;
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public Position getPosition() {
        return Position.emptyPosition();
    }

    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return QueryResult.forUnknownQueryType(query, this);
    }
}
