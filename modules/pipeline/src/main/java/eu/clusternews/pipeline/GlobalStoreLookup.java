package eu.clusternews.pipeline;

import java.util.Optional;

import eu.clusternews.avro.Consortium;
import eu.clusternews.avro.Organisation;
import eu.clusternews.avro.Programme;
import eu.clusternews.registry.RegistryUnreachableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The reference data as the global stores hold it now: a tombstone on a ref topic makes an id unknown. */
final class GlobalStoreLookup implements ReferenceLookup {

    private static final Logger LOG = LoggerFactory.getLogger(GlobalStoreLookup.class);

    private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<Organisation>> organisations;
    private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<Consortium>> consortia;
    private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<Programme>> programmes;

    GlobalStoreLookup(ProcessingContext context) {
        this.organisations = context.getStateStore(ClusterNewsTopology.ORGANISATIONS_STORE);
        this.consortia = context.getStateStore(ClusterNewsTopology.CONSORTIA_STORE);
        this.programmes = context.getStateStore(ClusterNewsTopology.PROGRAMMES_STORE);
    }

    @Override
    public Optional<Organisation> organisation(String id) {
        return lookUp(organisations, id);
    }

    @Override
    public Optional<Consortium> consortium(String id) {
        return lookUp(consortia, id);
    }

    @Override
    public Optional<Programme> programme(String id) {
        return lookUp(programmes, id);
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
