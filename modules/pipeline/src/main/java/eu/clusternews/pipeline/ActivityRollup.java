package eu.clusternews.pipeline;

import eu.clusternews.avro.ClusterContribution;
import eu.clusternews.avro.Headline;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The fields every activity record shares (cluster, consortium, programme), and how one contribution
 * changes them. Each operation is commutative — sums, min/max, set unions and a top-N under a total
 * order — so the result does not depend on the order the contributions arrive in.
 */
final class ActivityRollup {

    /** Newest publication date first, undated news last, ties by news id: a total order. */
    static final Comparator<Headline> RECENT_FIRST = Comparator
            .comparing(Headline::getPublishedAt, Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
            .thenComparing(Headline::getNewsId);

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    long newsCount;
    LocalDate firstPublishedAt;
    LocalDate lastPublishedAt;
    long undatedCount;
    final TreeMap<String, Long> countsByKind;
    final TreeMap<String, Long> countsByMonth;
    final TreeSet<String> consortiumIds;
    final TreeSet<String> programmeIds;
    final TreeSet<String> clusterIds;
    List<Headline> recentHeadlines;

    ActivityRollup(long newsCount, LocalDate firstPublishedAt, LocalDate lastPublishedAt, long undatedCount,
                   Map<String, Long> countsByKind, Map<String, Long> countsByMonth,
                   Collection<String> consortiumIds, Collection<String> programmeIds, Collection<String> clusterIds,
                   List<Headline> recentHeadlines) {
        this.newsCount = newsCount;
        this.firstPublishedAt = firstPublishedAt;
        this.lastPublishedAt = lastPublishedAt;
        this.undatedCount = undatedCount;
        this.countsByKind = new TreeMap<>(countsByKind);
        this.countsByMonth = new TreeMap<>(countsByMonth);
        this.consortiumIds = new TreeSet<>(consortiumIds);
        this.programmeIds = new TreeSet<>(programmeIds);
        this.clusterIds = new TreeSet<>(clusterIds);
        this.recentHeadlines = new ArrayList<>(recentHeadlines);
    }

    static ActivityRollup empty() {
        return new ActivityRollup(0, null, null, 0, Map.of(), Map.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** Counts one more news item; callers make sure a news item reaches an entity only once (dedupe). */
    void add(ClusterContribution c, int maxHeadlines) {
        newsCount++;
        countsByKind.merge(c.getKind().name(), 1L, Long::sum);
        LocalDate published = c.getPublishedAt();
        if (published == null) {
            undatedCount++;
        } else {
            countsByMonth.merge(MONTH.format(published), 1L, Long::sum);
            firstPublishedAt = firstPublishedAt == null || published.isBefore(firstPublishedAt) ? published : firstPublishedAt;
            lastPublishedAt = lastPublishedAt == null || published.isAfter(lastPublishedAt) ? published : lastPublishedAt;
        }
        consortiumIds.addAll(c.getConsortiumIds());
        programmeIds.addAll(c.getProgrammeIds());
        clusterIds.addAll(c.getClusterIds());

        List<Headline> headlines = new ArrayList<>(recentHeadlines);
        headlines.removeIf(h -> h.getNewsId().equals(c.getNewsId()));
        headlines.add(Headline.newBuilder()
                .setNewsId(c.getNewsId())
                .setTitle(c.getTitle())
                .setPublishedAt(published)
                .setKind(c.getKind())
                .setUrl(c.getUrl())
                .build());
        headlines.sort(RECENT_FIRST);
        recentHeadlines = new ArrayList<>(headlines.subList(0, Math.min(maxHeadlines, headlines.size())));
    }
}
