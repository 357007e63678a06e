package eu.clusternews.pipeline;

import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** A record's own headers carried over to a record the pipeline writes, up to a total size. */
final class HeaderBounds {

    private HeaderBounds() {}

    /**
     * A copy of the headers that {@code carried} accepts, in order, as long as their keys and values add up to at most
     * {@code maxBytes}; the ones left out are counted in {@code cuts}.
     */
    static Headers carried(Headers headers, Predicate<String> carried, int maxBytes, List<String> cuts) {
        Headers kept = new RecordHeaders();
        if (headers == null) {
            return kept;
        }
        int all = 0;
        int keptCount = 0;
        long bytes = 0;
        for (Header h : headers) {
            if (!carried.test(h.key())) {
                continue;
            }
            all++;
            // UTF-8 takes at most 3 bytes per char of the key
            bytes += h.key().length() * 3L + (h.value() == null ? 0 : h.value().length);
            if (bytes <= maxBytes) {
                kept.add(h);
                keptCount++;
            }
        }
        if (keptCount < all) {
            cuts.add("headers: " + keptCount + " of " + all + " kept (over " + maxBytes + " bytes in all)");
        }
        return kept;
    }
}
