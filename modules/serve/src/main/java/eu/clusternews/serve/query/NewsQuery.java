package eu.clusternews.serve.query;

import java.time.LocalDate;
import java.util.Optional;

import eu.clusternews.avro.NewsKind;

/**
 * Filters for a news listing. Every filter is optional; the answer is newest publication date first
 * (undated news last), at most {@code limit} items. With {@code from} or {@code until} set, undated news
 * is left out because it cannot be placed in the range.
 *
 * @param clusterId   news involving this cluster in any role
 * @param consortiumId news mentioning this consortium
 * @param from        published on or after this day
 * @param until       published on or before this day
 * @param kind        news of this kind
 * @param limit       maximum number of items, 1..{@link #MAX_LIMIT}
 */
public record NewsQuery(
        Optional<String> clusterId,
        Optional<String> consortiumId,
        Optional<LocalDate> from,
        Optional<LocalDate> until,
        Optional<NewsKind> kind,
        int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public NewsQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    /** Every news item, newest first, up to the default limit. */
    public static NewsQuery latest() {
        return new NewsQuery(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                DEFAULT_LIMIT);
    }
}
