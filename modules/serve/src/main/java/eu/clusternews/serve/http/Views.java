package eu.clusternews.serve.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.ClusterEvent;
import eu.clusternews.avro.ClusterInvolvement;
import eu.clusternews.avro.Consortium;
import eu.clusternews.avro.ConsortiumActivity;
import eu.clusternews.avro.EnrichedConsortium;
import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.avro.EventReport;
import eu.clusternews.avro.Headline;
import eu.clusternews.avro.Location;
import eu.clusternews.avro.Member;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.Organisation;
import eu.clusternews.avro.OrganisationRef;
import eu.clusternews.avro.Programme;
import eu.clusternews.avro.ProgrammeActivity;
import eu.clusternews.avro.ProgrammeRef;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * The JSON shapes of the API (documented in API.md): records whose component names are the field
 * names, so renaming a component is an API change. Dates are ISO strings (yyyy-MM-dd, instants in UTC),
 * absent values are null, maps are sorted by key.
 */
public final class Views {

    private Views() {}

    /** One cluster's activity. */
    public record ClusterView(
            String id,
            String name,
            String country,
            long newsCount,
            long eventCount,
            String firstPublishedAt,
            String lastPublishedAt,
            long undatedCount,
            SortedMap<String, Long> countsByRole,
            SortedMap<String, Long> countsByKind,
            SortedMap<String, Long> countsByMonth,
            SortedMap<String, Long> eventsByMonth,
            List<String> consortiumIds,
            List<String> programmeIds,
            List<String> clusterIds,
            List<HeadlineView> recentHeadlines) {}

    /** Activity of a consortium or programme (the aggregate without cluster-only fields). */
    public record ActivityView(
            long newsCount,
            long eventCount,
            String firstPublishedAt,
            String lastPublishedAt,
            long undatedCount,
            SortedMap<String, Long> countsByKind,
            SortedMap<String, Long> countsByMonth,
            SortedMap<String, Long> eventsByMonth,
            List<String> consortiumIds,
            List<String> programmeIds,
            List<String> clusterIds,
            List<HeadlineView> recentHeadlines) {}

    /** A news item as listed among recent headlines. */
    public record HeadlineView(String newsId, String title, String publishedAt, String kind, String url) {}

    /** One month of a timeline. */
    public record MonthCount(String month, long count) {}

    /** Reference data of an organisation. */
    public record OrganisationView(
            String id,
            String name,
            String legalName,
            String shortName,
            String type,
            String country,
            String region,
            String city,
            String website) {}

    /** A programme without its parents. */
    public record ProgrammeSummary(
            String id, String name, String shortName, String periodStart, String periodEnd, Double budgetEur) {}

    /** A member of a consortium, with the member's name and country when the reference data knows them. */
    public record MemberView(
            String organisationId, String name, String country, String role, List<String> workPackages) {}

    /** A consortium: reference metadata, the funding programme chain, and its news activity (null when none). */
    public record ConsortiumView(
            String id,
            String acronym,
            String fullTitle,
            String programmeId,
            List<ProgrammeSummary> programmeChain,
            String callId,
            String coordinatorId,
            String startMonth,
            String endMonth,
            Double totalBudgetEur,
            Double euContributionEur,
            List<String> countries,
            List<MemberView> members,
            ActivityView activity,
            List<EventView> events) {}

    /** A programme: reference metadata, its parent chain, the consortia it funds, and its news activity. */
    public record ProgrammeView(
            String id,
            String name,
            String shortName,
            String type,
            String parentId,
            List<ProgrammeSummary> parents,
            String periodStart,
            String periodEnd,
            Double budgetEur,
            String successorId,
            List<String> consortiumIds,
            ActivityView activity,
            List<EventView> events) {}

    /** Everything about one cluster. */
    public record ClusterDetailView(
            ClusterView cluster,
            OrganisationView organisation,
            List<MonthCount> timeline,
            List<HeadlineView> recentNews,
            List<EventView> events,
            List<ConsortiumView> consortia) {}

    /** A cluster involved in a news item. */
    public record InvolvementView(String clusterId, List<String> roles, List<String> viaConsortiumIds) {}

    /** A location of an event. */
    public record LocationView(String city, String country) {}

    /** A reference to a consortium inside a news item. */
    public record ConsortiumRefView(String id, String acronym, String programmeId) {}

    /** A reference to an organisation inside a news item. */
    public record OrganisationRefView(String id, String name, String type, String country) {}

    /** One enriched news item (without its body text). */
    public record NewsView(
            String id,
            String title,
            String url,
            String source,
            String language,
            String kind,
            String publishedAt,
            String eventStart,
            String eventEnd,
            LocationView location,
            String publisherId,
            List<InvolvementView> clusters,
            List<ConsortiumRefView> consortia,
            List<ProgrammeSummary> programmes,
            List<OrganisationRefView> organisations,
            List<String> unresolvedIds,
            String enrichedAt) {}

    /**
     * One report of an event: the news, and what it alone says about the event.
     *
     * @param publisherName the publisher's name from the reference data; null when unknown
     */
    public record EventReportView(
            String newsId,
            String title,
            String language,
            String publisherId,
            String publisherName,
            String publishedAt,
            String url,
            String kind,
            String eventStart,
            String eventEnd,
            LocationView location) {}

    /** One event merged from every news that reports it. */
    public record EventView(
            String id,
            String kind,
            String start,
            String end,
            LocationView location,
            List<String> consortiumIds,
            List<String> clusterIds,
            List<String> programmeIds,
            List<String> languages,
            String firstReportedAt,
            String lastReportedAt,
            int reportCount,
            List<EventReportView> reports) {}

    /** An activity change as sent over server-sent events. */
    public record ActivityChangeView(String entity, String id, Object activity) {}

    public static ClusterView cluster(ClusterActivity a) {
        ActivityView v = activity(a);
        return new ClusterView(
                a.getClusterId(),
                a.getName(),
                a.getCountry(),
                v.newsCount(),
                v.eventCount(),
                v.firstPublishedAt(),
                v.lastPublishedAt(),
                v.undatedCount(),
                sorted(a.getCountsByRole()),
                v.countsByKind(),
                v.countsByMonth(),
                v.eventsByMonth(),
                v.consortiumIds(),
                v.programmeIds(),
                v.clusterIds(),
                v.recentHeadlines());
    }

    /**
     * The activity of any aggregate ({@link ClusterActivity}, {@link ConsortiumActivity}, {@link ProgrammeActivity}).
     * Their schemas (schemas/*Activity.avsc) declare these fields with the same names and types, so one reading by
     * name serves all three and a field added to them is added here once.
     */
    public static ActivityView activity(SpecificRecordBase aggregate) {
        ActivityFields a = new ActivityFields(aggregate);
        return new ActivityView(
                a.count("newsCount"),
                a.count("eventCount"),
                a.day("firstPublishedAt"),
                a.day("lastPublishedAt"),
                a.count("undatedCount"),
                a.countsBy("countsByKind"),
                a.countsBy("countsByMonth"),
                a.countsBy("eventsByMonth"),
                a.ids("consortiumIds"),
                a.ids("programmeIds"),
                a.ids("clusterIds"),
                headlines(a.list("recentHeadlines", Headline.class)));
    }

    /** Typed reads of an aggregate's fields by name; a name the schema lacks fails loudly (AvroRuntimeException). */
    private record ActivityFields(SpecificRecordBase aggregate) {
        long count(String field) {
            return (Long) aggregate.get(field);
        }

        String day(String field) {
            return iso((LocalDate) aggregate.get(field));
        }

        SortedMap<String, Long> countsBy(String field) {
            SortedMap<String, Long> counts = new TreeMap<>();
            ((Map<?, ?>) aggregate.get(field)).forEach((key, count) -> counts.put(key.toString(), (Long) count));
            return counts;
        }

        List<String> ids(String field) {
            return list(field, String.class);
        }

        <T> List<T> list(String field, Class<T> type) {
            return ((List<?>) aggregate.get(field)).stream().map(type::cast).toList();
        }
    }

    public static List<HeadlineView> headlines(List<Headline> headlines) {
        return headlines.stream()
                .map(h -> new HeadlineView(
                        h.getNewsId(),
                        h.getTitle(),
                        iso(h.getPublishedAt()),
                        h.getKind() == null ? null : h.getKind().name(),
                        h.getUrl()))
                .toList();
    }

    /**
     * The monthly timeline from the first to the last month with news, months without news included as 0,
     * so a chart's x axis is continuous.
     */
    public static List<MonthCount> timeline(Map<String, Long> countsByMonth) {
        TreeMap<YearMonth, Long> byMonth = new TreeMap<>();
        countsByMonth.forEach((month, count) -> byMonth.put(YearMonth.parse(month), count));
        List<MonthCount> timeline = new ArrayList<>();
        if (byMonth.isEmpty()) {
            return timeline;
        }
        for (YearMonth m = byMonth.firstKey(); !m.isAfter(byMonth.lastKey()); m = m.plusMonths(1)) {
            timeline.add(new MonthCount(m.toString(), byMonth.getOrDefault(m, 0L)));
        }
        return timeline;
    }

    public static OrganisationView organisation(Organisation o) {
        return new OrganisationView(
                o.getId(),
                o.getName(),
                o.getLegalName(),
                o.getShortName(),
                o.getType(),
                o.getCountry(),
                o.getRegion(),
                o.getCity(),
                o.getWebsite());
    }

    public static ProgrammeSummary programme(Programme p) {
        return new ProgrammeSummary(
                p.getId(),
                p.getName(),
                p.getShortName(),
                iso(p.getPeriodStart()),
                iso(p.getPeriodEnd()),
                p.getBudgetEur());
    }

    public static ProgrammeSummary programme(ProgrammeRef p) {
        return new ProgrammeSummary(
                p.getId(),
                p.getName(),
                p.getShortName(),
                iso(p.getPeriodStart()),
                iso(p.getPeriodEnd()),
                p.getBudgetEur());
    }

    public static ConsortiumView consortium(
            Consortium c,
            List<ProgrammeSummary> programmeChain,
            List<MemberView> members,
            ActivityView activity,
            List<EventView> events) {
        return new ConsortiumView(
                c.getId(),
                c.getAcronym(),
                c.getFullTitle(),
                c.getProgrammeId(),
                programmeChain,
                c.getCallId(),
                c.getCoordinatorId(),
                c.getStartMonth(),
                c.getEndMonth(),
                c.getTotalBudgetEur(),
                c.getEuContributionEur(),
                List.copyOf(c.getCountries()),
                members,
                activity,
                events);
    }

    public static MemberView member(Member m, Organisation organisationOrNull) {
        return new MemberView(
                m.getOrganisationId(),
                organisationOrNull == null ? null : organisationOrNull.getName(),
                organisationOrNull == null ? null : organisationOrNull.getCountry(),
                m.getRole(),
                List.copyOf(m.getWorkPackages()));
    }

    public static NewsView news(EnrichedNews enriched) {
        NewsEvent n = enriched.getNews();
        return new NewsView(
                n.getId(),
                n.getTitle(),
                n.getUrl(),
                n.getSource(),
                n.getLanguage(),
                n.getKind() == null ? null : n.getKind().name(),
                iso(n.getPublishedAt()),
                iso(n.getEventStart()),
                iso(n.getEventEnd()),
                location(n.getLocation()),
                n.getPublisherId(),
                enriched.getClusters().stream().map(Views::involvement).toList(),
                enriched.getConsortia().stream().map(Views::consortiumRef).toList(),
                enriched.getProgrammes().stream().map(Views::programme).toList(),
                enriched.getOrganisations().stream().map(Views::organisationRef).toList(),
                List.copyOf(enriched.getUnresolvedIds()),
                iso(enriched.getEnrichedAt()));
    }

    /**
     * An event with its reports, oldest first as the event holds them.
     *
     * @param publisherNames the publisher's name by id, for the publishers the reference data knows
     */
    public static EventView event(ClusterEvent e, Map<String, String> publisherNames) {
        return new EventView(
                e.getId(),
                e.getKind() == null ? null : e.getKind().name(),
                iso(e.getStart()),
                iso(e.getEnd()),
                location(e.getLocation()),
                List.copyOf(e.getConsortiumIds()),
                List.copyOf(e.getClusterIds()),
                List.copyOf(e.getProgrammeIds()),
                List.copyOf(e.getLanguages()),
                iso(e.getFirstReportedAt()),
                iso(e.getLastReportedAt()),
                e.getReports().size(),
                e.getReports().stream()
                        .map(r -> eventReport(
                                r, r.getPublisherId() == null ? null : publisherNames.get(r.getPublisherId())))
                        .toList());
    }

    private static EventReportView eventReport(EventReport r, String publisherName) {
        return new EventReportView(
                r.getNewsId(),
                r.getTitle(),
                r.getLanguage(),
                r.getPublisherId(),
                publisherName,
                iso(r.getPublishedAt()),
                r.getUrl(),
                r.getKind() == null ? null : r.getKind().name(),
                iso(r.getEventStart()),
                iso(r.getEventEnd()),
                location(r.getLocation()));
    }

    private static LocationView location(Location location) {
        return location == null ? null : new LocationView(location.getCity(), location.getCountry());
    }

    private static InvolvementView involvement(ClusterInvolvement i) {
        return new InvolvementView(
                i.getClusterId(), i.getRoles().stream().map(Enum::name).toList(), List.copyOf(i.getViaConsortiumIds()));
    }

    private static ConsortiumRefView consortiumRef(EnrichedConsortium c) {
        String programmeId = c.getProgrammeChain().isEmpty()
                ? null
                : c.getProgrammeChain().get(0).getId();
        return new ConsortiumRefView(c.getId(), c.getAcronym(), programmeId);
    }

    private static OrganisationRefView organisationRef(OrganisationRef o) {
        return new OrganisationRefView(o.getId(), o.getName(), o.getType(), o.getCountry());
    }

    static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static SortedMap<String, Long> sorted(Map<String, Long> map) {
        return new TreeMap<>(map);
    }
}
