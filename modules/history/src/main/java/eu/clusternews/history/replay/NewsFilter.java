package eu.clusternews.history.replay;

import java.util.Collection;
import java.util.Locale;

import org.apache.avro.generic.GenericRecord;

/**
 * Which news a replay keeps. Works on both news topics, telling them apart by the value's schema:
 * <ul>
 *   <li>{@code cluster} on cluster-news (NewsEvent) matches the publisher ({@code publisherId}) and the mentioned
 *       organisations ({@code organisationIds}): the members of a mentioned consortium are not known there, only
 *       after enrichment; on cluster-news-enriched (EnrichedNews) it matches the {@code clusters} list, which holds
 *       every cluster involved with any role, members of mentioned consortia included;</li>
 *   <li>{@code consortium} matches the mentioned consortia ({@code consortiumIds}, and on the enriched topic also
 *       {@code consortia[].id});</li>
 *   <li>{@code kind} matches the news kind (TRAINING, MEETING, ...; case ignored).</li>
 * </ul>
 * Null criteria match everything; given criteria must all match.
 */
public record NewsFilter(String cluster, String consortium, String kind) {

    /** Keeps every news item. */
    public static final NewsFilter ALL = new NewsFilter(null, null, null);

    /** True when no criterion is set, so values need not be decoded to decide. */
    public boolean matchesEverything() {
        return cluster == null && consortium == null && kind == null;
    }

    /** Whether this NewsEvent or EnrichedNews value is kept. */
    public boolean matches(GenericRecord value) {
        if (matchesEverything()) {
            return true;
        }
        if (value == null) {
            return false;
        }
        boolean enriched = "EnrichedNews".equals(value.getSchema().getName());
        GenericRecord news = enriched ? (GenericRecord) value.get("news") : value;
        if (kind != null && !kind.toUpperCase(Locale.ROOT).equals(String.valueOf(news.get("kind")))) {
            return false;
        }
        if (consortium != null
                && !contains(news.get("consortiumIds"), consortium)
                && !(enriched && anyRecordWith(value.get("consortia"), "id", consortium))) {
            return false;
        }
        if (cluster != null) {
            boolean involved = enriched
                    ? anyRecordWith(value.get("clusters"), "clusterId", cluster)
                    : cluster.equals(stringOrNull(news.get("publisherId")))
                            || contains(news.get("organisationIds"), cluster);
            if (!involved) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(Object list, String id) {
        if (list instanceof Collection<?> items) {
            for (Object item : items) {
                if (id.equals(String.valueOf(item))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean anyRecordWith(Object list, String field, String id) {
        if (list instanceof Collection<?> items) {
            for (Object item : items) {
                if (item instanceof GenericRecord record && id.equals(stringOrNull(record.get(field)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String stringOrNull(Object value) {
        return value == null ? null : value.toString();
    }
}
