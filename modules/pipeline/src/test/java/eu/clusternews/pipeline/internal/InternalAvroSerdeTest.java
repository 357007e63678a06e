package eu.clusternews.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.ClusterContribution;
import eu.clusternews.avro.ConsortiumActivity;
import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.avro.Headline;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.NewsKind;
import eu.clusternews.avro.ProgrammeActivity;
import eu.clusternews.avro.ReleasedSchemas;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The internal encoding: no registry, and what release 0.1.0's schemas wrote is still read. */
class InternalAvroSerdeTest {

    private static final String RELEASE = "0.1.0";

    @Test
    void encodesAndDecodesWithoutAnySchemaRegistry() throws IOException {
        InternalAvroSerde<ClusterActivity> serde = InternalAvroSerde.of(ClusterActivity.class);
        ClusterActivity activity = clusterActivity();

        byte[] bytes = serde.serialize("cluster-activity-store-changelog", activity);

        // Avro's single-object encoding, byte for byte (marker C3 01, not the Confluent magic byte 0)
        ByteBuffer avros = ClusterActivity.getEncoder().encode(activity);
        assertThat(bytes)
                .isEqualTo(java.util.Arrays.copyOfRange(
                        avros.array(), avros.arrayOffset() + avros.position(), avros.arrayOffset() + avros.limit()));
        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(serde.deserialize("cluster-activity-store-changelog", bytes)).isEqualTo(activity);
        assertThat(serde.deserialize("any", null)).isNull();
    }

    @Test
    void readsStateAndRepartitionRecordsWrittenWithTheSchemasOfRelease010() throws IOException {
        assertThat(ReleasedSchemas.byVersion()).containsKey(RELEASE);

        // activities are both the aggregate stores' state and the partials on the repartition topics
        assertReadsAsWrittenBy010(ClusterActivity.class, clusterActivity());
        assertReadsAsWrittenBy010(
                ConsortiumActivity.class,
                ConsortiumActivity.newBuilder()
                        .setConsortiumId("cons:inno-drop")
                        .setName("INNO-DROP")
                        .setProgrammeId("prog:cosme")
                        .setNewsCount(3)
                        .setCountsByMonth(Map.of("2017-05", 3L))
                        .build());
        assertReadsAsWrittenBy010(
                ProgrammeActivity.class,
                ProgrammeActivity.newBuilder()
                        .setProgrammeId("prog:cosme")
                        .setNewsCount(1)
                        .setUndatedCount(1)
                        .build());
        assertReadsAsWrittenBy010(
                EnrichedNews.class,
                EnrichedNews.newBuilder()
                        .setNews(news())
                        .setEnrichedAt(Instant.EPOCH)
                        .setUnresolvedIds(List.of("cons:ghost"))
                        .build());
        // 0.1.0's repartition topics carried contributions, whose schema has gained the display fields since
        ClusterContribution contribution = ClusterContribution.newBuilder()
                .setEntityId("org:bnpt")
                .setNewsId("n1")
                .setTitle("Training in Berlin")
                .setPublishedAt(LocalDate.of(2017, 5, 17))
                .setKind(NewsKind.TRAINING)
                .setEntityName("BalticNet-PlasmaTec")
                .build();
        ClusterContribution read = asWrittenBy010(ClusterContribution.class, contribution);
        assertThat(read.getTitle()).isEqualTo("Training in Berlin");
        assertThat(read.getPublishedAt()).isEqualTo(LocalDate.of(2017, 5, 17));
        assertThat(read.getEntityName())
                .as("a field 0.1.0 did not have: its default")
                .isNull();
    }

    @Test
    void namesTheFixWhenAnInternalRecordIsInTheConfluentFormatOfRelease010() {
        byte[] confluent = {0, 0, 0, 0, 7, 2, 4, 6};

        assertThatThrownBy(() -> InternalAvroSerde.of(ClusterActivity.class)
                        .deserialize("cluster-activity-store-changelog", confluent))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Confluent wire format")
                .hasMessageContaining("clusternews reprocess");
    }

    @Test
    void refusesARecordWrittenWithASchemaItDoesNotKnow() throws IOException {
        Schema unknown = new Schema.Parser()
                .parse("{\"type\":\"record\",\"name\":\"ClusterActivity\","
                        + "\"namespace\":\"eu.clusternews.avro\",\"fields\":[{\"name\":\"clusterId\",\"type\":\"string\"},"
                        + "{\"name\":\"fromTheFuture\",\"type\":\"int\"}]}");
        GenericRecord record = new GenericData.Record(unknown);
        record.put("clusterId", "org:x");
        record.put("fromTheFuture", 1);
        ByteBuffer bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), unknown).encode(record);

        assertThatThrownBy(() -> InternalAvroSerde.of(ClusterActivity.class).deserialize("t", bytes.array()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema this version does not know");
    }

    /** The record as release 0.1.0's schema writes it (resolved to that schema), decoded by this version. */
    private static <T extends SpecificRecord> T asWrittenBy010(Class<T> type, T record) throws IOException {
        Schema current = record.getSchema();
        Schema released = ReleasedSchemas.byVersion().get(RELEASE).get(current.getFullName());
        assertThat(released)
                .as("%s in release %s", current.getFullName(), RELEASE)
                .isNotNull();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<T>(current).write(record, encoder);
        encoder.flush();
        GenericRecord old = new GenericDatumReader<GenericRecord>(current, released, GenericData.get())
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        byte[] writtenBy010 = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), released)
                .encode(old)
                .array();
        return InternalAvroSerde.of(type).deserialize("internal", writtenBy010);
    }

    private static <T extends SpecificRecord> void assertReadsAsWrittenBy010(Class<T> type, T record)
            throws IOException {
        assertThat(asWrittenBy010(type, record)).isEqualTo(record);
    }

    static ClusterActivity clusterActivity() {
        return ClusterActivity.newBuilder()
                .setClusterId("org:bnpt")
                .setName("BalticNet-PlasmaTec")
                .setCountry("DE")
                .setNewsCount(2)
                .setUndatedCount(1)
                .setFirstPublishedAt(LocalDate.of(2017, 5, 17))
                .setLastPublishedAt(LocalDate.of(2017, 5, 17))
                .setCountsByKind(Map.of("TRAINING", 2L))
                .setCountsByMonth(Map.of("2017-05", 1L))
                .setCountsByRole(Map.of("PUBLISHER", 1L))
                .setConsortiumIds(List.of("cons:inno-drop"))
                .setRecentHeadlines(List.of(Headline.newBuilder()
                        .setNewsId("n1")
                        .setTitle("Training")
                        .setPublishedAt(LocalDate.of(2017, 5, 17))
                        .build()))
                .build();
    }

    private static NewsEvent news() {
        return NewsEvent.newBuilder()
                .setId("news:1")
                .setTitle("Training in Berlin")
                .setBody("")
                .setSource("test")
                .setLanguage("de")
                .setIngestedAt(Instant.EPOCH)
                .build();
    }
}
