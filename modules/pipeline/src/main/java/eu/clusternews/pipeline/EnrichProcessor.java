package eu.clusternews.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.pipeline.internal.EnrichedCopies;
import eu.clusternews.pipeline.internal.EnrichedNewsBinaries;
import eu.clusternews.pipeline.internal.NewsWithoutBody;
import eu.clusternews.pipeline.internal.WithNewsBytes;
import eu.clusternews.registry.ConfluentWireFormat;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link Enricher} against the global reference stores as they are when the news passes (news that mention
 * the same entities share an enrichment while its reference records stay the same: {@link EnrichmentMemo}), within the
 * {@link EnrichmentBounds} the configuration sets ({@value EnrichmentBounds#MAX_BYTES_CONFIG}): a news that is over
 * them is still enriched and counted, its enriched copy cut, with {@link EnrichmentBounds#HEADER_CUT} saying what
 * was cut.
 */
final class EnrichProcessor implements FixedKeyProcessor<String, WithNewsBytes<NewsEvent>, EnrichedCopies> {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichProcessor.class);

    /** Enrichments remembered per task, by the entities news mention (about 1 KB each). */
    private static final int REMEMBERED_ENRICHMENTS = 4_096;

    private FixedKeyProcessorContext<String, EnrichedCopies> context;
    private final EnrichedNewsBinaries binaries = new EnrichedNewsBinaries();
    private final NewsWithoutBody newsReader = new NewsWithoutBody();
    private final ReferenceSnapshots lookups;
    private EnrichmentMemo enrichments;
    private EnrichmentBounds bounds;

    EnrichProcessor(ReferenceSnapshots lookups) {
        this.lookups = lookups;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EnrichedCopies> context) {
        this.context = context;
        this.enrichments = new EnrichmentMemo(new GlobalStoreLookup(context, lookups), REMEMBERED_ENRICHMENTS);
        this.bounds = EnrichmentBounds.from(context.appConfigs());
    }

    @Override
    public void process(FixedKeyRecord<String, WithNewsBytes<NewsEvent>> record) {
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        NewsEvent news = record.value().value();
        byte[] newsBytes = record.value().newsBytes();
        EnrichmentBounds.Bounded bounded = null;
        if (news.getBody() == null) { // left in the bytes by validate: enough unless the bounds cut the news
            bounded = bounds.enrichAsItIs(enrichments, news, now, newsBytes.length - ConfluentWireFormat.HEADER_SIZE);
            if (bounded == null) {
                news = newsReader.withBody(topic(), newsBytes);
            }
        }
        if (bounded == null) {
            bounded = bounds.enrich(enrichments, news, now);
        }
        // copies of the news' bytes only if the enriched copy holds the news exactly as it was read
        boolean asRead =
                newsBytes != null && !bounded.isCut() && bounded.enriched().getNews() == news;
        FixedKeyRecord<String, EnrichedCopies> enriched = record.withValue(
                asRead
                        ? binaries.of(bounded.enriched(), newsBytes, enrichmentFields(bounded), listedFields(bounded))
                        : EnrichedCopies.encodedWhenWritten(bounded.enriched()));
        List<String> cuts = new ArrayList<>(bounded.cuts());
        Headers headers = HeaderBounds.carried(record.headers(), key -> true, EnrichmentBounds.MAX_HEADER_BYTES, cuts);
        if (!cuts.isEmpty()) {
            String what = String.join("; ", cuts);
            LOG.warn(
                    "News {} is over the pipeline's bounds: it is counted, its enriched copy is cut (the full news"
                            + " stays in cluster-news): {}",
                    record.key(),
                    what);
            headers.add(EnrichmentBounds.HEADER_CUT, what.getBytes(StandardCharsets.UTF_8));
            enriched = enriched.withHeaders(headers);
        }
        context.forward(enriched);
    }

    private String topic() {
        return context.recordMetadata().map(m -> m.topic()).orElse("cluster-news");
    }

    /** The binary of the enrichment, encoded once per enrichment: null when the news holds it cut or changed. */
    private byte[] enrichmentFields(EnrichmentBounds.Bounded bounded) {
        EnrichedNews enriched = bounded.enriched();
        return bounded.enrichment().isIn(enriched)
                ? bounded.enrichment().binary(() -> binaries.enrichmentFields(enriched))
                : null;
    }

    /** The same as the enriched-news store keeps it, encoded once per enrichment: null when cut or changed. */
    private byte[] listedFields(EnrichmentBounds.Bounded bounded) {
        EnrichedNews enriched = bounded.enriched();
        return bounded.enrichment().isIn(enriched)
                ? bounded.enrichment().listedBinary(() -> binaries.listedFields(enriched))
                : null;
    }
}
