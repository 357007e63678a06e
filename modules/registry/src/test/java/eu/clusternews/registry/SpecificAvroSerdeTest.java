package eu.clusternews.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.Consortium;
import eu.clusternews.avro.ConsortiumActivity;
import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.Organisation;
import eu.clusternews.avro.Programme;
import eu.clusternews.avro.ProgrammeActivity;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Avro serde in the Confluent wire format, through the in-memory registry. */
class SpecificAvroSerdeTest {

    private static final String TOPIC = "ref-organisations";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    static Stream<Class<? extends SpecificRecord>> topicValueTypes() {
        return Stream.of(
                NewsEvent.class,
                Organisation.class,
                Consortium.class,
                Programme.class,
                EnrichedNews.class,
                ClusterActivity.class,
                ConsortiumActivity.class,
                ProgrammeActivity.class);
    }

    private <T extends SpecificRecord> SpecificAvroSerde<T> serde(Class<T> type, Map<String, Object> settings) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type, registry);
        serde.configure(settings, false);
        return serde;
    }

    private <T extends SpecificRecord> SpecificAvroSerde<T> serde(Class<T> type) {
        return serde(type, Map.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topicValueTypes")
    <T extends SpecificRecord> void everyTopicRecordComesBackEqualWithEveryFieldFilled(Class<T> type) {
        T record = SampleRecords.sample(type, 3);
        SpecificAvroSerde<T> serde = serde(type);

        byte[] bytes = serde.serializer().serialize("some-topic", record);
        T back = serde.deserializer().deserialize("some-topic", bytes);

        assertThat(back).isEqualTo(record);
        int id = registry.getLatest("some-topic-value").id();
        assertThat(bytes[0]).as("magic byte").isZero();
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt())
                .as("schema id, big-endian")
                .isEqualTo(id);
        assertThat(registry.getById(id).toString()).doesNotContain("avro.java.string");
        assertThat(AvroSchemas.sameCanonical(
                        registry.getById(id), AvroSchemas.withoutJavaProperties(record.getSchema())))
                .isTrue();
    }

    @Test
    void asksTheRegistryOncePerSchemaWhenWritingAndOncePerIdWhenReading() {
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        SpecificAvroSerde<Organisation> serde = new SpecificAvroSerde<>(Organisation.class, counting(registry, calls));
        serde.configure(Map.of(), false);

        for (int i = 0; i < 5; i++) {
            Organisation record = SampleRecords.sample(Organisation.class, i);
            assertThat(serde.deserializer()
                            .deserialize(TOPIC, serde.serializer().serialize(TOPIC, record)))
                    .isEqualTo(record);
        }

        assertThat(calls.get("register")).hasValue(1);
        assertThat(calls.get("getById")).hasValue(1);
    }

    @Test
    void oneSerializerWritesLargeSmallAndLargeRecordsInTurnAndAFailedRecordLeavesNothingForTheNext() {
        SpecificAvroSerde<ClusterActivity> serde = serde(ClusterActivity.class);
        ClusterActivity large = withMonths(SampleRecords.sample(ClusterActivity.class, 2), 2000);
        ClusterActivity small =
                ClusterActivity.newBuilder().setClusterId("org:x").build();
        ClusterActivity broken = ClusterActivity.newBuilder(small).build();
        // the last field fails, after the others are already in the encoder's buffer
        broken.setRecentHeadlines(java.util.Arrays.asList((eu.clusternews.avro.Headline) null));

        byte[] first = serde.serializer().serialize("cluster-activity", large);
        byte[] second = serde.serializer().serialize("cluster-activity", small);
        assertThatThrownBy(() -> serde.serializer().serialize("cluster-activity", broken))
                .isInstanceOf(SerializationException.class);
        byte[] third = serde.serializer().serialize("cluster-activity", large);

        assertThat(first.length).isGreaterThan(8192);
        assertThat(serde.deserializer().deserialize("cluster-activity", first)).isEqualTo(large);
        assertThat(serde.deserializer().deserialize("cluster-activity", second)).isEqualTo(small);
        assertThat(third).isEqualTo(first);
    }

    @Test
    void aRecordOverOneMebibyteIsWrittenWholeNotAsZeroBytes() {
        SpecificAvroSerde<ClusterActivity> serde = serde(ClusterActivity.class);
        ClusterActivity huge = withMonths(SampleRecords.sample(ClusterActivity.class, 3), 100_000);

        byte[] bytes = serde.serializer().serialize("cluster-activity", huge);

        assertThat(bytes.length).isGreaterThan(1 << 20);
        assertThat(serde.deserializer().deserialize("cluster-activity", bytes)).isEqualTo(huge);
    }

    /** The activity with counts for this many months: as large a record as needed. */
    private static ClusterActivity withMonths(ClusterActivity activity, int months) {
        activity.setCountsByMonth(java.util.stream.IntStream.range(0, months)
                .boxed()
                .collect(java.util.stream.Collectors.toMap(i -> "month-" + i, i -> (long) i)));
        return activity;
    }

    @Test
    void decodedAggregatesHoldPlainJavaLists() {
        SpecificAvroSerde<ClusterActivity> serde = serde(ClusterActivity.class);
        byte[] bytes = serde.serializer().serialize("cluster-activity", SampleRecords.sample(ClusterActivity.class, 2));

        ClusterActivity decoded = serde.deserializer().deserialize("cluster-activity", bytes);

        assertThat(decoded.getRecentHeadlines()).isInstanceOf(java.util.ArrayList.class);
        assertThat(decoded.getClusterIds()).isInstanceOf(java.util.ArrayList.class);
    }

    @Test
    void twoDecodedCopiesOfAnAggregateWithDatesInsideListsAreEqual() {
        SpecificAvroSerde<ClusterActivity> serde = serde(ClusterActivity.class);
        byte[] bytes = serde.serializer().serialize("cluster-activity", SampleRecords.sample(ClusterActivity.class, 2));

        ClusterActivity first = serde.deserializer().deserialize("cluster-activity", bytes);
        ClusterActivity second = serde.deserializer().deserialize("cluster-activity", bytes);

        assertThat(first).isNotSameAs(second).isEqualTo(second).hasSameHashCodeAs(second);
        assertThat(first.getRecentHeadlines()).isNotEmpty();
    }

    @Test
    void aReaderOfTheNewSchemaReadsOldDataWithTheDefaultAndAnOldReaderReadsNewData() {
        Schema v1 = withoutField(AvroSchemas.withoutJavaProperties(Organisation.getClassSchema()), "region");
        GenericRecord old = SampleRecords.sample(v1, 1);
        GenericAvroSerializer oldWriter = new GenericAvroSerializer(registry);
        oldWriter.configure(Map.of(), false);
        byte[] oldBytes = oldWriter.serialize(TOPIC, old);

        SpecificAvroSerde<Organisation> current = serde(Organisation.class);
        Organisation read = current.deserializer().deserialize(TOPIC, oldBytes);

        assertThat(read.getRegion()).as("the new field's default").isNull();
        assertThat(read.getId()).isEqualTo(old.get("id"));
        assertThat(read.getAliases()).isEqualTo(old.get("aliases"));

        Organisation newer = SampleRecords.sample(Organisation.class, 2);
        byte[] newBytes = current.serializer().serialize(TOPIC, newer);
        assertThat(registry.versions(TOPIC + "-value"))
                .as("v2 registered after v1 (BACKWARD)")
                .hasSize(2);
        GenericAvroDeserializer oldReader = new GenericAvroDeserializer(registry, v1);
        oldReader.configure(Map.of(), false);
        GenericRecord readByOld = oldReader.deserialize(TOPIC, newBytes);

        assertThat(readByOld.getSchema()).isEqualTo(v1);
        assertThat(readByOld.get("id").toString()).isEqualTo(newer.getId());
        assertThat(readByOld.get("city").toString()).isEqualTo(newer.getCity());
        assertThat(readByOld.hasField("region")).isFalse();
    }

    @Test
    void aGenericReaderWithoutReaderSchemaDecodesAnyTopicWithTheWritersSchema() {
        NewsEvent news = SampleRecords.sample(NewsEvent.class, 5);
        byte[] bytes = serde(NewsEvent.class).serializer().serialize("cluster-news", news);
        GenericAvroDeserializer tail = new GenericAvroDeserializer(registry);
        tail.configure(Map.of(), false);

        GenericRecord decoded = tail.deserialize("cluster-news", bytes);

        assertThat(decoded.getSchema().getFullName()).isEqualTo("eu.clusternews.avro.NewsEvent");
        assertThat(decoded.get("title").toString()).isEqualTo(news.getTitle());
        assertThat(decoded.get("ingestedAt")).isEqualTo(news.getIngestedAt().toEpochMilli());
    }

    @Test
    void tombstonesPassThroughBothWays() {
        SpecificAvroSerde<Organisation> serde = serde(Organisation.class);

        assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
        assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
        assertThat(registry.subjects()).as("nothing registered for a tombstone").isEmpty();
    }

    @Test
    void bytesWithoutTheMagicByteAreNotConfluentAvro() {
        byte[] json = "{\"id\":\"org:bnpt\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThatThrownBy(() -> serde(Organisation.class).deserializer().deserialize(TOPIC, json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic '" + TOPIC + "'")
                .hasMessageContaining("not Confluent Avro")
                .hasMessageContaining("0x7B");
        assertThatThrownBy(() -> serde(Organisation.class).deserializer().deserialize(TOPIC, new byte[0]))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not Confluent Avro");
    }

    @Test
    void aHeaderCutShortIsTruncated() {
        assertThatThrownBy(() -> serde(Organisation.class).deserializer().deserialize(TOPIC, new byte[] {0, 0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic '" + TOPIC + "'")
                .hasMessageContaining("truncated")
                .hasMessageContaining("3 bytes");
    }

    @Test
    void anUnknownSchemaIdIsNamedWithTheRegistryUrl() {
        byte[] bytes = {0, 0, 0, 3, (byte) 0xE7, 2, 'x'};

        assertThatThrownBy(() -> serde(Organisation.class).deserializer().deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic '" + TOPIC + "'")
                .hasMessageContaining("unknown schema id 999")
                .hasMessageContaining(registry.url())
                .hasCauseInstanceOf(UnknownSchemaIdException.class);
    }

    @Test
    void aBodyCutShortIsTruncatedOrCorrupt() {
        SpecificAvroSerde<Organisation> serde = serde(Organisation.class);
        byte[] bytes = serde.serializer().serialize(TOPIC, SampleRecords.sample(Organisation.class, 1));
        byte[] cut = Arrays.copyOf(bytes, bytes.length / 2);

        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, cut))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic '" + TOPIC + "'")
                .hasMessageContaining("truncated or corrupt");
    }

    @Test
    void dataWrittenWithAnIncompatibleSchemaNamesTheIdAndTheReader() {
        Schema clash = SchemaBuilder.record("Organisation")
                .namespace("eu.clusternews.avro")
                .fields()
                .requiredInt("id")
                .endRecord();
        GenericAvroSerializer writer = new GenericAvroSerializer(registry);
        writer.configure(Map.of("value.subject.name.strategy", "topic-record"), false);
        byte[] bytes = writer.serialize("elsewhere", new GenericData.Record(clash) {
            {
                put("id", 42);
            }
        });
        int id =
                registry.getLatest("elsewhere-eu.clusternews.avro.Organisation").id();

        assertThatThrownBy(() -> serde(Organisation.class).deserializer().deserialize("elsewhere", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic 'elsewhere'")
                .hasMessageContaining("schema id " + id)
                .hasMessageContaining("incompatible with the reader schema of eu.clusternews.avro.Organisation");
    }

    @Test
    void namesSubjectsByTopicByRecordOrByBothInConfluentsSpellingOrShort() {
        Organisation record = SampleRecords.sample(Organisation.class, 1);
        String recordName = "eu.clusternews.avro.Organisation";
        Map<String, String> expected = Map.of(
                "topic", TOPIC + "-value",
                "io.confluent.kafka.serializers.subject.TopicNameStrategy", TOPIC + "-value",
                "record", recordName,
                "io.confluent.kafka.serializers.subject.RecordNameStrategy", recordName,
                "topic-record", TOPIC + "-" + recordName,
                "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy", TOPIC + "-" + recordName);
        expected.forEach((strategy, subject) -> {
            InMemorySchemaRegistryClient fresh = new InMemorySchemaRegistryClient();
            SpecificAvroSerializer<Organisation> serializer = new SpecificAvroSerializer<>(Organisation.class, fresh);
            serializer.configure(Map.of("value.subject.name.strategy", strategy), false);
            serializer.serialize(TOPIC, record);
            assertThat(fresh.subjects()).as(strategy).containsExactly(subject);
        });

        InMemorySchemaRegistryClient forKeys = new InMemorySchemaRegistryClient();
        SpecificAvroSerializer<Organisation> keySerializer = new SpecificAvroSerializer<>(Organisation.class, forKeys);
        keySerializer.configure(Map.of("value.subject.name.strategy", "record"), true);
        keySerializer.serialize(TOPIC, record);
        assertThat(forKeys.subjects())
                .as("keys follow key.subject.name.strategy")
                .containsExactly(TOPIC + "-key");
    }

    @Test
    void anUnknownSubjectNameStrategyListsTheChoices() {
        assertThatThrownBy(() -> serde(Organisation.class, Map.of("value.subject.name.strategy", "by-colour")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("value.subject.name.strategy")
                .hasMessageContaining("by-colour")
                .hasMessageContaining("topic-record");
    }

    @Test
    void withoutAutoRegistrationAnUnregisteredSchemaFailsClearlyAndARegisteredOneIsUsed() {
        SpecificAvroSerde<Organisation> serde = serde(Organisation.class, Map.of("auto.register.schemas", "false"));
        Organisation record = SampleRecords.sample(Organisation.class, 1);

        assertThatThrownBy(() -> serde.serializer().serialize(TOPIC, record))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(TOPIC + "-value")
                .hasMessageContaining("auto.register.schemas=false");
        assertThat(registry.subjects()).isEmpty();

        int id = registry.register(TOPIC + "-value", AvroSchemas.withoutJavaProperties(Organisation.getClassSchema()));
        byte[] bytes = serde.serializer().serialize(TOPIC, record);

        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
        assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(record);
    }

    @Test
    void withTheLatestVersionWritesUnderItsIdResolvedToItsShape() {
        Schema current = AvroSchemas.withoutJavaProperties(Organisation.getClassSchema());
        Schema latest = withField(current, "employees", "{\"type\":\"int\",\"default\":0}");
        registry.register(TOPIC + "-value", current);
        int latestId = registry.register(TOPIC + "-value", latest);
        SpecificAvroSerde<Organisation> serde =
                serde(Organisation.class, Map.of("use.latest.version", true, "auto.register.schemas", false));
        Organisation record = SampleRecords.sample(Organisation.class, 4);

        byte[] bytes = serde.serializer().serialize(TOPIC, record);

        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(latestId);
        GenericAvroDeserializer generic = new GenericAvroDeserializer(registry);
        generic.configure(Map.of(), false);
        assertThat(generic.deserialize(TOPIC, bytes).get("employees")).isEqualTo(0);
        assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(record);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topicValueTypes")
    <T extends SpecificRecord> void framingAnAlreadyWrittenBinaryGivesTheBytesSerializeWrites(Class<T> type)
            throws java.io.IOException {
        T record = SampleRecords.sample(type, 5);
        SpecificAvroSerializer<T> serializer =
                (SpecificAvroSerializer<T>) serde(type).serializer();
        byte[] written = avroBinaryAfter(new byte[] {9, 9, 9}, record);

        byte[] framed = serializer.serializeWritten("some-topic", record, written, 3);

        assertThat(framed).isEqualTo(serializer.serialize("some-topic", record));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topicValueTypes")
    <T extends SpecificRecord> void framingABinaryInPlaceGivesTheBytesSerializeWritesInTheSameArray(Class<T> type)
            throws java.io.IOException {
        T record = SampleRecords.sample(type, 5);
        SpecificAvroSerializer<T> serializer =
                (SpecificAvroSerializer<T>) serde(type).serializer();
        byte[] framed = avroBinaryAfter(new byte[] {9, 9, 9, 9, 9}, record);

        byte[] bytes = serializer.serializeFramed("some-topic", record, framed);

        assertThat(bytes).isSameAs(framed).isEqualTo(serializer.serialize("some-topic", record));
    }

    @Test
    void framingFallsBackToEncodingWhenTheTopicTakesAnotherSchema() throws java.io.IOException {
        Schema current = AvroSchemas.withoutJavaProperties(Organisation.getClassSchema());
        registry.register(TOPIC + "-value", current);
        int latestId = registry.register(
                TOPIC + "-value", withField(current, "employees", "{\"type\":\"int\",\"default\":0}"));
        SpecificAvroSerializer<Organisation> serializer = (SpecificAvroSerializer<Organisation>)
                serde(Organisation.class, Map.of("use.latest.version", true, "auto.register.schemas", false))
                        .serializer();
        Organisation record = SampleRecords.sample(Organisation.class, 4);

        byte[] bytes = serializer.serializeWritten(TOPIC, record, avroBinaryAfter(new byte[0], record), 0);

        assertThat(bytes).isEqualTo(serializer.serialize(TOPIC, record));
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(latestId);
    }

    @Test
    void dataIsInTheReaderLayoutOnlyWhenWrittenWithASchemaOfTheSameCanonicalForm() {
        Schema withoutJavaProperties = AvroSchemas.withoutJavaProperties(Organisation.getClassSchema());
        int sameForm = registry.register("same-value", withoutJavaProperties);
        int older = registry.register("older-value", withoutField(withoutJavaProperties, "region"));
        SpecificAvroDeserializer<Organisation> deserializer =
                new SpecificAvroDeserializer<>(Organisation.class, registry);
        deserializer.configure(Map.of(), false);

        assertThat(deserializer.inReaderLayout(TOPIC, ConfluentWireFormat.header(sameForm)))
                .isTrue();
        assertThat(deserializer.inReaderLayout(TOPIC, ConfluentWireFormat.header(older)))
                .isFalse();
        assertThat(deserializer.inReaderLayout(TOPIC, null)).isFalse();
    }

    /** {@code prefix} followed by the record's Avro binary in its own schema, as another encoder would have written it. */
    private static <T extends SpecificRecord> byte[] avroBinaryAfter(byte[] prefix, T record)
            throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(prefix);
        org.apache.avro.io.BinaryEncoder encoder =
                org.apache.avro.io.EncoderFactory.get().binaryEncoder(out, null);
        new org.apache.avro.specific.SpecificDatumWriter<T>(
                        record.getSchema(), org.apache.avro.specific.SpecificData.getForClass(record.getClass()))
                .write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    @Test
    void keepsJavaPropertiesInTheRegisteredSchemaOnlyWhenAskedTo() {
        SpecificAvroSerde<Organisation> serde =
                serde(Organisation.class, Map.of("avro.remove.java.properties", "false"));

        serde.serializer().serialize(TOPIC, SampleRecords.sample(Organisation.class, 1));

        assertThat(registry.getLatest(TOPIC + "-value").schema().toString()).contains("avro.java.string");
    }

    @Test
    void mockUrlsInTheConfigurationShareARegistryPerScope() {
        Map<String, Object> scopeA = Map.of("schema.registry.url", "mock://serde-test-a");
        Map<String, Object> scopeB = Map.of("schema.registry.url", "mock://serde-test-b");
        try (SpecificAvroSerde<Organisation> writer = new SpecificAvroSerde<>(Organisation.class);
                SpecificAvroSerde<Organisation> sameScope = new SpecificAvroSerde<>(Organisation.class);
                SpecificAvroSerde<Organisation> otherScope = new SpecificAvroSerde<>(Organisation.class)) {
            writer.configure(scopeA, false);
            sameScope.configure(scopeA, false);
            otherScope.configure(scopeB, false);
            Organisation record = SampleRecords.sample(Organisation.class, 1);

            byte[] bytes = writer.serializer().serialize(TOPIC, record);

            assertThat(sameScope.deserializer().deserialize(TOPIC, bytes)).isEqualTo(record);
            assertThatThrownBy(() -> otherScope.deserializer().deserialize(TOPIC, bytes))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("mock://serde-test-b");
        } finally {
            MockSchemaRegistry.dropScope("serde-test-a");
            MockSchemaRegistry.dropScope("serde-test-b");
        }
    }

    @Test
    void aSerdeWithoutRegistryUrlSaysWhichSettingIsMissing() {
        assertThatThrownBy(() -> new SpecificAvroSerde<>(Organisation.class).configure(Map.of(), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private static Schema withoutField(Schema schema, String field) {
        try {
            ObjectNode tree = (ObjectNode) JSON.readTree(schema.toString());
            ArrayNode fields = (ArrayNode) tree.get("fields");
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).get("name").asText().equals(field)) {
                    fields.remove(i);
                    return AvroSchemas.parse(tree.toString());
                }
            }
            throw new IllegalArgumentException("no field " + field);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Schema withField(Schema schema, String field, String typeAndDefault) {
        try {
            ObjectNode tree = (ObjectNode) JSON.readTree(schema.toString());
            ObjectNode added = (ObjectNode) JSON.readTree(typeAndDefault.replace("{", "{\"name\":\"" + field + "\","));
            ((ArrayNode) tree.get("fields")).add(added);
            return AvroSchemas.parse(tree.toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The client, counting each call a serde makes by method name into {@code calls}. */
    private static SchemaRegistryClient counting(SchemaRegistryClient client, Map<String, AtomicInteger> calls) {
        return (SchemaRegistryClient) Proxy.newProxyInstance(
                SchemaRegistryClient.class.getClassLoader(),
                new Class<?>[] {SchemaRegistryClient.class},
                (proxy, method, args) -> {
                    calls.computeIfAbsent(method.getName(), name -> new AtomicInteger())
                            .incrementAndGet();
                    try {
                        return method.invoke(client, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
