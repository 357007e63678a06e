package eu.clusternews.pipeline;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import eu.clusternews.avro.ClusterInvolvement;
import eu.clusternews.avro.ClusterRole;
import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.avro.Location;
import eu.clusternews.avro.NewsEvent;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Keeps what the pipeline writes for one news bounded, whatever the news: any news the broker accepted on
 * cluster-news is processed and counted, and its enriched copy (cluster-news-enriched, the enriched-news store and
 * its changelog, the fan-out) fits in one Kafka record. The full news always stays in cluster-news.
 *
 * <ul>
 *   <li>The news' id lists (organisations, consortia, programmes) keep their first {@link #MAX_IDS} distinct ids, and
 *       the clusters and programmes involved are cut to {@link #MAX_IDS} each (publisher and mentioned clusters
 *       first): a news counts for at most 100 clusters, 100 consortia and 200 programmes (mentioned or funding), so
 *       one news never makes thousands of partial activities. Ids longer than {@link #MAX_ID_CHARS} are not reference
 *       ids and are left out.</li>
 *   <li>Title, URL, source, names and the event's city are cut to fixed lengths (a URL is left out rather than cut:
 *       a cut URL is a wrong link).</li>
 *   <li>Then, if the encoded enriched copy is still over {@link #MAX_BYTES_CONFIG} (default 512 KiB, well under
 *       Kafka's 1 MiB), its body is cut to fit. Only when it does not fit even without a body (reference data too
 *       large to attach, say) is the news bad input: {@link InvalidNewsException}, so it is dead-lettered.</li>
 * </ul>
 *
 * <p>Every cut is listed on the enriched record's {@link #HEADER_CUT} header. The bounds are a pure function of the
 * news and the reference data, so a replay or a recount cuts the same way.
 */
public final class EnrichmentBounds {

    /** The largest encoded enriched news value, in bytes (wire-format header included). */
    public static final String MAX_BYTES_CONFIG = "clusternews.enriched.max.bytes";

    public static final int DEFAULT_MAX_BYTES = 512 * 1024;
    static final int MIN_MAX_BYTES = 64 * 1024;
    /** Room left under the producer's max.request.size for the record's key, headers and framing. */
    static final int HEADROOM_BYTES = 128 * 1024;

    /** How many ids of each kind one news counts for. */
    public static final int MAX_IDS = 100;
    /** Reference ids are short ({@code org:bnpt}); a longer string is not one. News ids are checked by validate. */
    public static final int MAX_ID_CHARS = 256;

    public static final int MAX_TITLE_CHARS = 2_000;
    public static final int MAX_URL_CHARS = FanOut.MAX_HEADLINE_URL_CHARS;
    public static final int MAX_SOURCE_CHARS = 2_048;
    /** Persons and unresolved organisation names: how many, and how long each. */
    public static final int MAX_NAMES = 100;

    public static final int MAX_NAME_CHARS = 256;
    /** The input record's own headers carried over to the enriched record, in bytes. */
    public static final int MAX_HEADER_BYTES = 64 * 1024;

    /** On an enriched record whose news was cut: what was cut, e.g. {@code body: 524000 of 1000000 bytes kept}. */
    public static final String HEADER_CUT = "clusternews.cut";

    private static final int WIRE_HEADER_BYTES = 5;
    private static final Schema.Field ENRICHED_AT =
            EnrichedNews.getClassSchema().getField("enrichedAt");
    /** The fields of EnrichedNews that an {@link Enrichment} holds: after the news, before the time. */
    private static final List<Schema.Field> ENRICHMENT =
            EnrichedNews.getClassSchema().getFields().subList(1, ENRICHED_AT.pos());

    private final int maxBytes;
    private final SpecificDatumWriter<EnrichedNews> writer = new SpecificDatumWriter<>(EnrichedNews.class);
    private final CountingSink sink = new CountingSink();
    private BinaryEncoder encoder;

    public EnrichmentBounds(int maxBytes) {
        if (maxBytes < MIN_MAX_BYTES) {
            throw new ConfigException(MAX_BYTES_CONFIG, maxBytes, "must be at least " + MIN_MAX_BYTES + " bytes");
        }
        this.maxBytes = maxBytes;
    }

    /** The default bounds. */
    public EnrichmentBounds() {
        this(DEFAULT_MAX_BYTES);
    }

    /**
     * The bounds the pipeline's configuration sets: {@value #MAX_BYTES_CONFIG}, which must leave
     * {@value #HEADROOM_BYTES} bytes under the producer's {@code max.request.size}.
     *
     * @throws ConfigException when it does not, naming both settings
     */
    public static EnrichmentBounds from(Map<String, ?> config) {
        int maxBytes = intSetting(config, MAX_BYTES_CONFIG, DEFAULT_MAX_BYTES);
        String requestKey = config.containsKey(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG))
                ? StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG)
                : ProducerConfig.MAX_REQUEST_SIZE_CONFIG;
        int maxRequest = intSetting(config, requestKey, 1024 * 1024);
        if (maxBytes > maxRequest - HEADROOM_BYTES) {
            throw new ConfigException(
                    MAX_BYTES_CONFIG,
                    maxBytes,
                    "must be at most " + requestKey + " (" + maxRequest + ") less " + HEADROOM_BYTES
                            + " bytes for keys and headers; lower it or raise " + requestKey
                            + " (and the topics' max.message.bytes)");
        }
        return new EnrichmentBounds(maxBytes);
    }

    public int maxBytes() {
        return maxBytes;
    }

    /**
     * An enriched news within the bounds, what had to be cut for it (empty for nearly every news), and the enrichment
     * it was made with (which it holds as it is unless cut: {@link Enrichment#isIn}).
     */
    public record Bounded(EnrichedNews enriched, List<String> cuts, Enrichment enrichment) {
        public boolean isCut() {
            return !cuts.isEmpty();
        }
    }

    /**
     * Enriches the news, cut to the bounds.
     *
     * @throws InvalidNewsException when the enriched copy is over the byte bound even without its body
     */
    public Bounded enrich(Enricher enricher, NewsEvent news, Instant enrichedAt) {
        return enrich(enricher::enrichment, news, enrichedAt);
    }

    /**
     * Enriches the news, cut to the bounds, with the enrichment {@code enrichments} gives for it (cut).
     *
     * @throws InvalidNewsException when the enriched copy is over the byte bound even without its body
     */
    public Bounded enrich(Function<NewsEvent, Enrichment> enrichments, NewsEvent news, Instant enrichedAt) {
        List<String> cuts = new ArrayList<>();
        NewsEvent within = cut(news, cuts);
        Enrichment enrichment = enrichments.apply(within);
        EnrichedNews enriched = enrichment.of(within, enrichedAt);
        capInvolved(enriched, cuts);
        fitBody(enriched, cuts);
        return new Bounded(enriched, List.copyOf(cuts), enrichment);
    }

    /**
     * Enriches a news whose body was left undecoded in its Avro binary of {@code newsBinaryBytes} bytes
     * ({@code NewsWithoutBody}) when it is within the bounds as it is, which the size of that binary shows for nearly
     * every news; null when the bounds may cut it: then decode it whole and {@link #enrich} it.
     */
    public Bounded enrichAsItIs(
            Function<NewsEvent, Enrichment> enrichments, NewsEvent news, Instant enrichedAt, int newsBinaryBytes) {
        if (!withinBounds(news)) {
            return null;
        }
        Enrichment enrichment = enrichments.apply(news);
        EnrichedNews enriched = enrichment.of(news, enrichedAt);
        if (enriched.getClusters().size() > MAX_IDS || enriched.getProgrammes().size() > MAX_IDS) {
            return null;
        }
        long bound = WIRE_HEADER_BYTES
                + newsBinaryBytes
                + enrichment.maxBytes(() -> {
                    long bytes = 0;
                    for (Schema.Field field : ENRICHMENT) {
                        bytes += upperBound(enriched.get(field.pos()), field.schema());
                    }
                    return bytes;
                })
                + upperBound(enriched.getEnrichedAt(), ENRICHED_AT.schema());
        return bound <= maxBytes ? new Bounded(enriched, List.of(), enrichment) : null;
    }

    /** The news with its id lists, texts and names cut to the bounds (the same object when nothing is cut). */
    NewsEvent cut(NewsEvent news, List<String> cuts) {
        if (withinBounds(news)) {
            return news; // nearly every news: no copy
        }
        NewsEvent.Builder b = NewsEvent.newBuilder(news);
        b.setOrganisationIds(ids("organisationIds", news.getOrganisationIds(), cuts));
        b.setConsortiumIds(ids("consortiumIds", news.getConsortiumIds(), cuts));
        b.setProgrammeIds(ids("programmeIds", news.getProgrammeIds(), cuts));
        if (news.getPublisherId() != null && news.getPublisherId().length() > MAX_ID_CHARS) {
            b.setPublisherId(null);
            cuts.add("publisherId of " + news.getPublisherId().length() + " characters left out");
        }
        b.setTitle(text("title", news.getTitle(), MAX_TITLE_CHARS, cuts));
        b.setSource(text("source", news.getSource(), MAX_SOURCE_CHARS, cuts));
        if (news.getUrl() != null && news.getUrl().length() > MAX_URL_CHARS) {
            b.setUrl(null);
            cuts.add("url of " + news.getUrl().length() + " characters left out");
        }
        b.setPersons(names("persons", news.getPersons(), cuts));
        b.setUnresolved(names("unresolved", news.getUnresolved(), cuts));
        Location location = news.getLocation();
        if (location != null && location.getCity() != null && location.getCity().length() > MAX_NAME_CHARS) {
            b.setLocation(Location.newBuilder(location)
                    .setCity(text("location.city", location.getCity(), MAX_NAME_CHARS, cuts))
                    .build());
        }
        return b.build();
    }

    private static boolean withinBounds(NewsEvent news) {
        Location location = news.getLocation();
        return idsWithin(news.getOrganisationIds())
                && idsWithin(news.getConsortiumIds())
                && idsWithin(news.getProgrammeIds())
                && (news.getPublisherId() == null || news.getPublisherId().length() <= MAX_ID_CHARS)
                && news.getTitle().length() <= MAX_TITLE_CHARS
                && news.getSource().length() <= MAX_SOURCE_CHARS
                && (news.getUrl() == null || news.getUrl().length() <= MAX_URL_CHARS)
                && namesWithin(news.getPersons())
                && namesWithin(news.getUnresolved())
                && (location == null
                        || location.getCity() == null
                        || location.getCity().length() <= MAX_NAME_CHARS);
    }

    private static boolean idsWithin(List<String> ids) {
        return ids.size() <= MAX_IDS && ids.stream().allMatch(id -> id.length() <= MAX_ID_CHARS);
    }

    private static boolean namesWithin(List<String> names) {
        return names.size() <= MAX_NAMES && names.stream().allMatch(n -> n.length() <= MAX_NAME_CHARS);
    }

    /** Publisher and mentioned clusters first, then consortium members; programmes in the enricher's order. */
    private static void capInvolved(EnrichedNews enriched, List<String> cuts) {
        List<ClusterInvolvement> clusters = enriched.getClusters();
        if (clusters.size() > MAX_IDS) {
            List<ClusterInvolvement> kept = clusters.stream()
                    .sorted(Comparator.comparing(EnrichmentBounds::rank)
                            .thenComparing(ClusterInvolvement::getClusterId))
                    .limit(MAX_IDS)
                    .sorted(Comparator.comparing(ClusterInvolvement::getClusterId))
                    .toList();
            enriched.setClusters(new ArrayList<>(kept));
            cuts.add("clusters: " + MAX_IDS + " of " + clusters.size() + " involved kept");
        }
        if (enriched.getProgrammes().size() > MAX_IDS) {
            cuts.add(
                    "programmes: " + MAX_IDS + " of " + enriched.getProgrammes().size() + " involved kept");
            enriched.setProgrammes(new ArrayList<>(enriched.getProgrammes().subList(0, MAX_IDS)));
        }
    }

    private static int rank(ClusterInvolvement c) {
        if (c.getRoles().contains(ClusterRole.PUBLISHER)) {
            return 0;
        }
        return c.getRoles().contains(ClusterRole.MENTIONED) ? 1 : 2;
    }

    /** Cuts the body so that the encoded copy fits in {@link #maxBytes}; the body is the only part left unbounded. */
    private void fitBody(EnrichedNews enriched, List<String> cuts) {
        if (WIRE_HEADER_BYTES + upperBound(enriched, EnrichedNews.getClassSchema()) <= maxBytes) {
            return; // nearly every news: no need to encode it once more to know
        }
        long size = encodedSize(enriched);
        if (size <= maxBytes) {
            return;
        }
        NewsEvent news = enriched.getNews();
        String body = news.getBody();
        int bodyBytes = Utils.utf8Length(body);
        // a shorter body can also shorten its length prefix: a few bytes of slack
        long keep = bodyBytes - (size - maxBytes) - 8;
        String cutBody = utf8Prefix(body, (int) Math.max(0, keep));
        NewsEvent bounded = NewsEvent.newBuilder(news).setBody(cutBody).build();
        enriched.setNews(bounded);
        long cutSize = encodedSize(enriched);
        if (cutSize > maxBytes) {
            throw new InvalidNewsException("the enriched copy of news " + news.getId() + " is " + cutSize
                    + " bytes even with its body cut to " + Utils.utf8Length(cutBody) + " bytes, over the limit of "
                    + maxBytes + " bytes (" + MAX_BYTES_CONFIG + "); too much reference data to attach");
        }
        cuts.add("body: " + Utils.utf8Length(cutBody) + " of " + bodyBytes
                + " bytes kept (the full text is in cluster-news)");
    }

    /** The encoded value's size: the wire-format header and the Avro binary. */
    long encodedSize(EnrichedNews enriched) {
        sink.count = 0;
        try {
            encoder = EncoderFactory.get().binaryEncoder(sink, encoder);
            writer.write(enriched, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return WIRE_HEADER_BYTES + sink.count;
    }

    /**
     * More bytes than the Avro binary of the datum can take, found without encoding it (which costs several times
     * as much): every string at 3 bytes a character (UTF-8's most for a UTF-16 char), every length, count or number
     * at its longest varint.
     */
    static long upperBound(Object datum, Schema schema) {
        switch (schema.getType()) {
            case RECORD -> {
                IndexedRecord record = (IndexedRecord) datum;
                long bytes = 0;
                for (Schema.Field field : schema.getFields()) {
                    bytes += upperBound(record.get(field.pos()), field.schema());
                }
                return bytes;
            }
            case UNION -> {
                if (datum == null) {
                    return 1;
                }
                List<Schema> types = schema.getTypes();
                // ["null", X], as every union of ours: X, without the cost of resolving the union
                Schema branch = types.size() == 2 && types.get(0).getType() == Schema.Type.NULL
                        ? types.get(1)
                        : types.get(SpecificData.get().resolveUnion(schema, datum));
                return 1 + upperBound(datum, branch);
            }
            case ARRAY -> {
                long bytes = 20;
                for (Object item : (Iterable<?>) datum) {
                    bytes += upperBound(item, schema.getElementType());
                }
                return bytes;
            }
            case MAP -> {
                long bytes = 20;
                for (Map.Entry<?, ?> e : ((Map<?, ?>) datum).entrySet()) {
                    bytes += 10 + 3L * e.getKey().toString().length() + upperBound(e.getValue(), schema.getValueType());
                }
                return bytes;
            }
            case STRING -> {
                return 10 + 3L * ((CharSequence) datum).length();
            }
            case BYTES -> {
                return 10 + ((java.nio.ByteBuffer) datum).remaining();
            }
            case FIXED -> {
                return schema.getFixedSize();
            }
            case NULL -> {
                return 0;
            }
            default -> {
                return 10; // int, long, float, double, boolean, enum
            }
        }
    }

    /** The first distinct ids up to {@link #MAX_IDS}, ids over {@link #MAX_ID_CHARS} left out. */
    private static List<String> ids(String field, List<String> ids, List<String> cuts) {
        if (idsWithin(ids)) {
            return ids;
        }
        List<String> kept = new ArrayList<>();
        int tooLong = 0;
        int distinct = 0;
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                continue;
            }
            distinct++;
            if (id.length() > MAX_ID_CHARS) {
                tooLong++;
            } else if (kept.size() < MAX_IDS) {
                kept.add(id);
            }
        }
        if (tooLong > 0) {
            cuts.add(field + ": " + tooLong + " ids over " + MAX_ID_CHARS + " characters left out");
        }
        if (distinct - tooLong > kept.size()) {
            cuts.add(field + ": first " + kept.size() + " of " + (distinct - tooLong) + " ids kept");
        }
        return kept;
    }

    private static List<String> names(String field, List<String> names, List<String> cuts) {
        if (namesWithin(names)) {
            return names;
        }
        List<String> kept = names.stream()
                .limit(MAX_NAMES)
                .map(n -> cutText(n, MAX_NAME_CHARS))
                .toList();
        cuts.add(field + ": first " + kept.size() + " of " + names.size() + " kept, each at most " + MAX_NAME_CHARS
                + " characters");
        return new ArrayList<>(kept);
    }

    private static String text(String field, String text, int max, List<String> cuts) {
        if (text == null || text.length() <= max) {
            return text;
        }
        cuts.add(field + ": " + max + " of " + text.length() + " characters kept");
        return cutText(text, max);
    }

    /** At most {@code max} characters, ending with an ellipsis when cut, never half a surrogate pair. */
    static String cutText(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
        return text.substring(0, end) + "…";
    }

    /** The longest prefix whose UTF-8 encoding is at most {@code maxBytes}, never half a surrogate pair. */
    static String utf8Prefix(String text, int maxBytes) {
        int bytes = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int width;
            int chars = 1;
            if (c < 0x80) {
                width = 1;
            } else if (c < 0x800) {
                width = 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                width = 4;
                chars = 2;
            } else {
                width = 3;
            }
            if (bytes + width > maxBytes) {
                break;
            }
            bytes += width;
            i += chars;
        }
        return text.substring(0, i);
    }

    private static int intSetting(Map<String, ?> config, String key, int fallback) {
        Object value = config.get(key);
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key, value, "must be a number of bytes");
        }
    }

    /** Counts the bytes written to it and keeps none. */
    private static final class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
