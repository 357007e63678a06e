package eu.clusternews.pipeline.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import eu.clusternews.avro.EventReport;
import eu.clusternews.pipeline.internal.InternalAvroSerde;
import eu.clusternews.pipeline.internal.SchemaLayout;
import net.jqwik.api.Arbitrary;
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
        return EventArbitraries.reports();
    }
}
