package eu.clusternews.pipeline;

import eu.clusternews.avro.Consortium;
import eu.clusternews.avro.Organisation;
import eu.clusternews.avro.Programme;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/** The reference data as the global stores hold it now: a tombstone on a ref topic makes an id unknown. */
final class GlobalStoreLookup implements ReferenceLookup {

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
        return Optional.ofNullable(ValueAndTimestamp.getValueOrNull(organisations.get(id)));
    }

    @Override
    public Optional<Consortium> consortium(String id) {
        return Optional.ofNullable(ValueAndTimestamp.getValueOrNull(consortia.get(id)));
    }

    @Override
    public Optional<Programme> programme(String id) {
        return Optional.ofNullable(ValueAndTimestamp.getValueOrNull(programmes.get(id)));
    }
}
