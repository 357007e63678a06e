package eu.clusternews.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.registry.AvroSchemas;
import eu.clusternews.registry.GenericAvroDeserializer;
import eu.clusternews.registry.GenericAvroSerializer;
import eu.clusternews.registry.IncompatibleSchemaException;
import eu.clusternews.registry.RestSchemaRegistryClient;
import eu.clusternews.registry.SchemaRegistryClient;
import eu.clusternews.testing.Closeables;
import eu.clusternews.topics.TopicSpec;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema evolution on the real broker and the real Apicurio, with BACKWARD compatibility on cluster-news-value:
 * a v2 NewsEvent (one new optional field with a default) written by another producer is read by this v1 pipeline,
 * v1 records are read by a v2 reader, and an incompatible v2 is refused at registration naming subject and field.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchemaEvolutionIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String SUBJECT = TopicSpec.NEWS.valueSubject();
    private static final String NEW_FIELD = "sentiment";

    @TempDir
    static Path temp;

    private static FreshBrokerPipeline stack;
    private static SchemaRegistryClient registry;

    @BeforeAll
    static void startBrokerSetupAndTheV1Pipeline() throws InterruptedException {
        stack = FreshBrokerPipeline.start(temp, "schema-evolution", PATIENCE);
        registry = new RestSchemaRegistryClient(SharedRegistry.url());
        registry.setCompatibility(SUBJECT, "BACKWARD");
    }

    @AfterAll
    static void stop() {
        Closeables.closeAll(stack, registry);
    }

    @Test
    @Order(1)
    void theV1PipelineReadsAV2NewsWrittenByAGenericProducerAndIgnoresTheNewField() throws IOException {
        Schema v2 = v2WithOptionalField();
        GenericRecord v2News = asV2(news("news:written-as-v2"), v2);
        v2News.put(NEW_FIELD, "positive");

        try (GenericAvroSerializer serializer = new GenericAvroSerializer();
                KafkaProducer<String, GenericRecord> producer =
                        new KafkaProducer<>(producerConfig(), new StringSerializer(), serializer)) {
            serializer.configure(stack.clientConfig(), false);
            producer.send(new ProducerRecord<>(stack.topics().news().name(), "news:written-as-v2", v2News));
        }

        assertThat(AvroSchemas.sameCanonical(registry.getLatest(SUBJECT).schema(), v2))
                .as("v2 is the latest version of %s", SUBJECT)
                .isTrue();
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(enriched())
                        .extracting(e -> e.getNews().getId())
                        .contains("news:written-as-v2"));
        NewsEvent read = enriched().stream()
                .map(EnrichedNews::getNews)
                .filter(n -> n.getId().equals("news:written-as-v2"))
                .findFirst()
                .orElseThrow();
        assertThat(read.getTitle()).isEqualTo("Title of news:written-as-v2");
        assertThat(read.getPublishedAt()).isEqualTo(LocalDate.of(2021, 3, 4));
    }

    @Test
    @Order(2)
    void aV2ReaderReadsV1NewsWithTheNewFieldsDefault() {
        NewsEvent v1 = news("news:written-as-v1");
        try (KafkaProducer<String, NewsEvent> producer = new KafkaProducer<>(
                producerConfig(), new StringSerializer(), stack.topics().news().valueSerializer())) {
            producer.send(new ProducerRecord<>(stack.topics().news().name(), v1.getId(), v1));
        }

        try (GenericAvroDeserializer v2Reader = new GenericAvroDeserializer(registry, v2WithOptionalField())) {
            List<GenericRecord> read = new ArrayList<>();
            for (ConsumerRecord<String, GenericRecord> record : TopicReader.readCommitted(
                    stack.clientConfig(), stack.topics().news().name(), new StringDeserializer(), v2Reader)) {
                if (record.key().equals(v1.getId())) {
                    read.add(record.value());
                }
            }
            assertThat(read).hasSize(1);
            assertThat(read.get(0).getSchema().getField(NEW_FIELD)).isNotNull();
            assertThat(read.get(0).get(NEW_FIELD)).isNull();
            assertThat(read.get(0).get("title").toString()).isEqualTo("Title of news:written-as-v1");
        }
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(enriched())
                        .extracting(e -> e.getNews().getId())
                        .contains("news:written-as-v1"));
    }

    @Test
    @Order(3)
    void aNewRequiredFieldWithoutADefaultIsRefusedAtRegistrationNamingTheSubjectAndTheField() {
        Schema incompatible = withField(
                AvroSchemas.withoutJavaProperties(NewsEvent.getClassSchema()),
                new Schema.Field(
                        "region", Schema.create(Schema.Type.STRING), "Region of the news, required.", (Object) null));

        assertThatThrownBy(() -> registry.register(SUBJECT, incompatible))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining(SUBJECT)
                .hasMessageContaining("region");
    }

    @Test
    @Order(4)
    void aChangedFieldTypeIsRefusedAtRegistrationNamingTheSubjectAndTheField() {
        Schema v1 = AvroSchemas.withoutJavaProperties(NewsEvent.getClassSchema());
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : v1.getFields()) {
            fields.add(
                    field.name().equals("title")
                            ? new Schema.Field("title", Schema.create(Schema.Type.INT), field.doc())
                            : new Schema.Field(field, field.schema()));
        }
        Schema titleAsInt = Schema.createRecord(v1.getName(), v1.getDoc(), v1.getNamespace(), false, fields);

        assertThatThrownBy(() -> registry.register(SUBJECT, titleAsInt))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining(SUBJECT)
                .hasMessageContaining("field title");
    }

    /** NewsEvent as registered, plus {@code sentiment: ["null","string"] = null}. */
    private static Schema v2WithOptionalField() {
        return withField(
                AvroSchemas.withoutJavaProperties(NewsEvent.getClassSchema()),
                new Schema.Field(
                        NEW_FIELD,
                        Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
                        "Tone of the news, when a classifier gave one (added in v2).",
                        JsonProperties.NULL_VALUE));
    }

    private static Schema withField(Schema schema, Schema.Field added) {
        List<Schema.Field> fields = new ArrayList<>();
        schema.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(added);
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }

    /** The news as a v2 generic record: written with the v1 class, read back resolved to v2 (logical types as stored). */
    private static GenericRecord asV2(NewsEvent news, Schema v2) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new SpecificDatumWriter<>(NewsEvent.class).write(news, encoder);
        encoder.flush();
        return new GenericDatumReader<GenericRecord>(NewsEvent.getClassSchema(), v2, GenericData.get())
                .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
    }

    private static NewsEvent news(String id) {
        return NewsEvent.newBuilder()
                .setId(id)
                .setSource("schema-evolution-it")
                .setTitle("Title of " + id)
                .setPublishedAt(LocalDate.of(2021, 3, 4))
                .setIngestedAt(Instant.parse("2026-11-28T12:00:00Z"))
                .setOrganisationIds(List.of("org:bnpt"))
                .build();
    }

    private static List<EnrichedNews> enriched() {
        return stack.enriched();
    }

    private static Map<String, Object> producerConfig() {
        return stack.producerConfig();
    }
}
