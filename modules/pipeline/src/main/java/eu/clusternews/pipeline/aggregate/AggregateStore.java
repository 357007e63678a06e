package eu.clusternews.pipeline.aggregate;

import eu.clusternews.pipeline.internal.Encoded;
import eu.clusternews.pipeline.internal.InternalAvroSerde;
import eu.clusternews.pipeline.state.WriteBackStore;
import eu.clusternews.pipeline.state.WriteBackStoreBuilder;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The activity store: each entity's aggregate kept decoded as a mutable {@link Activity} between updates and written
 * down (encoded with {@link InternalAvroSerde}, logged, and forwarded to the output topic) once per entity and commit
 * — the {@link WriteBackStore} contract, which is what keeps it exact under exactly-once. Interactive queries read the
 * written-down activities: the values the output topics carry.
 */
public final class AggregateStore<A extends SpecificRecordBase> extends WriteBackStore<Activity, A> {

    private AggregateStore(String name, ActivityKind<A> kind, KeyValueStore<Bytes, byte[]> inner) {
        super(name, inner, InternalAvroSerde.of(kind.type()), Codec.of(kind::read, kind::write));
    }

    /** The builder of a logged activity store named {@code name}. */
    public static <A extends SpecificRecordBase> WriteBackStoreBuilder<AggregateStore<A>> builder(
            String name, ActivityKind<A> kind) {
        return new WriteBackStoreBuilder<>(name, (n, inner) -> new AggregateStore<>(n, kind, inner));
    }

    /**
     * Called by the aggregate processor in its {@code init}: written-down aggregates are forwarded from its node with
     * the bytes they were written as, which the output topic's sink frames instead of encoding them again.
     */
    void attach(ProcessorContext<String, Encoded<A>> context) {
        attach(context, written -> written);
    }

    /** The entity's activity, decoded, to change in place; call {@link #updated} after changing it. */
    Activity forUpdate(String key) {
        Activity activity = current(key);
        return activity != null ? activity : new Activity();
    }

    /** Marks the entity's activity (as {@link #forUpdate} returned it, changed) changed by the record at {@code timestamp}. */
    void updated(String key, Activity activity, long timestamp) {
        put(key, activity, timestamp);
    }
}
