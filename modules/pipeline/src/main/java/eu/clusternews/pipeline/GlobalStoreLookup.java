package eu.clusternews.pipeline;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

import eu.clusternews.avro.Consortium;
import eu.clusternews.avro.Organisation;
import eu.clusternews.avro.Programme;
import eu.clusternews.registry.RegistryUnreachableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference data as the global stores hold it when a news passes: a tombstone on a ref topic makes an id unknown.
 * Each id is looked up once per thread until the reference stores change ({@link ReferenceSnapshots}), so the
 * enrichment and the three fan-outs of a news, and the news after it, see the same records and pay for one lookup (a
 * store read and a decode) per id and change.
 */
final class GlobalStoreLookup implements ReferenceLookup {

    private static final Logger LOG = LoggerFactory.getLogger(GlobalStoreLookup.class);

    private final ProcessingContext context;
    private final ReferenceSnapshots snapshots;

    private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<Organisation>> organisations;
    private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<Consortium>> consortia;
    private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<Programme>> programmes;

    /** @param snapshots where the records looked up are kept, shared by a topology's processors */
    GlobalStoreLookup(ProcessingContext context, ReferenceSnapshots snapshots) {
        this.context = context;
        this.snapshots = snapshots;
        this.organisations = context.getStateStore(ClusterNewsTopology.ORGANISATIONS_STORE);
        this.consortia = context.getStateStore(ClusterNewsTopology.CONSORTIA_STORE);
        this.programmes = context.getStateStore(ClusterNewsTopology.PROGRAMMES_STORE);
    }

    @Override
    public Optional<Organisation> organisation(String id) {
        return kept(ReferenceSnapshots.Snapshot::organisations, organisations, id);
    }

    @Override
    public Optional<Consortium> consortium(String id) {
        return kept(ReferenceSnapshots.Snapshot::consortia, consortia, id);
    }

    @Override
    public Optional<Programme> programme(String id) {
        return kept(ReferenceSnapshots.Snapshot::programmes, programmes, id);
    }

    /** The reference changes counted when the thread moved to the record being processed; unknown outside of one. */
    @Override
    public OptionalLong version() {
        Optional<RecordMetadata> record = context.recordMetadata();
        return record.isEmpty()
                ? OptionalLong.empty()
                : OptionalLong.of(snapshots.of(record.get()).changeCount());
    }

    /** The id as looked up since the reference stores last changed (looked up every time outside of a record). */
    private <V> Optional<V> kept(
            Function<ReferenceSnapshots.Snapshot, Map<String, Optional<V>>> byId,
            ReadOnlyKeyValueStore<String, ValueAndTimestamp<V>> store,
            String id) {
        Optional<RecordMetadata> record = context.recordMetadata();
        return record.isEmpty()
                ? lookUp(store, id)
                : byId.apply(snapshots.of(record.get())).computeIfAbsent(id, key -> lookUp(store, key));
    }

    /**
     * A reference record that cannot be decoded counts as unknown (the news keeps the id, listed as unresolved): a
     * global store restores records without decoding them, so a corrupt one skipped when it arrived can be back after
     * a restart, and it must not stop every news that mentions it. A registry outage is no such record: it fails.
     */
    private static <V> Optional<V> lookUp(ReadOnlyKeyValueStore<String, ValueAndTimestamp<V>> store, String id) {
        try {
            return Optional.ofNullable(ValueAndTimestamp.getValueOrNull(store.get(id)));
        } catch (SerializationException e) {
            if (RegistryUnreachableException.foundIn(e)) {
                throw e;
            }
            LOG.warn("Reference record {} cannot be decoded ({}); treating it as unknown", id, e.getMessage());
            return Optional.empty();
        }
    }
}
