package eu.clusternews.pipeline.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.registry.ConfluentWireFormat;
import eu.clusternews.registry.SpecificFieldsWriter;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;

/**
 * Assembles what the pipeline writes of an enriched news from copies of the cluster-news record it was read from, when
 * that record's Avro binary is the news' encoding in our schema (the validate step checked its writer schema's
 * canonical form): {@code EnrichedNews} starts with its {@code news} field, so its binary is the news' binary followed by
 * the enrichment's, which alone is encoded, once per enrichment. The store's copy leaves the body out (the news' binary
 * up to the body, an empty string, the rest) and has the enrichment as a news list shows it, also encoded once per
 * enrichment. Same bytes as encoding the records (tested).
 */
public final class EnrichedNewsBinaries {

    private static final Schema NEWS = NewsEvent.getClassSchema();
    /** The fields of NewsEvent before its body, which are skipped to find where the body lies. */
    private static final List<Schema.Field> BEFORE_BODY =
            NEWS.getFields().subList(0, NEWS.getField("body").pos());

    private static final int ENRICHED_AT =
            EnrichedNews.getClassSchema().getField("enrichedAt").pos();
    private static final int FIELDS = EnrichedNews.getClassSchema().getFields().size();

    private final SpecificFieldsWriter fields = new SpecificFieldsWriter(SpecificData.getForClass(EnrichedNews.class));
    private final byte[] storeHeader = InternalAvroSerde.of(EnrichedNews.class).singleObjectHeader();
    private final ByteArrayOutputStream encoded = new ByteArrayOutputStream(4096);
    private BinaryEncoder encoder;
    private BinaryDecoder decoder;

    /**
     * The enriched news with both encodings assembled, its news read from {@code newsWire} (a cluster-news value in the
     * Confluent wire format, written in our NewsEvent's layout, holding exactly {@code enriched.getNews()}),
     * {@code enrichmentFields} as the binary of its fields between {@code news} and {@code enrichedAt} (made by
     * {@link #enrichmentFields} from a news enriched alike; null: encoded now), and {@code listedFields} the same for the
     * store's copy ({@link #listedFields}; null: encoded now), so that only the time of enrichment is encoded.
     */
    public EnrichedCopies of(EnrichedNews enriched, byte[] newsWire, byte[] enrichmentFields, byte[] listedFields) {
        int newsStart = ConfluentWireFormat.HEADER_SIZE;
        byte[] enrichedAt = encodeFields(enriched, ENRICHED_AT, FIELDS);
        byte[] enrichment = enrichmentFields != null ? enrichmentFields : enrichmentFields(enriched);
        byte[] listed = listedFields != null ? listedFields : listedFields(enriched);

        // the header's bytes are copied along with the news' and replaced by the topic's when the copy is framed
        byte[] framed = new byte[newsWire.length + enrichment.length + enrichedAt.length];
        System.arraycopy(newsWire, 0, framed, 0, newsWire.length);
        System.arraycopy(enrichment, 0, framed, newsWire.length, enrichment.length);
        System.arraycopy(enrichedAt, 0, framed, newsWire.length + enrichment.length, enrichedAt.length);

        int[] body = bodySpan(newsWire, newsStart);
        int beforeBody = body[0] - newsStart;
        int afterBody = newsWire.length - body[1];
        byte[] stored = new byte[storeHeader.length + beforeBody + 1 + afterBody + listed.length + enrichedAt.length];
        int at = 0;
        System.arraycopy(storeHeader, 0, stored, at, storeHeader.length);
        at += storeHeader.length;
        System.arraycopy(newsWire, newsStart, stored, at, beforeBody);
        at += beforeBody;
        stored[at++] = 0; // the empty string: length zero
        System.arraycopy(newsWire, body[1], stored, at, afterBody);
        at += afterBody;
        System.arraycopy(listed, 0, stored, at, listed.length);
        at += listed.length;
        System.arraycopy(enrichedAt, 0, stored, at, enrichedAt.length);
        return new EnrichedCopies(enriched, framed, stored);
    }

    /** The Avro binary of the enriched news' fields between {@code news} and {@code enrichedAt}: what enriches it. */
    public byte[] enrichmentFields(EnrichedNews enriched) {
        return encodeFields(enriched, 1, ENRICHED_AT);
    }

    /** The same fields as the enriched-news store keeps them ({@link ListedNews}). */
    public byte[] listedFields(EnrichedNews enriched) {
        return enrichmentFields(ListedNews.of(enriched));
    }

    /** The Avro binary of the enriched news' fields from {@code first} (inclusive) to {@code end} (exclusive). */
    private byte[] encodeFields(EnrichedNews enriched, int first, int end) {
        encoded.reset();
        try {
            encoder = EncoderFactory.get().binaryEncoder(encoded, encoder);
            fields.writeFields(enriched, first, end, encoder);
            encoder.flush();
        } catch (IOException e) {
            encoder = null;
            throw new UncheckedIOException(e);
        }
        return encoded.toByteArray();
    }

    /** Where the body (its length and its bytes) starts and ends in the news' binary. */
    private int[] bodySpan(byte[] wire, int start) {
        decoder = DecoderFactory.get().binaryDecoder(wire, start, wire.length - start, decoder);
        try {
            for (Schema.Field field : BEFORE_BODY) {
                GenericDatumReader.skip(field.schema(), decoder);
            }
            int bodyStart = wire.length - decoder.inputStream().available();
            decoder.skipString();
            return new int[] {bodyStart, wire.length - decoder.inputStream().available()};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
