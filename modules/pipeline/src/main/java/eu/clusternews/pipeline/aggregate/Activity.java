package eu.clusternews.pipeline.aggregate;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import eu.clusternews.avro.ClusterContribution;
import eu.clusternews.avro.ClusterRole;
import eu.clusternews.avro.Headline;

/**
 * One entity's activity (a cluster's, consortium's or programme's) while it is being counted: decoded and mutable,
 * so that counting a contribution costs a few map and set updates instead of a copy of the whole aggregate.
 *
 * <p>Every counted field changes by a commutative operation — sums, min/max, set unions and a top-N under a total
 * order — so the result does not depend on the order the contributions arrive in. The display fields (name and the
 * kind's detail: a cluster's country, a consortium's programme, a programme's parent) come from the reference data
 * as the newest contribution saw it, and stay as they were when a contribution does not know them.
 */
public final class Activity {

    /** Newest publication date first, undated news last, ties by news id: a total order. */
    public static final Comparator<Headline> RECENT_FIRST = Comparator.comparing(
                    Headline::getPublishedAt, Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
            .thenComparing(Headline::getNewsId);

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    String name;
    String detail;
    long newsCount;
    long undatedCount;
    LocalDate firstPublishedAt;
    LocalDate lastPublishedAt;
    /** Distinct events (cluster-events) the entity takes part in; changed only by {@link #addEvents}. */
    long eventCount;
    // hashed while counting (every contribution touches them); ActivityKind.write sorts them once per write-down
    final Counts countsByRole = new Counts();
    final Counts countsByKind = new Counts();
    final Counts countsByMonth = new Counts();
    final Counts eventsByMonth = new Counts();
    final HashSet<String> consortiumIds = new HashSet<>();
    final HashSet<String> programmeIds = new HashSet<>();
    final HashSet<String> clusterIds = new HashSet<>();
    /** Sorted by {@link #RECENT_FIRST}, at most the aggregate's headline bound. */
    final List<Headline> recentHeadlines = new ArrayList<>();

    /**
     * Counts one more news item; callers make sure a news item reaches an entity only once (dedupe). A headline
     * already listed under the same news id is replaced.
     */
    public void add(ClusterContribution c, int maxHeadlines) {
        if (c.getEntityName() != null) {
            name = c.getEntityName();
        }
        String contributedDetail = c.getEntityCountry() != null ? c.getEntityCountry() : c.getEntityParentId();
        if (contributedDetail != null) {
            detail = contributedDetail;
        }
        newsCount++;
        for (ClusterRole role : c.getRoles()) {
            countsByRole.add(role.name(), 1);
        }
        countsByKind.add(c.getKind().name(), 1);
        LocalDate published = c.getPublishedAt();
        if (published == null) {
            undatedCount++;
        } else {
            countsByMonth.add(month(published), 1);
            if (firstPublishedAt == null || published.isBefore(firstPublishedAt)) {
                firstPublishedAt = published;
            }
            if (lastPublishedAt == null || published.isAfter(lastPublishedAt)) {
                lastPublishedAt = published;
            }
        }
        addIds(consortiumIds, 1, c.getConsortiumIds());
        addIds(programmeIds, 2, c.getProgrammeIds());
        addIds(clusterIds, 4, c.getClusterIds());
        int kept = recentHeadlines.size();
        if (kept >= maxHeadlines && olderThan(published, c.getNewsId(), recentHeadlines.get(kept - 1))) {
            return; // older than every kept headline (the common case in a backfill): not even made
        }
        // the constructor, not the builder: the builder checks and copies every field, for every contribution
        addHeadline(new Headline(c.getNewsId(), c.getTitle(), published, c.getKind(), c.getUrl()), maxHeadlines);
    }

    /** Most id lists remembered as added (per activity); then it starts again. */
    private static final int MAX_ADDED_ID_LISTS = 4_096;

    /**
     * Id lists added to this activity's id sets, by identity, each with a bit per set it was added to. The fan-out
     * hands every news item's contributions one list instance per content ({@code FanOut}), so the news items of one
     * entity bring a few distinct lists over and over, and adding one again would hash every id in it for nothing.
     * Made on the first add: activities that only merge (the aggregates) do not keep one.
     */
    private IdentityHashMap<List<String>, Integer> addedIdLists;

    /** Adds the ids to a set unless this very list was added to it before; contributions are not changed once made. */
    private void addIds(Set<String> set, int setBit, List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        if (addedIdLists == null) {
            addedIdLists = new IdentityHashMap<>();
        } else if (addedIdLists.size() >= MAX_ADDED_ID_LISTS) {
            addedIdLists.clear();
        }
        Integer addedTo = addedIdLists.get(ids);
        if (addedTo == null || (addedTo & setBit) == 0) {
            set.addAll(ids);
            addedIdLists.put(ids, addedTo == null ? setBit : addedTo | setBit);
        }
    }

    /** Whether a headline of this date and news id comes after {@code kept} in {@link #RECENT_FIRST}. */
    private static boolean olderThan(LocalDate published, String newsId, Headline kept) {
        LocalDate keptDate = kept.getPublishedAt();
        if (published == null || keptDate == null) {
            if (published != keptDate) {
                return published == null; // undated news come last
            }
        } else if (!published.equals(keptDate)) {
            return published.isBefore(keptDate);
        }
        return newsId.compareTo(kept.getNewsId()) > 0;
    }

    /**
     * Adds another activity of the same entity: the partial activity of some news counted elsewhere, which are not
     * counted here (the fan-out counts each news for an entity in exactly one partial). Display fields the other
     * activity knows replace these.
     */
    public void merge(Activity other, int maxHeadlines) {
        if (other.name != null) {
            name = other.name;
        }
        if (other.detail != null) {
            detail = other.detail;
        }
        newsCount += other.newsCount;
        undatedCount += other.undatedCount;
        if (other.firstPublishedAt != null
                && (firstPublishedAt == null || other.firstPublishedAt.isBefore(firstPublishedAt))) {
            firstPublishedAt = other.firstPublishedAt;
        }
        if (other.lastPublishedAt != null
                && (lastPublishedAt == null || other.lastPublishedAt.isAfter(lastPublishedAt))) {
            lastPublishedAt = other.lastPublishedAt;
        }
        countsByRole.addAll(other.countsByRole);
        countsByKind.addAll(other.countsByKind);
        countsByMonth.addAll(other.countsByMonth);
        eventCount += other.eventCount;
        // event counts also move down (two events merged into one): a month back at zero is dropped
        eventsByMonth.addAll(other.eventsByMonth);
        consortiumIds.addAll(other.consortiumIds);
        programmeIds.addAll(other.programmeIds);
        clusterIds.addAll(other.clusterIds);
        for (Headline headline : other.recentHeadlines) {
            addHeadline(headline, maxHeadlines);
        }
    }

    /**
     * Changes the entity's event count by {@code delta} (negative when events it was in were merged into one), in
     * the month {@code month} ({@code yyyy-MM}) or in no month when null. Event matching sends these as partial
     * activities of their own; they merge like any other partial.
     */
    public void addEvents(long delta, LocalDate month) {
        eventCount += delta;
        if (month != null) {
            eventsByMonth.add(month(month), delta);
        }
    }

    /** Whether nothing has been counted: no news and no event change. */
    public boolean isEmpty() {
        return newsCount == 0 && eventCount == 0 && eventsByMonth.isEmpty();
    }

    private void addHeadline(Headline headline, int maxHeadlines) {
        int size = recentHeadlines.size();
        if (size >= maxHeadlines && RECENT_FIRST.compare(headline, recentHeadlines.get(size - 1)) > 0) {
            return; // older than every kept headline (the common case in a backfill): nothing to do
        }
        recentHeadlines.removeIf(h -> h.getNewsId().equals(headline.getNewsId()));
        int at = Collections.binarySearch(recentHeadlines, headline, RECENT_FIRST);
        int insertAt = at >= 0 ? at : -at - 1;
        if (insertAt < maxHeadlines) {
            recentHeadlines.add(insertAt, headline);
            while (recentHeadlines.size() > maxHeadlines) {
                recentHeadlines.remove(recentHeadlines.size() - 1);
            }
        }
    }

    /** First year whose months are kept made ({@link #MONTHS}); a news of another year gets its month made anew. */
    private static final int FIRST_KEPT_YEAR = 1970;

    /**
     * {@code yyyy-MM} of the months 1970–2169, each made once: this runs for every contribution, and a kept string
     * keeps its hash, so the maps keyed by month do not hash it again. Filled as met; a race makes an equal string.
     */
    private static final String[] MONTHS = new String[200 * 12];

    /** {@code yyyy-MM}, without a formatter. */
    private static String month(LocalDate date) {
        int year = date.getYear();
        int month = date.getMonthValue();
        int index = (year - FIRST_KEPT_YEAR) * 12 + month - 1;
        if (index < 0 || index >= MONTHS.length) {
            return MONTH.format(date);
        }
        String made = MONTHS[index];
        if (made == null) {
            made = month < 10 ? year + "-0" + month : year + "-" + month;
            MONTHS[index] = made;
        }
        return made;
    }
}
