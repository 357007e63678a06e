package eu.clusternews.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import eu.clusternews.avro.ClusterEvent;
import eu.clusternews.avro.EventReport;
import eu.clusternews.avro.Location;
import eu.clusternews.avro.NewsKind;
import eu.clusternews.pipeline.events.EventAssembly;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class KeptBinariesTest {

    private final InternalAvroSerde<EventReport> reports = InternalAvroSerde.of(EventReport.class);
    private final InternalAvroSerde<ClusterEvent> events = InternalAvroSerde.of(ClusterEvent.class);

    @Test
    void aReportReadFromTheEventReportsTopicKeepsTheBytesItWasReadFrom() throws IOException {
        EventReport built = report("news:a", "Cluster-Excellence-Training in Berlin", 17);
        byte[] record = reports.serialize("event-reports", built);

        EventReport read = reports.deserialize("event-reports", record);

        assertThat(read).isInstanceOf(ReportWithBinary.class).isEqualTo(built);
        assertThat(((ReportWithBinary) read).keptAvroBinary())
                .isEqualTo(plainBinary(built))
                .isEqualTo(Arrays.copyOfRange(record, 10, record.length));
    }

    @Test
    void anEventListingReadReportsIsWrittenByteForByteAsIfEncodedAnew() throws IOException {
        List<EventReport> read = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            EventReport built = report("news:" + i, "Bericht Nr. " + i + " über das Treffen in Köln", i % 28 + 1);
            read.add(reports.deserialize("event-reports", reports.serialize("event-reports", built)));
        }
        ClusterEvent event = EventAssembly.assemble(read);

        byte[] written = events.serialize("events-store-changelog", event);

        assertThat(Arrays.copyOfRange(written, 10, written.length)).isEqualTo(plainBinary(plainCopy(event)));
        assertThat(events.deserialize("events-store-changelog", written)).isEqualTo(event);
    }

    @Test
    void aListedReportIsCopiedFromItsKeptBytesNotEncodedFromItsFields() {
        EventReport first =
                reports.deserialize("event-reports", reports.serialize("event-reports", report("news:a", "first", 1)));
        EventReport second =
                reports.deserialize("event-reports", reports.serialize("event-reports", report("news:b", "second", 2)));
        // a report that (wrongly) kept another report's bytes is written as those bytes: proof that they are copied
        ((ReportWithBinary) first).keepAvroBinary(((ReportWithBinary) second).keptAvroBinary());

        ClusterEvent written = events.deserialize(
                "events-store-changelog", events.serialize("events-store-changelog", EventAssembly.of(first)));

        assertThat(written.getReports()).containsExactly(second);
    }

    @Test
    void aReportDecodedInsideAnEventKeepsTheBytesOfItsFirstWriteAndIsNotChangedAfterwards() throws IOException {
        ClusterEvent event =
                EventAssembly.assemble(List.of(report("news:a", "first", 1), report("news:b", "second", 2)));
        ClusterEvent stored = events.deserialize("events-store", events.serialize("events-store", event));
        EventReport listed = stored.getReports().get(0);
        assertThat(listed).isInstanceOf(ReportWithBinary.class);
        assertThat(((ReportWithBinary) listed).keptAvroBinary())
                .as("not yet written")
                .isNull();

        byte[] again = events.serialize("events-store", stored);

        assertThat(((ReportWithBinary) listed).keptAvroBinary()).isEqualTo(plainBinary(plainCopy(listed)));
        assertThat(again).isEqualTo(events.serialize("events-store", event));
        assertThatThrownBy(() -> listed.put(1, "another title"))
                .as("its kept bytes would no longer say what it says")
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static EventReport report(String id, String title, int day) {
        return EventReport.newBuilder()
                .setNewsId(id)
                .setTitle(title)
                .setLanguage("de")
                .setPublisherId("org:bnpt")
                .setPublishedAt(LocalDate.of(2017, 5, day))
                .setUrl("https://example.org/" + id)
                .setKind(NewsKind.TRAINING)
                .setEventStart(LocalDate.of(2017, 6, 12))
                .setEventEnd(LocalDate.of(2017, 6, 15))
                .setLocation(
                        Location.newBuilder().setCity("Berlin").setCountry("DE").build())
                .setConsortiumIds(List.of("cons:inno-drop", "cons:clusgrid"))
                .setClusterIds(List.of("org:bnpt", "org:plasmatec"))
                .setProgrammeIds(List.of("prog:cosme"))
                .build();
    }

    /** The record rebuilt of plain generated objects only (no kept bytes anywhere in it). */
    @SuppressWarnings("unchecked")
    private static <T extends SpecificRecord> T plainCopy(T record) {
        if (record instanceof ClusterEvent event) {
            List<EventReport> plain = new ArrayList<>();
            for (EventReport r : event.getReports()) {
                plain.add(plainCopy(r));
            }
            return (T) ClusterEvent.newBuilder(event).setReports(plain).build();
        }
        return (T) EventReport.newBuilder((EventReport) record).build();
    }

    /** The Avro binary Avro's own writer gives. */
    private static <T extends SpecificRecord> byte[] plainBinary(T record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        @SuppressWarnings("unchecked")
        SpecificDatumWriter<T> writer = new SpecificDatumWriter<>((Class<T>) record.getClass());
        writer.write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
