package eu.clusternews.pipeline.internal;

import java.io.IOException;

import eu.clusternews.avro.NewsEvent;
import eu.clusternews.registry.ConfluentWireFormat;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.ResolvingDecoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
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
    private static final int BODY = NEWS.getField("body").pos();

    // Avro's fast reader decodes every field through readers of its own and would never call readField: off here
    private final SpecificDatumReader<NewsEvent> withoutBody =
            new SpecificDatumReader<>(NEWS, NEWS, slowReaderModel()) {
                @Override
                protected void readField(
                        Object record, Schema.Field field, Object oldDatum, ResolvingDecoder in, Object state)
                        throws IOException {
                    if (field.pos() == BODY) {
                        in.skipString();
                    } else {
                        super.readField(record, field, oldDatum, in, state);
                    }
                }
            };

    private final SpecificDatumReader<NewsEvent> whole =
            new SpecificDatumReader<>(NEWS, NEWS, SpecificData.getForClass(NewsEvent.class));

    /** NewsEvent's own model (its logical-type conversions) with Avro's fast reader off. */
    private static SpecificData slowReaderModel() {
        SpecificData model = new SpecificData(NewsEvent.class.getClassLoader());
        SpecificData.getForClass(NewsEvent.class).getConversions().forEach(model::addLogicalTypeConversion);
        model.setFastReaderEnabled(false);
        return model;
    }

    /** The news in {@code wire} (Confluent wire format, our layout), its body left out (null). */
    public NewsEvent read(String topic, byte[] wire) {
        return read(withoutBody, topic, wire);
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
            throw new SerializationException(
                    "A record in " + topic + ": truncated or corrupt Avro data after the header (" + wire.length
                            + " bytes): " + e,
                    e);
        }
    }
}
