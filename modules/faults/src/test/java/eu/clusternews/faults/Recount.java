package eu.clusternews.faults;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.ClusterContribution;
import eu.clusternews.avro.ClusterEvent;
import eu.clusternews.avro.Consortium;
import eu.clusternews.avro.ConsortiumActivity;
import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.avro.EventReport;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.Organisation;
import eu.clusternews.avro.Programme;
import eu.clusternews.avro.ProgrammeActivity;
import eu.clusternews.ingest.reference.ReferenceData;
import eu.clusternews.pipeline.ActivityAggregator;
import eu.clusternews.pipeline.Enricher;
import eu.clusternews.pipeline.EnrichmentBounds;
import eu.clusternews.pipeline.FanOut;
import eu.clusternews.pipeline.ReferenceLookup;
import eu.clusternews.pipeline.events.EventAssembly;
import eu.clusternews.pipeline.events.EventReports;

/**
 * What the aggregates must be, computed from the input in memory without Kafka: each distinct news id counted once
 * (its first arrival), enriched, fanned out (each contribution carrying its entity's display fields) and aggregated
 * by the pipeline's own pure functions ({@link Enricher} within the {@link EnrichmentBounds}, {@link FanOut}, {@link ActivityAggregator}). No broker, state store, transaction or restart is involved, which
 * is what the fault tests put to the test.
 */
final class Recount {

    private Recount() {}

    static ReferenceLookup lookup(ReferenceData reference) {
        return ReferenceLookup.of(
                byId(reference.organisations(), Organisation::getId),
                byId(reference.consortia(), Consortium::getId),
                byId(reference.programmes(), Programme::getId));
    }

    static Aggregates of(Iterable<NewsEvent> input, ReferenceLookup reference) {
        Enricher enricher = new Enricher(reference);
        EnrichmentBounds bounds = new EnrichmentBounds();
        ActivityAggregator aggregator = new ActivityAggregator();
        Map<String, ClusterActivity> clusters = new TreeMap<>();
        Map<String, ConsortiumActivity> consortia = new TreeMap<>();
        Map<String, ProgrammeActivity> programmes = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        List<EventReport> reports = new ArrayList<>();
        long updates = 0;
        for (NewsEvent news : input) {
            if (!seen.add(news.getId())) {
                continue;
            }
            EnrichedNews enriched = bounds.enrich(enricher, news, Instant.EPOCH).enriched();
            EventReports.of(enriched).ifPresent(reports::add);
            for (ClusterContribution c : FanOut.perCluster(enriched, reference)) {
                clusters.put(c.getEntityId(), aggregator.addToCluster(clusters.get(c.getEntityId()), c));
                updates++;
            }
            for (ClusterContribution c : FanOut.perConsortium(enriched, reference)) {
                consortia.put(c.getEntityId(), aggregator.addToConsortium(consortia.get(c.getEntityId()), c));
                updates++;
            }
            for (ClusterContribution c : FanOut.perProgramme(enriched, reference)) {
                programmes.put(c.getEntityId(), aggregator.addToProgramme(programmes.get(c.getEntityId()), c));
                updates++;
            }
        }
        Map<String, ClusterEvent> events = EventRecount.of(reports);
        for (ClusterEvent event : events.values()) {
            String month = EventAssembly.month(event) == null
                    ? null
                    : EventAssembly.month(event).toString();
            countEvent(
                    clusters,
                    event.getClusterIds(),
                    month,
                    ClusterActivity::getEventsByMonth,
                    ClusterActivity::getEventCount,
                    ClusterActivity::setEventCount);
            countEvent(
                    consortia,
                    event.getConsortiumIds(),
                    month,
                    ConsortiumActivity::getEventsByMonth,
                    ConsortiumActivity::getEventCount,
                    ConsortiumActivity::setEventCount);
            countEvent(
                    programmes,
                    event.getProgrammeIds(),
                    month,
                    ProgrammeActivity::getEventsByMonth,
                    ProgrammeActivity::getEventCount,
                    ProgrammeActivity::setEventCount);
        }
        return new Aggregates(clusters, consortia, programmes, events, updates);
    }

    /** Each entity of an event counts it once, in the event's month (the entities all have news: they come from them). */
    private static <A> void countEvent(
            Map<String, A> activities,
            List<String> ids,
            String month,
            Function<A, Map<String, Long>> byMonth,
            Function<A, Long> count,
            BiConsumer<A, Long> setCount) {
        for (String id : ids) {
            A activity = activities.get(id);
            setCount.accept(activity, count.apply(activity) + 1);
            if (month != null) {
                byMonth.apply(activity).merge(month, 1L, Long::sum);
            }
        }
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
