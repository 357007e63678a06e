package eu.clusternews.pipeline.events;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import eu.clusternews.avro.ClusterEvent;
import eu.clusternews.avro.EventReport;
import eu.clusternews.avro.Location;
import eu.clusternews.avro.NewsKind;

/**
 * Events as a merge of their reports. An event is a summary that two events combine into by commutative,
 * associative operations (vote counts summed, minima, maxima, sorted unions, the first reports under a total order),
 * so the same reports give the same event whatever the order they were merged in, and merging costs the size of the
 * summaries, never the number of reports.
 */
public final class EventAssembly {

    /** How many reports an event lists (reportCount says how many it has). */
    public static final int MAX_LISTED_REPORTS = 20;

    private static final String ID_PREFIX = "evt:";

    /**
     * Oldest publication first, undated reports last, ties by news id. Written out rather than composed from
     * {@code Comparator.comparing}, whose chain of lambdas was most of the time a merge spent listing reports.
     */
    static final Comparator<EventReport> REPORT_ORDER = EventAssembly::compareReports;

    private EventAssembly() {}

    /** The event that this report alone tells of. */
    public static ClusterEvent of(EventReport r) {
        return of(r, null);
    }

    /**
     * The event that this report alone tells of, listing it with {@code binary}, its Avro binary in the report schema
     * of events (null: not known, encoded when the event is written).
     */
    static ClusterEvent of(EventReport r, byte[] binary) {
        LocalDate[] days = r.getEventStart() == null ? null : EventMatching.window(r);
        Map<String, Long> kindVotes = new TreeMap<>();
        if (r.getKind() != NewsKind.OTHER) {
            kindVotes.put(r.getKind().name(), 1L);
        }
        Map<String, Long> placeVotes = new TreeMap<>();
        Location l = r.getLocation();
        if (l != null && (l.getCity() != null && !l.getCity().isBlank() || l.getCountry() != null)) {
            String city = l.getCity() == null ? "" : l.getCity().strip();
            placeVotes.put(city + "|" + (l.getCountry() == null ? "" : l.getCountry()), 1L);
        }
        List<String> languages = new ArrayList<>(1);
        if (r.getLanguage() != null) {
            languages.add(r.getLanguage());
        }
        return summary(
                r.getNewsId(),
                kindVotes,
                days == null ? null : days[0],
                days == null ? null : days[1],
                placeVotes,
                new ArrayList<>(r.getConsortiumIds()),
                new ArrayList<>(r.getClusterIds()),
                new ArrayList<>(r.getProgrammeIds()),
                languages,
                r.getPublishedAt(),
                r.getPublishedAt(),
                1,
                ListedReports.of(r, binary, ClusterEventLayout.REPORT_SCHEMA));
    }

    /** The event both events are part of. */
    public static ClusterEvent merge(ClusterEvent a, ClusterEvent b) {
        Map<String, Long> kindVotes = new TreeMap<>(a.getKindVotes());
        b.getKindVotes().forEach((k, v) -> kindVotes.merge(k, v, Long::sum));
        Map<String, Long> placeVotes = new TreeMap<>(a.getPlaceVotes());
        b.getPlaceVotes().forEach((k, v) -> placeVotes.merge(k, v, Long::sum));
        String smallest = smallestNewsId(a).compareTo(smallestNewsId(b)) <= 0 ? smallestNewsId(a) : smallestNewsId(b);
        return summary(
                smallest,
                kindVotes,
                min(a.getStart(), b.getStart()),
                max(a.getEnd(), b.getEnd()),
                placeVotes,
                union(a.getConsortiumIds(), b.getConsortiumIds()),
                union(a.getClusterIds(), b.getClusterIds()),
                union(a.getProgrammeIds(), b.getProgrammeIds()),
                union(a.getLanguages(), b.getLanguages()),
                min(a.getFirstReportedAt(), b.getFirstReportedAt()),
                max(a.getLastReportedAt(), b.getLastReportedAt()),
                a.getReportCount() + b.getReportCount(),
                listed(a.getReports(), b.getReports()));
    }

    /**
     * The first {@link #MAX_LISTED_REPORTS} of two events' listed reports (each list in {@link #REPORT_ORDER}), without
     * repeats, as {@link ListedReports} that keep the binaries the two lists kept. When one list is full and the other
     * adds nothing to it (every report of the other comes after its last, as a later report of a busy event does) that
     * same list is returned, no copy made: listed-reports lists are never changed in place.
     */
    static ListedReports listed(List<EventReport> first, List<EventReport> second) {
        ListedReports a = ListedReports.of(first);
        ListedReports b = ListedReports.of(second);
        if (addsNothing(a, b)) {
            return a;
        }
        if (addsNothing(b, a)) {
            return b;
        }
        // both lists are in REPORT_ORDER (every list is made here): merged in one pass, a report in both listed once
        ListedReports.Merged merged = new ListedReports.Merged(Math.min(MAX_LISTED_REPORTS, a.size() + b.size()), a, b);
        int i = 0;
        int j = 0;
        while (merged.size() < MAX_LISTED_REPORTS && (i < a.size() || j < b.size())) {
            int order = i == a.size() ? 1 : j == b.size() ? -1 : REPORT_ORDER.compare(a.get(i), b.get(j));
            if (order <= 0) {
                merged.add(a, i);
            } else {
                merged.add(b, j);
            }
            i += order <= 0 ? 1 : 0;
            j += order >= 0 ? 1 : 0;
        }
        return merged.build();
    }

    private static boolean addsNothing(List<EventReport> full, List<EventReport> other) {
        return other.isEmpty()
                || full.size() >= MAX_LISTED_REPORTS
                        && REPORT_ORDER.compare(other.get(0), full.get(MAX_LISTED_REPORTS - 1)) >= 0;
    }

    /** The event these reports (at least one) tell of. */
    public static ClusterEvent assemble(Collection<EventReport> reports) {
        ClusterEvent event = null;
        for (EventReport r : reports) {
            event = event == null ? of(r) : merge(event, of(r));
        }
        if (event == null) {
            throw new IllegalArgumentException("An event needs at least one report");
        }
        return event;
    }

    /** The month an event counts in: its first day's, else its first report's; null when it has neither. */
    public static YearMonth month(ClusterEvent event) {
        LocalDate day = event.getStart() != null ? event.getStart() : event.getFirstReportedAt();
        return day == null ? null : YearMonth.from(day);
    }

    private static String smallestNewsId(ClusterEvent event) {
        return event.getId().substring(ID_PREFIX.length());
    }

    /**
     * The event record. Made with the constructor, not the builder, which copies the schema's field array and
     * validates every field of an event made again at every report that joins it; the lists are the caller's own new
     * ones, never shared with another event.
     */
    private static ClusterEvent summary(
            String smallestNewsId,
            Map<String, Long> kindVotes,
            LocalDate start,
            LocalDate end,
            Map<String, Long> placeVotes,
            List<String> consortia,
            List<String> clusters,
            List<String> programmes,
            List<String> languages,
            LocalDate firstReported,
            LocalDate lastReported,
            long reportCount,
            List<EventReport> listed) {
        return new ClusterEvent(
                ID_PREFIX + smallestNewsId,
                mostVoted(kindVotes),
                kindVotes,
                start,
                end,
                place(placeVotes),
                placeVotes,
                consortia,
                clusters,
                programmes,
                languages,
                firstReported,
                lastReported,
                reportCount,
                listed); // never changed in place: see listed()
    }

    private static int compareReports(EventReport a, EventReport b) {
        LocalDate x = a.getPublishedAt();
        LocalDate y = b.getPublishedAt();
        if (x != y) {
            if (x == null || y == null) {
                return x == null ? 1 : -1; // undated last
            }
            int byDate = x.compareTo(y);
            if (byDate != 0) {
                return byDate;
            }
        }
        return a.getNewsId().compareTo(b.getNewsId());
    }

    private static NewsKind mostVoted(Map<String, Long> votes) {
        NewsKind best = NewsKind.OTHER;
        long most = 0;
        for (NewsKind kind : NewsKind.values()) { // enum order: the first of equals wins
            long v = votes.getOrDefault(kind.name(), 0L);
            if (v > most) {
                best = kind;
                most = v;
            }
        }
        return best;
    }

    /** See the schema's doc of ClusterEvent.location: a function of the place votes alone. */
    private static Location place(Map<String, Long> placeVotes) {
        // each key's city folded once: an event is summarised again at every report that joins it
        String[] folded = new String[placeVotes.size()];
        Map<String, Long> cities = new TreeMap<>();
        int i = 0;
        for (Map.Entry<String, Long> vote : placeVotes.entrySet()) {
            folded[i] = foldedCity(vote.getKey());
            if (folded[i] != null) {
                cities.merge(folded[i], vote.getValue(), Long::sum);
            }
            i++;
        }
        String city = top(cities);
        Map<String, Long> spellings = new TreeMap<>();
        Map<String, Long> countries = new TreeMap<>();
        i = 0;
        for (Map.Entry<String, Long> vote : placeVotes.entrySet()) {
            String key = vote.getKey();
            if (city == null || city.equals(folded[i])) {
                int bar = key.lastIndexOf('|');
                if (city != null) {
                    spellings.merge(key.substring(0, bar), vote.getValue(), Long::sum);
                }
                if (bar < key.length() - 1) {
                    countries.merge(key.substring(bar + 1), vote.getValue(), Long::sum);
                }
            }
            i++;
        }
        String country = top(countries);
        if (city == null && country == null) {
            return null;
        }
        return new Location(top(spellings), country);
    }

    private static String foldedCity(String placeKey) {
        return EventMatching.city(placeKey.substring(0, placeKey.lastIndexOf('|')));
    }

    /** The key with the most votes, ties alphabetical (the map is sorted); null when empty. */
    private static String top(Map<String, Long> votes) {
        String best = null;
        long most = 0;
        for (Map.Entry<String, Long> e : votes.entrySet()) {
            if (e.getValue() > most) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return best;
    }

    /**
     * The sorted union of two id lists, without repeats: a new list. An event's lists are sorted already (an earlier
     * union made them), and so are most reports' ids: two sorted lists are merged in one pass, the others through a
     * sorted set.
     */
    private static List<String> union(List<String> a, List<String> b) {
        if (!sortedWithoutRepeats(a) || !sortedWithoutRepeats(b)) {
            TreeSet<String> all = new TreeSet<>(a);
            all.addAll(b);
            return new ArrayList<>(all);
        }
        List<String> all = new ArrayList<>(a.size() + b.size());
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            int order = a.get(i).compareTo(b.get(j));
            all.add(order <= 0 ? a.get(i) : b.get(j));
            i += order <= 0 ? 1 : 0;
            j += order >= 0 ? 1 : 0;
        }
        all.addAll(a.subList(i, a.size()));
        all.addAll(b.subList(j, b.size()));
        return all;
    }

    private static boolean sortedWithoutRepeats(List<String> ids) {
        for (int i = 1; i < ids.size(); i++) {
            if (ids.get(i - 1).compareTo(ids.get(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
