package eu.clusternews.serve.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

class QueryRouterTest {

    private static final String STORE = "cluster-activity-store";
    private static final HostInfo SELF = new HostInfo("127.0.0.1", 8080);
    private static final HostInfo PEER = new HostInfo("127.0.0.1", 8081);

    /** Metadata as a test sets it: a state, owners per key, hosts per store. */
    private static class StubMetadata implements StreamsMetadataSource {
        KafkaStreams.State state = KafkaStreams.State.RUNNING;
        Map<String, KeyQueryMetadata> owners = Map.of();
        List<HostInfo> hosts = List.of();

        @Override
        public KafkaStreams.State state() {
            return state;
        }

        @Override
        public KeyQueryMetadata queryMetadataForKey(String store, String key) {
            return owners.getOrDefault(key, KeyQueryMetadata.NOT_AVAILABLE);
        }

        @Override
        public Collection<HostInfo> hostsForStore(String store) {
            return hosts;
        }
    }

    private final StubMetadata metadata = new StubMetadata();
    private final QueryRouter router = new QueryRouter(metadata, SELF);

    private static KeyQueryMetadata ownedBy(HostInfo host) {
        return new KeyQueryMetadata(host, Set.of(), 0);
    }

    @Test
    void answersLocallyWhenThisInstanceOwnsTheKey() {
        metadata.owners = Map.of("org:bnpt", ownedBy(SELF));
        assertThat(router.routeKey(STORE, "org:bnpt")).isEqualTo(new Route.Local());
    }

    @Test
    void forwardsToThePeerThatOwnsTheKey() {
        metadata.owners = Map.of("org:bnpt", ownedBy(PEER));
        assertThat(router.routeKey(STORE, "org:bnpt")).isEqualTo(new Route.Remote(PEER));
    }

    @Test
    void isUnavailableWhileKafkaStreamsIsRebalancingEvenIfAnOwnerIsKnown() {
        metadata.owners = Map.of("org:bnpt", ownedBy(SELF));
        metadata.state = KafkaStreams.State.REBALANCING;
        assertThat(router.routeKey(STORE, "org:bnpt")).isInstanceOfSatisfying(Route.Unavailable.class,
                u -> assertThat(u.reason()).contains("REBALANCING"));
        assertThat(router.planAll(STORE)).isInstanceOf(QueryRouter.Plan.Unavailable.class);
    }

    @Test
    void isUnavailableWhenNoOwnerIsKnownForTheKey() {
        assertThat(router.routeKey(STORE, "org:bnpt")).isInstanceOf(Route.Unavailable.class);
        metadata.owners = Map.of("org:bnpt", ownedBy(HostInfo.unavailable()));
        assertThat(router.routeKey(STORE, "org:bnpt")).isInstanceOf(Route.Unavailable.class);
    }

    @Test
    void isUnavailableWhenTheStoreIsUnknownToTheTopology() {
        StreamsMetadataSource nullMetadata = new StubMetadata() {
            @Override
            public KeyQueryMetadata queryMetadataForKey(String store, String key) {
                return null;
            }
        };
        assertThat(new QueryRouter(nullMetadata, SELF).routeKey("no-such-store", "k"))
                .isInstanceOfSatisfying(Route.Unavailable.class, u -> assertThat(u.reason()).contains("no-such-store"));
    }

    @Test
    void gathersAListingFromThisInstanceAndEveryPeerOnce() {
        metadata.hosts = List.of(PEER, SELF, PEER);
        assertThat(router.planAll(STORE)).isEqualTo(new QueryRouter.Plan.Gather(true, List.of(PEER)));
    }

    @Test
    void gathersOnlyFromPeersWhenThisInstanceHasNoPartitionOfTheStore() {
        metadata.hosts = List.of(PEER);
        assertThat(router.planAll(STORE)).isEqualTo(new QueryRouter.Plan.Gather(false, List.of(PEER)));
    }

    @Test
    void refusesAListingWhenNoInstanceReportsTheStoreYet() {
        assertThat(router.planAll(STORE)).isInstanceOf(QueryRouter.Plan.Unavailable.class);
    }

    @Test
    void aSingleInstanceWithoutApplicationServerAnswersEverythingLocallyWhenRunning() {
        QueryRouter single = new QueryRouter(metadata, HostInfo.unavailable());
        assertThat(single.routeKey(STORE, "org:bnpt")).isEqualTo(new Route.Local());
        assertThat(single.planAll(STORE)).isEqualTo(new QueryRouter.Plan.Gather(true, List.of()));
        metadata.state = KafkaStreams.State.PENDING_SHUTDOWN;
        assertThat(single.routeKey(STORE, "org:bnpt")).isInstanceOf(Route.Unavailable.class);
    }
}
