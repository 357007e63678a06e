package eu.clusternews.pipeline.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import eu.clusternews.avro.EventReport;
import eu.clusternews.avro.Location;
import eu.clusternews.avro.NewsKind;
import eu.clusternews.pipeline.internal.InternalAvroSerde;
import eu.clusternews.pipeline.internal.SchemaLayout;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/** The event reports' field-by-field layout writes Avro's bytes and reads them back, for any report. */
class EventReportLayoutTest {

    private final InternalAvroSerde<EventReport> generic = InternalAvroSerde.of(EventReport.class);
    private final InternalAvroSerde<EventReport> laidOut =
            InternalAvroSerde.of(EventReport.class, EventReportLayout.INSTANCE);

    /** A change of EventReport's schema must change the layout too, and fails here until then. */
    @Test
    void theLayoutIsEventReportsSchemaFieldByField() {
        assertThat(EventReportLayout.INSTANCE.fields())
                .containsExactlyElementsOf(SchemaLayout.of(EventReport.getClassSchema()));
    }

    @Property(tries = 300)
    void writesAvrosBytesAndReadsTheReportBack(@ForAll("reports") EventReport report) throws IOException {
        byte[] written = laidOut.serialize("event-reports", report);

        assertThat(written).isEqualTo(generic.serialize("event-reports", report));
        assertThat(layoutBinary(report)).isEqualTo(avroBinary(report));
        assertThat(laidOut.deserialize("event-reports", written)).isEqualTo(report);
        assertThat(generic.deserialize("event-reports", written)).isEqualTo(report);
    }

    private static byte[] layoutBinary(EventReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        EventReportLayout.INSTANCE.write(report, encoder);
        encoder.flush();
        byte[] bytes = out.toByteArray();
        // and the layout's reader reads exactly these bytes
        assertThat(EventReportLayout.INSTANCE.read(DecoderFactory.get().binaryDecoder(bytes, null)))
                .isEqualTo(report);
        return bytes;
    }

    private static byte[] avroBinary(EventReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        new SpecificDatumWriter<EventReport>(EventReport.getClassSchema(), SpecificData.getForClass(EventReport.class))
                .write(report, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    @Provide
    Arbitrary<EventReport> reports() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(30); // any code points, surrogate pairs included
        Arbitrary<String> nullableText = text.injectNull(0.3);
        Arbitrary<LocalDate> dates = Arbitraries.integers()
                .between(-30_000, 80_000)
                .map(LocalDate::ofEpochDay)
                .injectNull(0.3);
        Arbitrary<List<String>> lists = text.list().ofMaxSize(4);
        Arbitrary<Location> locations = Combinators.combine(nullableText, nullableText)
                .as(Location::new)
                .injectNull(0.4);
        Arbitrary<EventReport.Builder> texts = Combinators.combine(text, text, nullableText, nullableText, nullableText)
                .as((newsId, title, language, publisher, url) -> EventReport.newBuilder()
                        .setNewsId(newsId)
                        .setTitle(title)
                        .setLanguage(language)
                        .setPublisherId(publisher)
                        .setUrl(url));
        return Combinators.combine(
                        texts,
                        dates,
                        Arbitraries.of(NewsKind.class),
                        dates,
                        dates,
                        locations,
                        Combinators.combine(lists, lists, lists).as(List::of))
                .as((builder, published, kind, start, end, location, ids) -> builder.setPublishedAt(published)
                        .setKind(kind)
                        .setEventStart(start)
                        .setEventEnd(end)
                        .setLocation(location)
                        .setConsortiumIds(ids.get(0))
                        .setClusterIds(ids.get(1))
                        .setProgrammeIds(ids.get(2))
                        .build());
    }
}
