package eu.clusternews.serve.streams;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import eu.clusternews.avro.ClusterEvent;
import eu.clusternews.avro.ClusterInvolvement;
import eu.clusternews.avro.Consortium;
import eu.clusternews.avro.EnrichedConsortium;
import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.Organisation;
import eu.clusternews.avro.Programme;
import eu.clusternews.pipeline.ClusterNewsTopology;
import eu.clusternews.serve.http.LocalStoreAccess;
import eu.clusternews.serve.query.ActivityChange;
import eu.clusternews.serve.query.ActivityKind;
import eu.clusternews.serve.query.ActivityQueries;
import eu.clusternews.serve.query.DateRange;
import eu.clusternews.serve.query.EventQuery;
import eu.clusternews.serve.query.ListingLimit;
import eu.clusternews.serve.query.NewsQuery;
import eu.clusternews.serve.query.QueryResult;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/**
 * {@link ActivityQueries} over Kafka Streams interactive queries: activity and news stores are
 * partitioned over the instances (answered by their owners, gathered for listings), reference data
 * comes from global stores every instance holds. Also serves this instance's partitions to peers
 * ({@link LocalStoreAccess}): pass it to the server's {@code localStoreAccess}.
 * <p>
 * {@code /api/news} pushes its filter and limit down to the instances: each reads its partitions and sends at most
 * {@code limit} news, the best ones first; this instance merges them. The read still scans each partition (no index
 * by date yet), but no request moves the whole news history over the network or holds it in memory. {@code /api/events}
 * does the same over the events store, which lives on one partition, so one instance answers it.
 */
public final class StreamsActivityQueries implements ActivityQueries, LocalStoreAccess {

    /** The names of the stores to read; the topology owns them. */
    public record StoreNames(
            String clusterActivity,
            String consortiumActivity,
            String programmeActivity,
            String enrichedNews,
            String events,
            String organisations,
            String consortia,
            String programmes) {

        /** The stores of the pipeline's topology ({@link ClusterNewsTopology}). */
        public static StoreNames ofPipeline() {
            return new StoreNames(
                    ClusterNewsTopology.CLUSTER_ACTIVITY_STORE,
                    ClusterNewsTopology.CONSORTIUM_ACTIVITY_STORE,
                    ClusterNewsTopology.PROGRAMME_ACTIVITY_STORE,
                    ClusterNewsTopology.ENRICHED_NEWS_STORE,
                    ClusterNewsTopology.EVENTS_STORE,
                    ClusterNewsTopology.ORGANISATIONS_STORE,
                    ClusterNewsTopology.CONSORTIA_STORE,
                    ClusterNewsTopology.PROGRAMMES_STORE);
        }
    }

    private final Map<ActivityKind<?>, DistributedStore<?>> activities;
    private final DistributedStore<EnrichedNews> news;
    private final DistributedStore<ClusterEvent> events;
    private final GlobalStoreReader<Organisation> organisationReferences;
    private final GlobalStoreReader<Consortium> consortiumReferences;
    private final GlobalStoreReader<Programme> programmeReferences;
    private final Map<String, DistributedStore<?>> served;
    private final ActivityChangeFeed feed;

    /**
     * @param streams the running topology's Kafka Streams
     * @param self    this instance's {@code application.server} ({@link #selfFrom} reads it from the config);
     *                {@link HostInfo#unavailable()} for a single instance without one
     * @param names   the store names of the topology
     * @param feed    source of live changes; null for none
     */
    public StreamsActivityQueries(KafkaStreams streams, HostInfo self, StoreNames names, ActivityChangeFeed feed) {
        QueryRouter router = new QueryRouter(StreamsMetadataSource.of(streams), self);
        PeerClient peers = new PeerClient();
        Map<ActivityKind<?>, String> activityStores = Map.of(
                ActivityKind.CLUSTER, names.clusterActivity(),
                ActivityKind.CONSORTIUM, names.consortiumActivity(),
                ActivityKind.PROGRAMME, names.programmeActivity());
        Map<ActivityKind<?>, DistributedStore<?>> activities = new HashMap<>();
        activityStores.forEach(
                (kind, store) -> activities.put(kind, DistributedStore.of(streams, store, kind.type(), router, peers)));
        this.activities = Map.copyOf(activities);
        this.news = DistributedStore.of(streams, names.enrichedNews(), EnrichedNews.class, router, peers);
        this.events = DistributedStore.of(streams, names.events(), ClusterEvent.class, router, peers);
        this.organisationReferences = GlobalStoreReader.of(streams, names.organisations());
        this.consortiumReferences = GlobalStoreReader.of(streams, names.consortia());
        this.programmeReferences = GlobalStoreReader.of(streams, names.programmes());
        this.served = Stream.concat(activities.values().stream(), Stream.of(news, events))
                .collect(Collectors.toUnmodifiableMap(DistributedStore::name, Function.identity()));
        this.feed = feed;
    }

    /** This instance's address from the Streams config's {@code application.server}, or "unavailable" when unset. */
    public static HostInfo selfFrom(Map<?, ?> streamsConfig) {
        Object server = streamsConfig.get(StreamsConfig.APPLICATION_SERVER_CONFIG);
        return server == null || server.toString().isBlank()
                ? HostInfo.unavailable()
                : HostInfo.buildFromEndpoint(server.toString());
    }

    @Override
    public <A extends SpecificRecordBase> QueryResult<List<A>> allActivities(ActivityKind<A> kind) {
        return activityStore(kind).all();
    }

    @Override
    public <A extends SpecificRecordBase> QueryResult<A> activity(ActivityKind<A> kind, String id) {
        return activityStore(kind).get(id, kind.name());
    }

    @SuppressWarnings("unchecked") // the constructor files each kind's store, of that kind's type, under the kind
    private <A extends SpecificRecordBase> DistributedStore<A> activityStore(ActivityKind<A> kind) {
        return (DistributedStore<A>) activities.get(kind);
    }

    @Override
    public QueryResult<List<EnrichedNews>> news(NewsQuery query) {
        return news.select(selection(query));
    }

    @Override
    public QueryResult<List<ClusterEvent>> events(EventQuery query) {
        return events.select(selection(query));
    }

    @Override
    public QueryResult<ClusterEvent> event(String eventId) {
        return events.get(eventId, "event");
    }

    /** The event query as a selection a peer can rebuild ({@link EventQuery#fromParameters}). */
    static DistributedStore.Selection<ClusterEvent> selection(EventQuery query) {
        return new DistributedStore.Selection<>(
                query.filter(), EventQuery.NEWEST_FIRST, query.limit(), query.parameters());
    }

    /** Newest publication first, undated last, then latest ingested, then id. */
    private static final Comparator<EnrichedNews> NEWEST_FIRST = Comparator.comparing(
            EnrichedNews::getNews,
            Comparator.comparing(
                            NewsEvent::getPublishedAt,
                            Comparator.nullsLast(Comparator.<java.time.LocalDate>reverseOrder()))
                    .thenComparing(NewsEvent::getIngestedAt, Comparator.reverseOrder())
                    .thenComparing(NewsEvent::getId));

    /** Filters and orders news: newest publication first, undated last, then latest ingested, then id. */
    public static List<EnrichedNews> select(List<EnrichedNews> all, NewsQuery query) {
        return all.stream()
                .filter(matches(query))
                .sorted(NEWEST_FIRST)
                .limit(query.limit())
                .toList();
    }

    private static java.util.function.Predicate<EnrichedNews> matches(NewsQuery query) {
        return n -> (query.clusterId().isEmpty()
                        || n.getClusters().stream()
                                .map(ClusterInvolvement::getClusterId)
                                .anyMatch(query.clusterId().get()::equals))
                && (query.consortiumId().isEmpty()
                        || mentionsConsortium(n, query.consortiumId().get()))
                && (query.kind().isEmpty() || query.kind().get() == n.getNews().getKind())
                && query.published().contains(n.getNews().getPublishedAt());
    }

    /** The query as a selection a peer can rebuild ({@link #newsQueryFrom}). */
    static DistributedStore.Selection<EnrichedNews> selection(NewsQuery query) {
        Map<String, String> parameters = new java.util.TreeMap<>();
        query.clusterId().ifPresent(v -> parameters.put("cluster", v));
        query.consortiumId().ifPresent(v -> parameters.put("consortium", v));
        query.published().addTo(parameters);
        query.kind().ifPresent(v -> parameters.put("kind", v.name()));
        parameters.put("limit", Integer.toString(query.limit()));
        return new DistributedStore.Selection<>(matches(query), NEWEST_FIRST, query.limit(), parameters);
    }

    /** The news query a peer sent as {@link #selection} parameters. */
    static NewsQuery newsQueryFrom(Map<String, String> parameters) {
        try {
            return new NewsQuery(
                    java.util.Optional.ofNullable(parameters.get("cluster")),
                    java.util.Optional.ofNullable(parameters.get("consortium")),
                    DateRange.ofParameters(parameters),
                    java.util.Optional.ofNullable(parameters.get("kind")).map(eu.clusternews.avro.NewsKind::valueOf),
                    Integer.parseInt(parameters.getOrDefault("limit", Integer.toString(ListingLimit.DEFAULT))));
        } catch (RuntimeException e) {
            throw new eu.clusternews.serve.http.BadRequestException(
                    "not a news selection: " + parameters + ": " + e.getMessage());
        }
    }

    private static boolean mentionsConsortium(EnrichedNews news, String consortiumId) {
        return news.getNews().getConsortiumIds().contains(consortiumId)
                || news.getConsortia().stream().map(EnrichedConsortium::getId).anyMatch(consortiumId::equals);
    }

    @Override
    public QueryResult<Organisation> organisationReference(String organisationId) {
        return organisationReferences.get(organisationId, "organisation");
    }

    @Override
    public QueryResult<Consortium> consortiumReference(String consortiumId) {
        return consortiumReferences.get(consortiumId, "consortium");
    }

    @Override
    public QueryResult<List<Consortium>> allConsortiumReferences() {
        return consortiumReferences.all();
    }

    @Override
    public QueryResult<Programme> programmeReference(String programmeId) {
        return programmeReferences.get(programmeId, "programme");
    }

    @Override
    public AutoCloseable onActivityChange(Consumer<ActivityChange> listener) {
        return feed == null ? () -> {} : feed.subscribe(listener);
    }

    @Override
    public Set<String> servedStores() {
        return served.keySet();
    }

    @Override
    public QueryResult<byte[]> localGet(String store, String key) {
        return storeNamed(store).localGetEncoded(key);
    }

    @Override
    public QueryResult<byte[]> localAll(String store, Set<Integer> partitions) {
        return storeNamed(store).localReadEncoded(partitions, null);
    }

    @Override
    public QueryResult<byte[]> localSelect(String store, Set<Integer> partitions, Map<String, String> parameters) {
        DistributedStore<?> named = storeNamed(store);
        if (named.equals(news)) {
            return news.localReadEncoded(partitions, selection(newsQueryFrom(parameters)));
        }
        if (named.equals(events)) {
            return events.localReadEncoded(partitions, selection(eventQueryFrom(parameters)));
        }
        throw new eu.clusternews.serve.http.BadRequestException(
                "store '" + store + "' has no selections; only '" + news.name() + "' and '" + events.name() + "' have");
    }

    private static EventQuery eventQueryFrom(Map<String, String> parameters) {
        try {
            return EventQuery.fromParameters(parameters);
        } catch (IllegalArgumentException e) {
            throw new eu.clusternews.serve.http.BadRequestException(e.getMessage());
        }
    }

    private DistributedStore<?> storeNamed(String store) {
        return Objects.requireNonNull(served.get(store), () -> "no served store named '" + store + "'");
    }
}
