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
import eu.clusternews.avro.ConsortiumActivity;
import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.avro.Organisation;
import eu.clusternews.avro.Programme;
import eu.clusternews.avro.ProgrammeActivity;
import eu.clusternews.serve.query.ActivityChange;
import eu.clusternews.serve.query.ActivityQueries;
import eu.clusternews.serve.query.EventQuery;
import eu.clusternews.serve.query.NewsQuery;
import eu.clusternews.serve.query.QueryResult;
import eu.clusternews.serve.streams.StreamsActivityQueries;

/** The query port over maps, for API and browser tests: data is set directly, changes are fired by hand. */
public final class InMemoryActivityQueries implements ActivityQueries {

    private final Map<String, ClusterActivity> clusters = new ConcurrentHashMap<>();
    private final Map<String, ConsortiumActivity> consortia = new ConcurrentHashMap<>();
    private final Map<String, ProgrammeActivity> programmes = new ConcurrentHashMap<>();
    private final Map<String, EnrichedNews> news = new ConcurrentHashMap<>();
    private final Map<String, ClusterEvent> events = new ConcurrentHashMap<>();
    private final Map<String, Organisation> organisationReferences = new ConcurrentHashMap<>();
    private final Map<String, Consortium> consortiumReferences = new ConcurrentHashMap<>();
    private final Map<String, Programme> programmeReferences = new ConcurrentHashMap<>();
    private final List<Consumer<ActivityChange>> listeners = new CopyOnWriteArrayList<>();
    private volatile String unavailableReason;

    public void put(ClusterActivity activity) {
        clusters.put(activity.getClusterId(), activity);
    }

    public void put(ConsortiumActivity activity) {
        consortia.put(activity.getConsortiumId(), activity);
    }

    public void put(ProgrammeActivity activity) {
        programmes.put(activity.getProgrammeId(), activity);
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

    /** Stores the new activity and tells the listeners, like the pipeline emitting an update. */
    public void change(ClusterActivity activity) {
        put(activity);
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
    public QueryResult<List<ClusterActivity>> allClusters() {
        return answer(new ArrayList<>(clusters.values()), "clusters");
    }

    @Override
    public QueryResult<ClusterActivity> cluster(String clusterId) {
        return answer(clusters.get(clusterId), "cluster with id '" + clusterId + "'");
    }

    @Override
    public QueryResult<List<ConsortiumActivity>> allConsortia() {
        return answer(new ArrayList<>(consortia.values()), "consortia");
    }

    @Override
    public QueryResult<ConsortiumActivity> consortium(String consortiumId) {
        return answer(consortia.get(consortiumId), "consortium with id '" + consortiumId + "'");
    }

    @Override
    public QueryResult<List<ProgrammeActivity>> allProgrammes() {
        return answer(new ArrayList<>(programmes.values()), "programmes");
    }

    @Override
    public QueryResult<ProgrammeActivity> programme(String programmeId) {
        return answer(programmes.get(programmeId), "programme with id '" + programmeId + "'");
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
