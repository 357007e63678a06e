package eu.clusternews.serve.streams;

import static org.assertj.core.api.Assertions.assertThat;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.serve.query.QueryResult;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

class DistributedStoreTest {

    private static final HostInfo SELF = new HostInfo("127.0.0.1", 8080);
    /** A peer on a port nothing listens on: asking it must fail as "unavailable". */
    private static final HostInfo DEAD_PEER = new HostInfo("127.0.0.1", 1);

    private static StreamsMetadataSource metadata(List<HostInfo> hosts, Map<String, HostInfo> owners) {
        return new StreamsMetadataSource() {
            @Override
            public KafkaStreams.State state() {
                return KafkaStreams.State.RUNNING;
            }

            @Override
            public KeyQueryMetadata queryMetadataForKey(String store, String key) {
                return new KeyQueryMetadata(owners.getOrDefault(key, SELF), Set.of(), 0);
            }

            @Override
            public Collection<HostInfo> hostsForStore(String store) {
                return hosts;
            }
        };
    }

    private static ClusterActivity activity(String id) {
        return ClusterActivity.newBuilder().setClusterId(id).setNewsCount(2).setCountsByMonth(Map.of("2017-05", 2L)).build();
    }

    @Test
    void roundTripsValuesThroughThePeerEncoding() {
        AvroListCodec<ClusterActivity> codec = new AvroListCodec<>(ClusterActivity.class);
        List<ClusterActivity> values = List.of(activity("org:bnpt"), activity("org:zinnae"));
        assertThat(codec.decode(codec.encode(values))).isEqualTo(values);
    }

    @Test
    void answersALocalKeyFromTheLocalStoreAndAnUnknownKeyAsNotFound() {
        var store = new DistributedStore<>("cluster-activity-store", ClusterActivity.class,
                new QueryRouter(metadata(List.of(SELF), Map.of()), SELF), new PeerClient(),
                () -> new MapStore<>(Map.of("org:bnpt", activity("org:bnpt"))));
        assertThat(store.get("org:bnpt", "cluster")).isEqualTo(QueryResult.found(activity("org:bnpt")));
        assertThat(store.get("org:nobody", "cluster")).isInstanceOf(QueryResult.NotFound.class);
    }

    @Test
    void isUnavailableRatherThanPartialWhenAPeerCannotBeReached() {
        var store = new DistributedStore<>("cluster-activity-store", ClusterActivity.class,
                new QueryRouter(metadata(List.of(SELF, DEAD_PEER), Map.of("org:ecict", DEAD_PEER)), SELF), new PeerClient(),
                () -> new MapStore<>(Map.of("org:bnpt", activity("org:bnpt"))));
        assertThat(store.all()).isInstanceOf(QueryResult.Unavailable.class);
        assertThat(store.get("org:ecict", "cluster")).isInstanceOf(QueryResult.Unavailable.class);
    }

    @Test
    void isUnavailableWhenTheLocalStoreIsNotQueryable() {
        var store = new DistributedStore<ClusterActivity>("cluster-activity-store", ClusterActivity.class,
                new QueryRouter(metadata(List.of(SELF), Map.of()), SELF), new PeerClient(),
                () -> { throw new InvalidStateStoreException("store is migrating"); });
        assertThat(store.all()).isInstanceOfSatisfying(QueryResult.Unavailable.class,
                u -> assertThat(u.reason()).contains("migrating"));
    }
}
