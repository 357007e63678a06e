package eu.clusternews.serve.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.ClusterEvent;
import eu.clusternews.avro.Consortium;
import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.avro.Organisation;
import eu.clusternews.avro.Programme;
import eu.clusternews.serve.query.ActivityChange;
import eu.clusternews.serve.query.ActivityKind;
import eu.clusternews.serve.query.ActivityQueries;
import eu.clusternews.serve.query.EventQuery;
import eu.clusternews.serve.query.NewsQuery;
import eu.clusternews.serve.query.QueryResult;
import eu.clusternews.serve.streams.StreamsActivityQueries;
import org.apache.avro.specific.SpecificRecordBase;

/** The query port over maps, for API and browser tests: data is set directly, changes are fired by hand. */
public final class InMemoryActivityQueries implements ActivityQueries {

    private final Map<ActivityKind<?>, Map<String, SpecificRecordBase>> activities = Map.of(
            ActivityKind.CLUSTER, new ConcurrentHashMap<>(),
            ActivityKind.CONSORTIUM, new ConcurrentHashMap<>(),
            ActivityKind.PROGRAMME, new ConcurrentHashMap<>());
    private final Map<String, EnrichedNews> news = new ConcurrentHashMap<>();
    private final Map<String, ClusterEvent> events = new ConcurrentHashMap<>();
    private final Map<String, Organisation> organisationReferences = new ConcurrentHashMap<>();
    private final Map<String, Consortium> consortiumReferences = new ConcurrentHashMap<>();
    private final Map<String, Programme> programmeReferences = new ConcurrentHashMap<>();
    private final List<Consumer<ActivityChange>> listeners = new CopyOnWriteArrayList<>();
    private volatile String unavailableReason;

    public <A extends SpecificRecordBase> void put(ActivityKind<A> kind, A activity) {
        activities.get(kind).put(kind.id().apply(activity), activity);
    }

    public void put(EnrichedNews item) {
        news.put(item.getNews().getId(), item);
    }

    public void put(ClusterEvent event) {
        events.put(event.getId(), event);
    }

    public void put(Organisation organisation) {
        organisationReferences.put(organisation.getId(), organisation);
    }

    public void put(Consortium consortium) {
        consortiumReferences.put(consortium.getId(), consortium);
    }

    public void put(Programme programme) {
        programmeReferences.put(programme.getId(), programme);
    }

    /** The cluster's activity as stored, for tests that change it; null when none is. */
    public ClusterActivity storedCluster(String clusterId) {
        return (ClusterActivity) activities.get(ActivityKind.CLUSTER).get(clusterId);
    }

    /** Stores the new activity and tells the listeners, like the pipeline emitting an update. */
    public void change(ClusterActivity activity) {
        put(ActivityKind.CLUSTER, activity);
        listeners.forEach(l -> l.accept(ActivityChange.of(activity)));
    }

    /** Every query answers "unavailable" (as during a rebalance) until {@link #recover()}. */
    public void rebalance(String reason) {
        unavailableReason = reason;
    }

    public void recover() {
        unavailableReason = null;
    }

    public int listenerCount() {
        return listeners.size();
    }

    private <T> QueryResult<T> answer(T value, String what) {
        if (unavailableReason != null) {
            return QueryResult.unavailable(unavailableReason);
        }
        return value == null ? QueryResult.notFound("no " + what) : QueryResult.found(value);
    }

    @Override
    public <A extends SpecificRecordBase> QueryResult<List<A>> allActivities(ActivityKind<A> kind) {
        return answer(
                activities.get(kind).values().stream().map(kind.type()::cast).toList(), kind.name() + " activities");
    }

    @Override
    public <A extends SpecificRecordBase> QueryResult<A> activity(ActivityKind<A> kind, String id) {
        return answer(kind.type().cast(activities.get(kind).get(id)), kind.name() + " with id '" + id + "'");
    }

    @Override
    public QueryResult<List<EnrichedNews>> news(NewsQuery query) {
        return answer(StreamsActivityQueries.select(new ArrayList<>(news.values()), query), "news");
    }

    @Override
    public QueryResult<List<ClusterEvent>> events(EventQuery query) {
        return answer(query.select(new ArrayList<>(events.values())), "events");
    }

    @Override
    public QueryResult<ClusterEvent> event(String eventId) {
        return answer(events.get(eventId), "event with id '" + eventId + "'");
    }

    @Override
    public QueryResult<Organisation> organisationReference(String organisationId) {
        return answer(organisationReferences.get(organisationId), "organisation with id '" + organisationId + "'");
    }

    @Override
    public QueryResult<Consortium> consortiumReference(String consortiumId) {
        return answer(consortiumReferences.get(consortiumId), "consortium with id '" + consortiumId + "'");
    }

    @Override
    public QueryResult<List<Consortium>> allConsortiumReferences() {
        return answer(new ArrayList<>(consortiumReferences.values()), "consortia");
    }

    @Override
    public QueryResult<Programme> programmeReference(String programmeId) {
        return answer(programmeReferences.get(programmeId), "programme with id '" + programmeId + "'");
    }

    @Override
    public AutoCloseable onActivityChange(Consumer<ActivityChange> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
