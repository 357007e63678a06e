package eu.clusternews.serve.query;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

import eu.clusternews.avro.ClusterEvent;
import eu.clusternews.avro.NewsKind;

/**
 * Filters for an events listing. Every filter is optional and all must match; the answer is newest first (by the
 * event's {@link #day}, undated events last, ties by id), at most {@code limit} items.
 * <p>
 * {@code period} keeps events whose own period overlaps it: the period is the event's
 * {@code start..end} when a report dates it, else the publication dates of its reports
 * ({@code firstReportedAt..lastReportedAt}); an event with neither is left out, as it cannot be placed in the range.
 *
 * @param clusterId    events involving this cluster
 * @param consortiumId events involving this consortium
 * @param programmeId  events involving this programme
 * @param kind         events of this kind
 * @param period       events not over before its first day and not begun after its last
 * @param language     events with at least one report in this ISO 639-1 language (lower case)
 * @param limit        maximum number of items, 1..{@link ListingLimit#MAX}
 */
public record EventQuery(
        Optional<String> clusterId,
        Optional<String> consortiumId,
        Optional<String> programmeId,
        Optional<NewsKind> kind,
        DateRange period,
        Optional<String> language,
        int limit) {

    /** How many events a cluster, consortium or programme detail lists. */
    public static final int DETAIL_LIMIT = 20;

    /** Newest first: the event's day descending, undated last, then id. */
    public static final Comparator<ClusterEvent> NEWEST_FIRST = Comparator.comparing(
                    EventQuery::day, Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
            .thenComparing(ClusterEvent::getId);

    public EventQuery {
        ListingLimit.check(limit);
    }

    /** The newest events of one cluster, as its detail lists them. */
    public static EventQuery ofCluster(String clusterId) {
        return ofDetail(Optional.of(clusterId), Optional.empty(), Optional.empty());
    }

    /** The newest events of one consortium, as its detail lists them. */
    public static EventQuery ofConsortium(String consortiumId) {
        return ofDetail(Optional.empty(), Optional.of(consortiumId), Optional.empty());
    }

    /** The newest events of one programme, as its detail lists them. */
    public static EventQuery ofProgramme(String programmeId) {
        return ofDetail(Optional.empty(), Optional.empty(), Optional.of(programmeId));
    }

    private static EventQuery ofDetail(
            Optional<String> clusterId, Optional<String> consortiumId, Optional<String> programmeId) {
        return new EventQuery(
                clusterId, consortiumId, programmeId, Optional.empty(), DateRange.ANY, Optional.empty(), DETAIL_LIMIT);
    }

    /** The day an event is placed at: its first day, else its first report's publication date; null when neither. */
    public static LocalDate day(ClusterEvent event) {
        return event.getStart() != null ? event.getStart() : event.getFirstReportedAt();
    }

    /** Whether the event passes every filter (the limit aside). */
    public boolean matches(ClusterEvent event) {
        return (clusterId.isEmpty() || event.getClusterIds().contains(clusterId.get()))
                && (consortiumId.isEmpty() || event.getConsortiumIds().contains(consortiumId.get()))
                && (programmeId.isEmpty() || event.getProgrammeIds().contains(programmeId.get()))
                && (kind.isEmpty() || kind.get() == event.getKind())
                && (language.isEmpty() || event.getLanguages().contains(language.get()))
                && period.overlaps(day(event), lastDay(event));
    }

    /** The day an event is over: its last day, else its last report's publication date; null when undated. */
    private static LocalDate lastDay(ClusterEvent event) {
        return event.getStart() != null
                ? (event.getEnd() != null ? event.getEnd() : event.getStart())
                : (event.getLastReportedAt() != null ? event.getLastReportedAt() : event.getFirstReportedAt());
    }

    /** The filter as a predicate, for selections. */
    public Predicate<ClusterEvent> filter() {
        return this::matches;
    }

    /** The matching events newest first, at most {@code limit}. */
    public List<ClusterEvent> select(List<ClusterEvent> events) {
        return events.stream()
                .filter(this::matches)
                .sorted(NEWEST_FIRST)
                .limit(limit)
                .toList();
    }

    /** The query as text parameters a peer instance rebuilds it from ({@link #fromParameters}). */
    public Map<String, String> parameters() {
        Map<String, String> parameters = new TreeMap<>();
        clusterId.ifPresent(v -> parameters.put("cluster", v));
        consortiumId.ifPresent(v -> parameters.put("consortium", v));
        programmeId.ifPresent(v -> parameters.put("programme", v));
        kind.ifPresent(v -> parameters.put("kind", v.name()));
        period.addTo(parameters);
        language.ifPresent(v -> parameters.put("language", v));
        parameters.put("limit", Integer.toString(limit));
        return parameters;
    }

    /**
     * The query {@link #parameters} describe.
     *
     * @throws IllegalArgumentException when they do not describe one
     */
    public static EventQuery fromParameters(Map<String, String> parameters) {
        try {
            return new EventQuery(
                    Optional.ofNullable(parameters.get("cluster")),
                    Optional.ofNullable(parameters.get("consortium")),
                    Optional.ofNullable(parameters.get("programme")),
                    Optional.ofNullable(parameters.get("kind")).map(NewsKind::valueOf),
                    DateRange.ofParameters(parameters),
                    Optional.ofNullable(parameters.get("language")),
                    Integer.parseInt(parameters.getOrDefault("limit", Integer.toString(ListingLimit.DEFAULT))));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an event selection: " + parameters + ": " + e.getMessage(), e);
        }
    }
}
