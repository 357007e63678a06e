package eu.clusternews.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import eu.clusternews.avro.NewsEvent;
import eu.clusternews.registry.ConfluentWireFormat;
import eu.clusternews.registry.MockSchemaRegistry;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** validate: every kind of bad input reaches cluster-news-dlq with its reason, and the stream goes on. */
class ValidateStepTest {

    private final PipelineHarness pipeline = new PipelineHarness().withSeedReference();

    @AfterEach
    void close() {
        pipeline.close();
    }

    private TestRecord<byte[], byte[]> deadLetterOf(String key, byte[] value) {
        pipeline.rawNews.pipeInput(key, value, Instant.parse("2017-05-17T00:00:00Z"));
        List<TestRecord<byte[], byte[]>> letters = pipeline.deadLetters.readRecordsToList();
        assertThat(letters).as("dead letters for key %s", key).hasSize(1);
        return letters.get(0);
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String reason(TestRecord<byte[], byte[]> record) {
        return header(record, DeadLetterHandler.HEADER_MESSAGE);
    }

    private byte[] validBytes(NewsEvent news) {
        Serializer<NewsEvent> serializer = pipeline.topics.news().valueSerializer();
        return serializer.serialize(pipeline.topics.news().name(), news);
    }

    @Test
    void sendsBytesThatAreNotAvroToTheDeadLetterTopicWithTheOriginalBytesAndWhereTheyCameFrom() {
        byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);

        TestRecord<byte[], byte[]> letter = deadLetterOf("news-1", garbage);

        assertThat(letter.value()).isEqualTo(garbage);
        assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("news-1");
        assertThat(reason(letter)).contains("undecodable").contains("not Confluent Avro");
        assertThat(header(letter, DeadLetterHandler.HEADER_EXCEPTION)).isEqualTo(InvalidNewsException.class.getName());
        assertThat(header(letter, DeadLetterHandler.HEADER_TOPIC)).isEqualTo("cluster-news");
        assertThat(header(letter, DeadLetterHandler.HEADER_PARTITION)).isEqualTo("0");
        assertThat(header(letter, DeadLetterHandler.HEADER_OFFSET)).isEqualTo("0");
        assertThat(header(letter, DeadLetterHandler.HEADER_STACKTRACE)).contains("InvalidNewsException");
        assertThat(Instant.parse(header(letter, DeadLetterHandler.HEADER_TIME))).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void sendsAWrongMagicByteToTheDeadLetterTopic() {
        byte[] bytes = validBytes(Fixtures.seedNews());
        bytes[0] = 1;

        assertThat(reason(deadLetterOf("news:seed-2017-05-17", bytes)))
                .contains("first byte is 0x01, not the magic byte");
    }

    @Test
    void sendsAnUnknownSchemaIdToTheDeadLetterTopic() {
        byte[] bytes = validBytes(Fixtures.seedNews());
        byte[] header = ConfluentWireFormat.header(987_654);
        System.arraycopy(header, 0, bytes, 0, header.length);

        assertThat(reason(deadLetterOf("news:seed-2017-05-17", bytes))).contains("unknown schema id 987654");
    }

    @Test
    void sendsTruncatedAvroToTheDeadLetterTopic() {
        byte[] bytes = validBytes(Fixtures.seedNews());

        assertThat(reason(deadLetterOf("news:seed-2017-05-17", Arrays.copyOf(bytes, 12))))
                .contains("truncated or corrupt Avro data");
    }

    @Test
    void sendsNewsWrittenWithoutARequiredFieldToTheDeadLetterTopic() throws IOException {
        Schema withoutTitle = SchemaBuilder.record("NewsEvent")
                .namespace("eu.clusternews.avro")
                .fields()
                .requiredString("id")
                .requiredString("source")
                .endRecord();
        int id = MockSchemaRegistry.forScope(pipeline.scope).register("legacy-news-value", withoutTitle);
        GenericRecord legacy = new GenericData.Record(withoutTitle);
        legacy.put("id", "news-legacy");
        legacy.put("source", "old-tool");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ConfluentWireFormat.header(id));
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(withoutTitle).write(legacy, encoder);
        encoder.flush();

        assertThat(reason(deadLetterOf("news-legacy", out.toByteArray())))
                .contains("undecodable")
                .contains("title");
    }

    @Test
    void sendsANullValueToTheDeadLetterTopic() {
        TestRecord<byte[], byte[]> letter = deadLetterOf("news-1", null);

        assertThat(letter.value()).isNull();
        assertThat(reason(letter)).contains("null value");
    }

    @Test
    void sendsNewsWithABlankTitleToTheDeadLetterTopic() {
        NewsEvent blank = Fixtures.news("news-blank").setTitle("  ").build();

        assertThat(reason(deadLetterOf("news-blank", validBytes(blank)))).contains("missing required field title");
    }

    @Test
    void sendsNewsNotKeyedByTheirIdToTheDeadLetterTopic() {
        byte[] bytes = validBytes(Fixtures.seedNews());

        assertThat(reason(deadLetterOf("some-other-key", bytes)))
                .contains("key 'some-other-key' is not the news id 'news:seed-2017-05-17'");
        assertThat(reason(deadLetterOf(null, bytes))).contains("no key");
    }

    @Test
    void goesOnProcessingTheNewsThatFollowABadRecord() {
        pipeline.rawNews.pipeInput("junk", new byte[] {0, 0});
        pipeline.publish(Fixtures.seedNews());

        assertThat(pipeline.deadLetters.readRecordsToList()).hasSize(1);
        assertThat(pipeline.enriched.readKeyValuesToList()).hasSize(1);
        assertThat(pipeline.clusterActivities()).hasSize(10);
    }

    @Test
    void keepsTheHeadersTheBadRecordCameWith() {
        pipeline.rawNews.pipeInput(new TestRecord<>(
                "k",
                new byte[] {9},
                new org.apache.kafka.common.header.internals.RecordHeaders().add("trace", new byte[] {7}),
                Instant.EPOCH));

        Headers headers = pipeline.deadLetters.readRecord().headers();

        assertThat(headers.lastHeader("trace"))
                .as("the bad record's own header")
                .isNotNull();
        assertThat(headers.lastHeader("trace").value()).containsExactly(7);
        assertThat(headers.lastHeader(DeadLetterHandler.HEADER_MESSAGE)).isNotNull();
        assertThat(headers.lastHeader(DeadLetterHandler.HEADER_STACKTRACE).value().length)
                .isLessThanOrEqualTo(DeadLetterHandler.MAX_STACKTRACE_CHARS * 4 + 100);
    }
}
