package eu.clusternews.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import eu.clusternews.avro.ClusterEvent;
import eu.clusternews.avro.EventReport;
import eu.clusternews.avro.Location;
import eu.clusternews.avro.NewsKind;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

class NullableUnionWriterTest {

    private static final SpecificData MODEL = SpecificData.getForClass(ClusterEvent.class);

    @Test
    void writesTheSameBytesAsAvroWithEveryOptionalFieldSetOrNull() throws IOException {
        EventReport full = EventReport.newBuilder()
                .setNewsId("news:1")
                .setTitle("Training in Graz")
                .setLanguage("de")
                .setPublisherId("org:bnpt")
                .setPublishedAt(LocalDate.of(2025, 3, 1))
                .setUrl("https://example.org/1")
                .setKind(NewsKind.TRAINING)
                .setEventStart(LocalDate.of(2025, 4, 2))
                .setEventEnd(LocalDate.of(2025, 4, 3))
                .setLocation(new Location("Graz", "AT"))
                .setConsortiumIds(List.of("cons:inno-drop"))
                .build();
        EventReport bare = EventReport.newBuilder()
                .setNewsId("news:2")
                .setTitle("Ohne Datum")
                .setLocation(new Location(null, "DE"))
                .build();
        ClusterEvent event = ClusterEvent.newBuilder()
                .setId("evt:news:1")
                .setKindVotes(Map.of("TRAINING", 1L))
                .setStart(LocalDate.of(2025, 4, 2))
                .setLocation(new Location("Graz", null))
                .setFirstReportedAt(LocalDate.of(2025, 3, 1))
                .setReportCount(2)
                .setReports(List.of(full, bare))
                .build();
        ClusterEvent empty = ClusterEvent.newBuilder().setId("evt:news:3").build();

        for (ClusterEvent e : List.of(event, empty)) {
            assertThat(encode(new NullableUnionWriter<>(e.getSchema(), MODEL), e))
                    .isEqualTo(encode(new SpecificDatumWriter<>(e.getSchema(), MODEL), e));
        }
    }

    @Test
    void leavesOtherUnionsToAvro() throws IOException {
        Schema schema = SchemaBuilder.record("Mixed")
                .fields()
                .name("value")
                .type()
                .unionOf()
                .nullType()
                .and()
                .stringType()
                .and()
                .intType()
                .endUnion()
                .nullDefault()
                .endRecord();
        for (Object value : new Object[] {null, "text", 42}) {
            GenericData.Record record = new GenericData.Record(schema);
            record.put("value", value);
            assertThat(encode(new NullableUnionWriter<>(schema, MODEL), record))
                    .isEqualTo(encode(new SpecificDatumWriter<>(schema, MODEL), record));
        }
    }

    @Test
    void writesAListThatKeepsItsItemsBinariesAsAvroDoesAndCopiesThoseBinariesOnTheNextWrite() throws IOException {
        EventReport first = EventReport.newBuilder()
                .setNewsId("news:1")
                .setTitle("Training in Graz")
                .setPublishedAt(LocalDate.of(2025, 3, 1))
                .setLocation(new Location("Graz", "AT"))
                .build();
        EventReport second = EventReport.newBuilder()
                .setNewsId("news:2")
                .setTitle("Ohne Datum")
                .build();
        EventReport other = EventReport.newBuilder()
                .setNewsId("news:9")
                .setTitle("Another one")
                .build();
        KeepingList kept = new KeepingList(List.of(first, second));
        ClusterEvent event = ClusterEvent.newBuilder()
                .setId("evt:news:1")
                .setReportCount(2)
                .setReports(kept)
                .build();
        NullableUnionWriter<ClusterEvent> writer = new NullableUnionWriter<>(event.getSchema(), MODEL);

        assertThat(encode(writer, event))
                .isEqualTo(encode(
                        new SpecificDatumWriter<>(event.getSchema(), MODEL),
                        ClusterEvent.newBuilder(event)
                                .setReports(List.of(first, second))
                                .build()));
        assertThat(kept.binaries[0]).isEqualTo(encodeReport(first));
        assertThat(kept.binaries[1]).isEqualTo(encodeReport(second));

        // a kept binary is copied, not the item encoded again: keep another report's in the first place
        ClusterEvent withOther = ClusterEvent.newBuilder(event)
                .setReports(List.of(other, second))
                .build();
        kept.binaries[0] = encodeReport(other);
        assertThat(encode(writer, event))
                .isEqualTo(encode(new SpecificDatumWriter<>(event.getSchema(), MODEL), withOther));

        // a writer of another schema (a topic's latest registered one, say) never copies them: it encodes the items
        Schema registered = new Schema.Parser().parse(event.getSchema().toString());
        assertThat(encode(new NullableUnionWriter<>(registered, MODEL), event))
                .isEqualTo(encode(
                        new SpecificDatumWriter<>(registered, MODEL),
                        ClusterEvent.newBuilder(event)
                                .setReports(List.of(first, second))
                                .build()));
    }

    private static byte[] encodeReport(EventReport report) throws IOException {
        return encode(new SpecificDatumWriter<>(report.getSchema(), MODEL), report);
    }

    /** A list of reports that keeps their binaries for one schema, as the pipeline's listed reports do. */
    private static final class KeepingList extends AbstractList<EventReport> implements KeptItemBinaries {
        private final List<EventReport> items;
        private final byte[][] binaries;
        private Schema keptFor;

        KeepingList(List<EventReport> items) {
            this.items = items;
            this.binaries = new byte[items.size()][];
        }

        @Override
        public EventReport get(int index) {
            return items.get(index);
        }

        @Override
        public int size() {
            return items.size();
        }

        @Override
        public byte[] binary(int index, Schema itemSchema) {
            return itemSchema == keptFor ? binaries[index] : null;
        }

        @Override
        public void keep(int index, Schema itemSchema, byte[] binary) {
            if (itemSchema != keptFor) {
                Arrays.fill(binaries, null);
                keptFor = itemSchema;
            }
            binaries[index] = binary;
        }
    }

    private static <T> byte[] encode(DatumWriter<T> writer, T datum) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        writer.write(datum, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
