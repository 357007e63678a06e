package eu.clusternews.serve.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.avro.NewsKind;
import eu.clusternews.serve.fake.InMemoryActivityQueries;
import eu.clusternews.serve.fake.SeedData;
import eu.clusternews.serve.http.ClusterNewsServer;
import eu.clusternews.serve.http.LocalStoreAccess;
import eu.clusternews.serve.query.DateRange;
import eu.clusternews.serve.query.NewsQuery;
import eu.clusternews.serve.query.QueryResult;
import eu.clusternews.serve.streams.StreamsMetadataSource.StoreLayout;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

class DistributedStoreTest {

    private static final String STORE = "cluster-activity-store";
    private static final HostInfo SELF = new HostInfo("127.0.0.1", 8080);
    /** A peer on a port nothing listens on: asking it must fail as "unavailable". */
    private static final HostInfo DEAD_PEER = new HostInfo("127.0.0.1", 1);

    /** Metadata as a test sets it: owners (and partitions) per key, the store's layout. */
    private static StreamsMetadataSource metadata(Map<String, KeyQueryMetadata> owners, StoreLayout layout) {
        return new StreamsMetadataSource() {
            @Override
            public KafkaStreams.State state() {
                return KafkaStreams.State.RUNNING;
            }

            @Override
            public KeyQueryMetadata queryMetadataForKey(String store, String key) {
                return owners.getOrDefault(key, new KeyQueryMetadata(SELF, Set.of(), 0));
            }

            @Override
            public StoreLayout layout(String store) {
                return layout;
            }
        };
    }

    private static KeyQueryMetadata at(HostInfo host, int partition) {
        return new KeyQueryMetadata(host, Set.of(), partition);
    }

    private static ClusterActivity activity(String id) {
        return ClusterActivity.newBuilder()
                .setClusterId(id)
                .setNewsCount(2)
                .setCountsByMonth(Map.of("2017-05", 2L))
                .build();
    }

    /** Local partitions over maps; a partition absent from the map is not queryable here (restoring, or not ours). */
    private static <V> DistributedStore.LocalPartitions<V> partitions(Map<Integer, Map<String, V>> byPartition) {
        return partition -> {
            if (partition == Route.ANY_PARTITION) {
                Map<String, V> all = new HashMap<>();
                byPartition.values().forEach(all::putAll);
                return new MapStore<>(all);
            }
            Map<String, V> values = byPartition.get(partition);
            if (values == null) {
                throw new InvalidStateStoreException(
                        "The specified partition " + partition + " for store " + STORE + " does not exist.");
            }
            return new MapStore<>(values);
        };
    }

    /** The cluster activity store as the instance {@code self} sees it. */
    private static DistributedStore<ClusterActivity> clusters(
            HostInfo self,
            Map<String, KeyQueryMetadata> owners,
            StoreLayout layout,
            DistributedStore.LocalPartitions<ClusterActivity> local) {
        return store(STORE, ClusterActivity.class, self, owners, layout, local);
    }

    /**
     * The cluster activity store of an instance that owns both its partitions, {@code keyOnPartition1} on partition 1;
     * {@code local} holds the partitions it can read (one left out is still restoring).
     */
    private static DistributedStore<ClusterActivity> bothPartitionsHere(
            String keyOnPartition1, Map<Integer, Map<String, ClusterActivity>> local) {
        return clusters(
                SELF,
                Map.of(keyOnPartition1, at(SELF, 1)),
                new StoreLayout(2, Map.of(SELF, Set.of(0, 1))),
                partitions(local));
    }

    /** A store as the instance {@code self} sees it: the owners of keys, the layout, its local partitions. */
    private static <V extends SpecificRecord> DistributedStore<V> store(
            String name,
            Class<V> type,
            HostInfo self,
            Map<String, KeyQueryMetadata> owners,
            StoreLayout layout,
            DistributedStore.LocalPartitions<V> local) {
        return new DistributedStore<>(
                name, type, new QueryRouter(metadata(owners, layout), self), new PeerClient(), local);
    }

    /** Asserts the answer is "unavailable" (never partial, never "not found"), giving the reason expected. */
    private static void assertUnavailable(QueryResult<?> answer, String reason) {
        assertThat(answer)
                .isInstanceOfSatisfying(
                        QueryResult.Unavailable.class,
                        u -> assertThat(u.reason()).contains(reason));
    }

    @Test
    void roundTripsValuesThroughThePeerEncoding() {
        AvroListCodec<ClusterActivity> codec = new AvroListCodec<>(ClusterActivity.class);
        List<ClusterActivity> values = List.of(activity("org:bnpt"), activity("org:zinnae"));
        assertThat(codec.decode(codec.encode(values))).isEqualTo(values);
    }

    @Test
    void answersALocalKeyFromItsPartitionAndAnUnknownKeyAsNotFound() {
        var store = bothPartitionsHere("org:bnpt", Map.of(0, Map.of(), 1, Map.of("org:bnpt", activity("org:bnpt"))));
        assertThat(store.get("org:bnpt", "cluster")).isEqualTo(QueryResult.found(activity("org:bnpt")));
        assertThat(store.get("org:nobody", "cluster")).isInstanceOf(QueryResult.NotFound.class);
    }

    @Test
    void isUnavailableRatherThanPartialWhenAPeerCannotBeReached() {
        var store = clusters(
                SELF,
                Map.of("org:ecict", at(DEAD_PEER, 1)),
                new StoreLayout(2, Map.of(SELF, Set.of(0), DEAD_PEER, Set.of(1))),
                partitions(Map.of(0, Map.of("org:bnpt", activity("org:bnpt")))));
        assertThat(store.all()).isInstanceOf(QueryResult.Unavailable.class);
        assertThat(store.get("org:ecict", "cluster")).isInstanceOf(QueryResult.Unavailable.class);
    }

    @Test
    void isUnavailableWhenTheLocalStoreIsNotQueryable() {
        var store = clusters(SELF, Map.of(), new StoreLayout(1, Map.of(SELF, Set.of(0))), partition -> {
            throw new InvalidStateStoreException("store is migrating");
        });
        assertUnavailable(store.all(), "migrating");
    }

    @Test
    void aPartitionStillRestoringMakesAListingAndItsKeysUnavailableNotPartialOrNotFound() {
        // Kafka Streams' all-partitions view silently leaves out a task that is restoring: partition 1 here
        var store = bothPartitionsHere("org:ecict", Map.of(0, Map.of("org:bnpt", activity("org:bnpt"))));
        assertUnavailable(store.all(), "partition 1");
        assertThat(store.get("org:ecict", "cluster")).isInstanceOf(QueryResult.Unavailable.class);
    }

    /** A peer instance's HTTP server over its own store (set once the server is bound), as the pipeline serves it. */
    private static ClusterNewsServer servePeer(
            AtomicReference<DistributedStore<?>> peerStore, AtomicInteger largestAnswer) {
        LocalStoreAccess access = new LocalStoreAccess() {
            @Override
            public Set<String> servedStores() {
                return Set.of(peerStore.get().name());
            }

            @Override
            public QueryResult<byte[]> localGet(String store, String key) {
                return peerStore.get().localGetEncoded(key);
            }

            @Override
            public QueryResult<byte[]> localAll(String store, Set<Integer> partitions) {
                return count(peerStore.get().localReadEncoded(partitions, null));
            }

            @Override
            @SuppressWarnings("unchecked")
            public QueryResult<byte[]> localSelect(
                    String store, Set<Integer> partitions, Map<String, String> parameters) {
                return count(((DistributedStore<EnrichedNews>) peerStore.get())
                        .localReadEncoded(
                                partitions,
                                StreamsActivityQueries.selection(StreamsActivityQueries.newsQueryFrom(parameters))));
            }

            private QueryResult<byte[]> count(QueryResult<byte[]> answer) {
                if (answer instanceof QueryResult.Found<byte[]> found
                        && peerStore.get().valueType() == EnrichedNews.class) {
                    largestAnswer.accumulateAndGet(
                            new AvroListCodec<>(EnrichedNews.class)
                                    .decode(found.value())
                                    .size(),
                            Math::max);
                }
                return answer;
            }
        };
        return ClusterNewsServer.builder(new InMemoryActivityQueries())
                .host("127.0.0.1")
                .port(0)
                .localStoreAccess(access)
                .start();
    }

    @Test
    void aPeerThatNoLongerOwnsAKeySaysSoAndTheCallerIsUnavailableRatherThanNotFound() {
        HostInfo third = new HostInfo("127.0.0.1", 2);
        AtomicReference<DistributedStore<?>> peerStore = new AtomicReference<>();
        try (ClusterNewsServer peerServer = servePeer(peerStore, new AtomicInteger())) {
            HostInfo peer = new HostInfo("127.0.0.1", peerServer.port());
            // the peer's metadata is newer: the key's partition 1 moved from it to a third instance
            peerStore.set(clusters(
                    peer,
                    Map.of("org:ecict", at(third, 1)),
                    new StoreLayout(2, Map.of(peer, Set.of(0), third, Set.of(1))),
                    partitions(Map.of(0, Map.of()))));
            // the caller still thinks the peer owns the key and partition 1
            var caller = clusters(
                    SELF,
                    Map.of("org:ecict", at(peer, 1)),
                    new StoreLayout(2, Map.of(SELF, Set.of(0), peer, Set.of(1))),
                    partitions(Map.of(0, Map.of())));
            assertUnavailable(caller.get("org:ecict", "cluster"), "no longer owns");
            assertUnavailable(caller.all(), "no longer owns");
        }
    }

    @Test
    void aNewsListingAsksEachPeerForNoMoreThanTheLimitAndStillAnswersTheNewestOfAll() {
        String store = "enriched-news-store";
        Map<String, EnrichedNews> peerNews = new HashMap<>();
        Map<String, EnrichedNews> localNews = new HashMap<>();
        LocalDate day = LocalDate.of(2017, 1, 1);
        for (int i = 0; i < 2_000; i++) {
            EnrichedNews news = SeedData.newsOfBnpt("news:" + i, "Title " + i, day.plusDays(i), NewsKind.TRAINING);
            (i % 2 == 0 ? peerNews : localNews).put("news:" + i, news);
        }
        AtomicReference<DistributedStore<?>> peerStore = new AtomicReference<>();
        AtomicInteger largestPeerAnswer = new AtomicInteger();
        try (ClusterNewsServer peerServer = servePeer(peerStore, largestPeerAnswer)) {
            HostInfo peer = new HostInfo("127.0.0.1", peerServer.port());
            StoreLayout layout = new StoreLayout(2, Map.of(SELF, Set.of(0), peer, Set.of(1)));
            peerStore.set(store(store, EnrichedNews.class, peer, Map.of(), layout, partitions(Map.of(1, peerNews))));
            var caller = store(store, EnrichedNews.class, SELF, Map.of(), layout, partitions(Map.of(0, localNews)));
            NewsQuery latest = new NewsQuery(Optional.empty(), Optional.empty(), DateRange.ANY, Optional.empty(), 5);

            QueryResult<List<EnrichedNews>> answer = caller.select(StreamsActivityQueries.selection(latest));

            List<EnrichedNews> all = new ArrayList<>(peerNews.values());
            all.addAll(localNews.values());
            assertThat(answer).isEqualTo(QueryResult.found(StreamsActivityQueries.select(all, latest)));
            assertThat(((QueryResult.Found<List<EnrichedNews>>) answer).value())
                    .extracting(n -> n.getNews().getId())
                    .containsExactly("news:1999", "news:1998", "news:1997", "news:1996", "news:1995");
            assertThat(largestPeerAnswer.get())
                    .as("news the peer sent for one request of 5")
                    .isEqualTo(5);
        }
    }
}
