package eu.clusternews.serve.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import eu.clusternews.serve.streams.StreamsMetadataSource.StoreLayout;
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
        StoreLayout layout;

        @Override
        public KafkaStreams.State state() {
            return state;
        }

        @Override
        public KeyQueryMetadata queryMetadataForKey(String store, String key) {
            return owners.getOrDefault(key, KeyQueryMetadata.NOT_AVAILABLE);
        }

        @Override
        public StoreLayout layout(String store) {
            return layout;
        }
    }

    private final StubMetadata metadata = new StubMetadata();
    private final QueryRouter router = new QueryRouter(metadata, SELF);

    private static final HostInfo THIRD = new HostInfo("127.0.0.1", 8082);

    private static KeyQueryMetadata ownedBy(HostInfo host) {
        return new KeyQueryMetadata(host, Set.of(), 0);
    }

    @Test
    void answersLocallyWhenThisInstanceOwnsTheKey() {
        metadata.owners = Map.of("org:bnpt", ownedBy(SELF));
        assertThat(router.routeKey(STORE, "org:bnpt")).isEqualTo(new Route.Local(0));
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
        assertThat(router.routeKey(STORE, "org:bnpt"))
                .isInstanceOfSatisfying(
                        Route.Unavailable.class, u -> assertThat(u.reason()).contains("REBALANCING"));
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
                .isInstanceOfSatisfying(
                        Route.Unavailable.class, u -> assertThat(u.reason()).contains("no-such-store"));
    }

    @Test
    void gathersAListingFromThisInstanceAndEveryPeerAskingEachForExactlyItsPartitions() {
        metadata.layout = new StoreLayout(4, Map.of(SELF, Set.of(0, 3), PEER, Set.of(1, 2)));
        assertThat(router.planAll(STORE))
                .isEqualTo(new QueryRouter.Plan.Gather(Set.of(0, 3), Map.of(PEER, Set.of(1, 2))));
    }

    @Test
    void gathersOnlyFromPeersWhenThisInstanceHasNoPartitionOfTheStore() {
        metadata.layout = new StoreLayout(2, Map.of(PEER, Set.of(0), THIRD, Set.of(1), SELF, Set.of()));
        assertThat(router.planAll(STORE))
                .isEqualTo(new QueryRouter.Plan.Gather(Set.of(), Map.of(PEER, Set.of(0), THIRD, Set.of(1))));
    }

    @Test
    void refusesAListingWhenAPartitionHasNoActiveInstanceEvenThoughEveryListedHostAnswers() {
        // the instance that held partition 2 was killed and the group has not noticed yet, or it left and its
        // partitions are not reassigned: the hosts that answer do not cover the store
        metadata.layout = new StoreLayout(3, Map.of(SELF, Set.of(0), PEER, Set.of(1)));
        assertThat(router.planAll(STORE))
                .isInstanceOfSatisfying(
                        QueryRouter.Plan.Unavailable.class,
                        u -> assertThat(u.reason()).contains("partitions [2]", STORE));
    }

    @Test
    void refusesAListingWhenTwoInstancesClaimTheSamePartition() {
        metadata.layout = new StoreLayout(2, Map.of(SELF, Set.of(0, 1), PEER, Set.of(1)));
        assertThat(router.planAll(STORE))
                .isInstanceOfSatisfying(
                        QueryRouter.Plan.Unavailable.class,
                        u -> assertThat(u.reason()).contains("partition 1"));
    }

    @Test
    void refusesAListingWhenNoInstanceReportsTheStoreYet() {
        assertThat(router.planAll(STORE)).isInstanceOf(QueryRouter.Plan.Unavailable.class);
    }

    @Test
    void aSingleInstanceWithoutApplicationServerAnswersEverythingLocallyWhenRunning() {
        QueryRouter single = new QueryRouter(metadata, HostInfo.unavailable());
        metadata.layout = new StoreLayout(3, Map.of());
        assertThat(single.routeKey(STORE, "org:bnpt")).isEqualTo(new Route.Local(Route.ANY_PARTITION));
        assertThat(single.planAll(STORE)).isEqualTo(new QueryRouter.Plan.Gather(Set.of(0, 1, 2), Map.of()));
        metadata.state = KafkaStreams.State.PENDING_SHUTDOWN;
        assertThat(single.routeKey(STORE, "org:bnpt")).isInstanceOf(Route.Unavailable.class);
    }
}
