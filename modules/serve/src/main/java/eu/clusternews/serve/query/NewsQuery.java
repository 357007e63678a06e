package eu.clusternews.serve.query;

import java.util.Optional;

import eu.clusternews.avro.NewsKind;

/**
 * Filters for a news listing. Every filter is optional; the answer is newest publication date first
 * (undated news last), at most {@code limit} items. With a bound to {@code published}, undated news
 * is left out because it cannot be placed in the range.
 *
 * @param clusterId   news involving this cluster in any role
 * @param consortiumId news mentioning this consortium
 * @param published   published on a day in this range
 * @param kind        news of this kind
 * @param limit       maximum number of items, 1..{@link ListingLimit#MAX}
 */
public record NewsQuery(
        Optional<String> clusterId,
        Optional<String> consortiumId,
        DateRange published,
        Optional<NewsKind> kind,
        int limit) {

    public NewsQuery {
        ListingLimit.check(limit);
    }

    /** Every news item, newest first, up to the default limit. */
    public static NewsQuery latest() {
        return new NewsQuery(Optional.empty(), Optional.empty(), DateRange.ANY, Optional.empty(), ListingLimit.DEFAULT);
    }
}
