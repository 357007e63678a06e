package eu.clusternews.pipeline.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import eu.clusternews.avro.ClusterEvent;
import eu.clusternews.avro.EventReport;
import eu.clusternews.avro.Location;
import eu.clusternews.avro.NewsKind;

/**
 * An event from the reports it groups. Every field is a function of the set of reports alone (counts with total
 * tie-breaks, minima, maxima, sorted unions), so the same reports give the same event whatever their order.
 */
public final class EventAssembly {

    /** Oldest publication first, undated reports last, ties by news id. */
    static final Comparator<EventReport> REPORT_ORDER = Comparator.comparing(
                    EventReport::getPublishedAt, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
            .thenComparing(EventReport::getNewsId);

    private EventAssembly() {}

    /** The id of the event made of reports with these news ids: {@code evt-} and a hash of the smallest one. */
    public static String eventId(Collection<String> newsIds) {
        String smallest = new TreeSet<>(newsIds).first();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(smallest.getBytes(StandardCharsets.UTF_8));
            return "evt-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The event these reports (at least one) tell of. */
    public static ClusterEvent assemble(Collection<EventReport> reports) {
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("An event needs at least one report");
        }
        List<EventReport> ordered = new ArrayList<>(reports);
        ordered.sort(REPORT_ORDER);
        Set<String> newsIds = new HashSet<>();
        Map<NewsKind, Integer> kinds = new EnumMap<>(NewsKind.class);
        LocalDate start = null;
        LocalDate end = null;
        LocalDate firstReported = null;
        LocalDate lastReported = null;
        TreeSet<String> consortia = new TreeSet<>();
        TreeSet<String> clusters = new TreeSet<>();
        TreeSet<String> programmes = new TreeSet<>();
        TreeSet<String> languages = new TreeSet<>();
        for (EventReport r : ordered) {
            newsIds.add(r.getNewsId());
            if (r.getKind() != NewsKind.OTHER) {
                kinds.merge(r.getKind(), 1, Integer::sum);
            }
            if (r.getEventStart() != null) {
                LocalDate[] days = EventMatching.window(r);
                start = min(start, days[0]);
                end = max(end, days[1]);
            }
            firstReported = min(firstReported, r.getPublishedAt());
            lastReported = max(lastReported, r.getPublishedAt());
            consortia.addAll(r.getConsortiumIds());
            clusters.addAll(r.getClusterIds());
            programmes.addAll(r.getProgrammeIds());
            if (r.getLanguage() != null) {
                languages.add(r.getLanguage());
            }
        }
        return ClusterEvent.newBuilder()
                .setId(eventId(newsIds))
                .setKind(mostReported(kinds))
                .setStart(start)
                .setEnd(end)
                .setLocation(place(ordered))
                .setConsortiumIds(new ArrayList<>(consortia))
                .setClusterIds(new ArrayList<>(clusters))
                .setProgrammeIds(new ArrayList<>(programmes))
                .setLanguages(new ArrayList<>(languages))
                .setFirstReportedAt(firstReported)
                .setLastReportedAt(lastReported)
                .setReports(ordered)
                .build();
    }

    /** The month an event counts in: its first day's, else its first report's; null when it has neither. */
    public static YearMonth month(ClusterEvent event) {
        LocalDate day = event.getStart() != null ? event.getStart() : event.getFirstReportedAt();
        return day == null ? null : YearMonth.from(day);
    }

    private static NewsKind mostReported(Map<NewsKind, Integer> kinds) {
        NewsKind best = NewsKind.OTHER;
        int most = 0;
        for (Map.Entry<NewsKind, Integer> e : kinds.entrySet()) { // enum order: the first of equals wins
            if (e.getValue() > most) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return best;
    }

    /**
     * The city most reports give (folded, ties alphabetical), spelt as the first report giving it does, with the
     * country most of those reports give; a country alone when no report names a city.
     */
    private static Location place(List<EventReport> ordered) {
        Map<String, Integer> cities = new TreeMap<>();
        for (EventReport r : ordered) {
            String city = EventMatching.city(r.getLocation());
            if (city != null) {
                cities.merge(city, 1, Integer::sum);
            }
        }
        String chosen = null;
        int most = 0;
        for (Map.Entry<String, Integer> e : cities.entrySet()) {
            if (e.getValue() > most) {
                chosen = e.getKey();
                most = e.getValue();
            }
        }
        String spelling = null;
        Map<String, Integer> countries = new TreeMap<>();
        for (EventReport r : ordered) {
            Location l = r.getLocation();
            if (l == null || (chosen != null && !chosen.equals(EventMatching.city(l)))) {
                continue;
            }
            if (spelling == null && l.getCity() != null && !l.getCity().isBlank()) {
                spelling = l.getCity().strip();
            }
            if (l.getCountry() != null) {
                countries.merge(l.getCountry(), 1, Integer::sum);
            }
        }
        String country = null;
        most = 0;
        for (Map.Entry<String, Integer> e : countries.entrySet()) {
            if (e.getValue() > most) {
                country = e.getKey();
                most = e.getValue();
            }
        }
        if (spelling == null && country == null) {
            return null;
        }
        return Location.newBuilder().setCity(spelling).setCountry(country).build();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
