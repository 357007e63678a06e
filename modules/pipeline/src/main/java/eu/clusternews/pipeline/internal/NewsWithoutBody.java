package eu.clusternews.pipeline.internal;

import static eu.clusternews.pipeline.internal.BinaryLayout.enumIndex;
import static eu.clusternews.pipeline.internal.BinaryLayout.nullableDate;
import static eu.clusternews.pipeline.internal.BinaryLayout.nullableString;
import static eu.clusternews.pipeline.internal.BinaryLayout.present;
import static eu.clusternews.pipeline.internal.BinaryLayout.strings;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import eu.clusternews.avro.Location;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.NewsKind;
import eu.clusternews.registry.ConfluentWireFormat;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Decodes a cluster-news value written in our NewsEvent's binary layout (the validate step checked its writer schema)
 * without its body, which it skips: the body is most of a news' bytes, and turning them into a String most of the cost
 * of decoding the news, while the pipeline copies the news' binary into what it writes and needs the text only to cut
 * an oversized news. The body of such a news is null; the bytes travel with it ({@link WithNewsBytes}), and
 * {@link #withBody} decodes it whole when it is needed. Thread-safe.
 */
public final class NewsWithoutBody {

    private static final Schema NEWS = NewsEvent.getClassSchema();

    /**
     * NewsEvent's fields in the order {@link #readWithoutBody} reads them, with their types: a test checks them against
     * the schema, so that a change of the schema cannot pass unnoticed.
     */
    static final List<String> LAYOUT = List.of(
            "id string",
            "source string",
            "url null|string",
            "format string",
            "language null|string",
            "title string",
            "body string (skipped)",
            "publishedAt null|date",
            "ingestedAt timestamp-millis",
            "kind NewsKind",
            "eventStart null|date",
            "eventEnd null|date",
            "location null|Location(city null|string, country null|string)",
            "publisherId null|string",
            "organiserId null|string",
            "organisationIds array<string>",
            "consortiumIds array<string>",
            "programmeIds array<string>",
            "unresolved array<string>",
            "persons array<string>");

    private static final NewsKind[] KINDS = NewsKind.values();

    private final SpecificDatumReader<NewsEvent> whole =
            new SpecificDatumReader<>(NEWS, NEWS, SpecificData.getForClass(NewsEvent.class));

    /**
     * Reads the fields of our layout straight from the decoder ({@link BinaryLayout}), skipping the body. Avro's
     * generic reader made reading the news 12 % of the stream thread; the layout is fixed, because the validate step
     * checked the writer schema.
     */
    private static NewsEvent readWithoutBody(BinaryDecoder in) throws IOException {
        NewsEvent news = new NewsEvent();
        news.setId(in.readString());
        news.setSource(in.readString());
        news.setUrl(nullableString(in));
        news.setFormat(in.readString());
        news.setLanguage(nullableString(in));
        news.setTitle(in.readString());
        in.skipString();
        news.setPublishedAt(nullableDate(in));
        news.setIngestedAt(Instant.ofEpochMilli(in.readLong()));
        news.setKind(KINDS[enumIndex(in, KINDS.length)]);
        news.setEventStart(nullableDate(in));
        news.setEventEnd(nullableDate(in));
        if (present(in)) {
            String city = nullableString(in);
            String country = nullableString(in);
            news.setLocation(new Location(city, country));
        }
        // the ids each as one kept instance (IdStrings): every later step hashes or compares them
        Utf8 scratch = new Utf8();
        news.setPublisherId(IdStrings.readNullable(in, scratch));
        news.setOrganiserId(IdStrings.readNullable(in, scratch));
        news.setOrganisationIds(IdStrings.readAll(in, scratch));
        news.setConsortiumIds(IdStrings.readAll(in, scratch));
        news.setProgrammeIds(IdStrings.readAll(in, scratch));
        news.setUnresolved(strings(in));
        news.setPersons(strings(in));
        return news;
    }

    /** The news in {@code wire} (Confluent wire format, our layout), its body left out (null). */
    public NewsEvent read(String topic, byte[] wire) {
        int start = ConfluentWireFormat.HEADER_SIZE;
        try {
            return readWithoutBody(DecoderFactory.get().binaryDecoder(wire, start, wire.length - start, null));
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw corrupt(topic, wire, e);
        }
    }

    /** The news in {@code wire}, body included. */
    public NewsEvent withBody(String topic, byte[] wire) {
        return read(whole, topic, wire);
    }

    private static NewsEvent read(SpecificDatumReader<NewsEvent> reader, String topic, byte[] wire) {
        int start = ConfluentWireFormat.HEADER_SIZE;
        try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(wire, start, wire.length - start, null));
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw corrupt(topic, wire, e);
        }
    }

    private static SerializationException corrupt(String topic, byte[] wire, Exception e) {
        return new SerializationException(
                "A record in " + topic + ": truncated or corrupt Avro data after the header (" + wire.length
                        + " bytes): " + e,
                e);
    }
}
