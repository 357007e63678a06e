package eu.clusternews.serve.http;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.NewsKind;

/**
 * Filters and order of {@code GET /api/clusters}. All filters must match. {@code since} keeps clusters
 * whose latest news was published on or after that day.
 */
record ClusterListing(
        Optional<String> country,
        Optional<String> consortiumId,
        Optional<String> programmeId,
        Optional<NewsKind> kind,
        Optional<LocalDate> since,
        SortField sort,
        SortOrder order) {

    static final Set<String> PARAMETERS =
            Set.of("country", "consortium", "programme", "kind", "since", "sort", "order");

    /** What the listing can be sorted by; each has the order people usually want as its default. */
    enum SortField {
        newsCount(SortOrder.desc),
        eventCount(SortOrder.desc),
        lastPublishedAt(SortOrder.desc),
        name(SortOrder.asc);

        final SortOrder defaultOrder;

        SortField(SortOrder defaultOrder) {
            this.defaultOrder = defaultOrder;
        }
    }

    /** Ascending or descending. */
    enum SortOrder {
        asc,
        desc
    }

    static ClusterListing from(QueryParameters parameters) {
        SortField sort = parameters.choice("sort", SortField.class).orElse(SortField.newsCount);
        return new ClusterListing(
                parameters.text("country").map(c -> c.toUpperCase(java.util.Locale.ROOT)),
                parameters.text("consortium"),
                parameters.text("programme"),
                parameters.kind("kind"),
                parameters.date("since"),
                sort,
                parameters.choice("order", SortOrder.class).orElse(sort.defaultOrder));
    }

    List<ClusterActivity> apply(List<ClusterActivity> clusters) {
        return clusters.stream()
                .filter(c -> country.isEmpty() || country.get().equalsIgnoreCase(c.getCountry()))
                .filter(c -> consortiumId.isEmpty() || c.getConsortiumIds().contains(consortiumId.get()))
                .filter(c -> programmeId.isEmpty() || c.getProgrammeIds().contains(programmeId.get()))
                .filter(c -> kind.isEmpty()
                        || c.getCountsByKind().getOrDefault(kind.get().name(), 0L) > 0)
                .filter(c -> since.isEmpty()
                        || (c.getLastPublishedAt() != null
                                && !c.getLastPublishedAt().isBefore(since.get())))
                .sorted(comparator())
                .toList();
    }

    private Comparator<ClusterActivity> comparator() {
        Comparator<ClusterActivity> byField = switch (sort) {
            case newsCount -> Comparator.comparingLong(ClusterActivity::getNewsCount);
            case eventCount -> Comparator.comparingLong(ClusterActivity::getEventCount);
            case lastPublishedAt ->
                Comparator.comparing(
                        ClusterActivity::getLastPublishedAt, Comparator.nullsFirst(Comparator.naturalOrder()));
            case name -> Comparator.comparing(ClusterListing::displayName, String.CASE_INSENSITIVE_ORDER);
        };
        if (order == SortOrder.desc) {
            byField = byField.reversed();
        }
        // ties in a stable, documented order: by id
        return byField.thenComparing(ClusterActivity::getClusterId);
    }

    private static String displayName(ClusterActivity c) {
        return c.getName() == null ? c.getClusterId() : c.getName();
    }
}
