package eu.clusternews.serve.query;

import java.util.List;
import java.util.function.Consumer;

import eu.clusternews.avro.ClusterEvent;
import eu.clusternews.avro.Consortium;
import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.avro.Organisation;
import eu.clusternews.avro.Programme;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * The query port the HTTP API and the dashboard are built on: activity aggregates, enriched news,
 * events, reference data, and live activity changes. Implementations answer completely or say
 * {@link QueryResult.Unavailable}; they never return a partial answer as if it were complete.
 * <p>
 * Listings ({@code all*}, {@link #news}, {@link #events}) never answer {@link QueryResult.NotFound}.
 */
public interface ActivityQueries {

    /** Every aggregate of one kind (all clusters, consortia or programmes), from every instance's partitions. */
    <A extends SpecificRecordBase> QueryResult<List<A>> allActivities(ActivityKind<A> kind);

    /** One entity's activity (a consortium or programme is not found while no news involves it yet). */
    <A extends SpecificRecordBase> QueryResult<A> activity(ActivityKind<A> kind, String id);

    /** Enriched news matching the query, newest first, at most {@code query.limit()} items. */
    QueryResult<List<EnrichedNews>> news(NewsQuery query);

    /** Events matching the query, newest first, at most {@code query.limit()} items. */
    QueryResult<List<ClusterEvent>> events(EventQuery query);

    /** One event (not found when no event has this id, e.g. one merged into another). */
    QueryResult<ClusterEvent> event(String eventId);

    /** Reference data of one organisation (a cluster or another body). */
    QueryResult<Organisation> organisationReference(String organisationId);

    /** Reference data of one consortium: period, budget, members. */
    QueryResult<Consortium> consortiumReference(String consortiumId);

    /** Every consortium of the reference data. */
    QueryResult<List<Consortium>> allConsortiumReferences();

    /** Reference data of one programme: period, budget, parent. */
    QueryResult<Programme> programmeReference(String programmeId);

    /**
     * Calls {@code listener} with each activity change from now on, on a thread of the implementation;
     * the listener must be quick and must not throw. Close the returned handle to stop.
     */
    AutoCloseable onActivityChange(Consumer<ActivityChange> listener);
}
