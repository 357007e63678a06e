package eu.clusternews.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;

import eu.clusternews.registry.RegistryUnreachableException;
import eu.clusternews.registry.UnknownSchemaIdException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the handler answers Kafka Streams for each kind of failure: an outage FAILS on every topic and thread, bad
 * input is dead-lettered (skipped without a copy on the reference topics, whose global thread cannot produce).
 */
class DeadLetterHandlerTest {

    private static final RegistryUnreachableException OUTAGE = new RegistryUnreachableException(
            "The schema registry at https://registry:8081 answered 503", "https://registry:8081", 503, null);

    private final DeadLetterHandler handler = new DeadLetterHandler();

    DeadLetterHandlerTest() {
        handler.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "dlq"));
    }

    /** What Kafka Streams hands the handler about the record that failed. */
    private record Context(String topic, byte[] sourceRawKey, byte[] sourceRawValue, Headers headers)
            implements ErrorHandlerContext {
        Context(String topic) {
            this(topic, "k".getBytes(StandardCharsets.UTF_8), new byte[] {0, 0, 0, 0, 7, 1}, new RecordHeaders());
        }

        @Override
        public String topic() {
            return topic;
        }

        @Override
        public int partition() {
            return 2;
        }

        @Override
        public long offset() {
            return 41;
        }

        @Override
        public String processorNodeId() {
            return "source";
        }

        @Override
        public TaskId taskId() {
            return new TaskId(0, 2);
        }

        @Override
        public long timestamp() {
            return 1_700_000_000_000L;
        }
    }

    private DeserializationExceptionHandler.Response onDeserialization(String topic, Exception failure) {
        ConsumerRecord<byte[], byte[]> record =
                new ConsumerRecord<>(topic, 2, 41, "k".getBytes(StandardCharsets.UTF_8), new byte[] {0, 0, 0, 0, 7, 1});
        return handler.handleError(new Context(topic), record, failure);
    }

    private ProcessingExceptionHandler.Response onProcessing(Exception failure) {
        return handler.handleError(new Context("cluster-news"), new Record<>("k", "v", 0L), failure);
    }

    static Stream<Arguments> failuresThatLeaveNoDeadLetter() {
        return Stream.of(
                Arguments.of(
                        "a registry outage on a reference topic fails the global thread instead of skipping the record",
                        "ref-organisations",
                        OUTAGE,
                        DeserializationExceptionHandler.Result.FAIL),
                Arguments.of(
                        "a corrupt reference record is skipped without a dead letter",
                        "ref-organisations",
                        new SerializationException(
                                "unknown schema id 7", new UnknownSchemaIdException(7, "https://registry:8081")),
                        DeserializationExceptionHandler.Result.RESUME),
                Arguments.of(
                        "a registry outage on a repartition topic fails the task instead of dead-lettering the record",
                        "clusternews-pipeline-cluster-contributions-repartition",
                        new SerializationException("wrapped", OUTAGE),
                        DeserializationExceptionHandler.Result.FAIL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failuresThatLeaveNoDeadLetter")
    void answersWithoutADeadLetterWhereOneWouldBeWrong(
            String rule, String topic, Exception failure, DeserializationExceptionHandler.Result expected) {
        DeserializationExceptionHandler.Response response = onDeserialization(topic, failure);

        assertThat(response.result()).isEqualTo(expected);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void undecodableBytesOnARepartitionTopicAreDeadLetteredWithTheirOriginalBytes() {
        DeserializationExceptionHandler.Response response = onDeserialization(
                "clusternews-pipeline-cluster-contributions-repartition",
                new SerializationException("not Confluent Avro"));

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(letter -> {
            assertThat(letter.topic()).isEqualTo("dlq");
            assertThat(letter.value()).isEqualTo(new byte[] {0, 0, 0, 0, 7, 1});
        });
    }

    @Test
    void processingFailsOnAnOutageEvenWhenSomethingWrappedItAsBadInput() {
        assertThat(onProcessing(OUTAGE).result()).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
        assertThat(onProcessing(new InvalidNewsException("undecodable value", OUTAGE))
                        .result())
                .isEqualTo(ProcessingExceptionHandler.Result.FAIL);
        assertThat(onProcessing(new IllegalStateException("a bug")).result())
                .isEqualTo(ProcessingExceptionHandler.Result.FAIL);

        ProcessingExceptionHandler.Response bad =
                onProcessing(new InvalidNewsException("missing required field title"));
        assertThat(bad.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        assertThat(bad.deadLetterQueueRecords()).hasSize(1);
    }

    @Test
    void thePipelineInstallsTheHandlerForDeserializationTooWhichTheGlobalThreadUses() {
        PipelineConfig config = PipelineConfig.of(Map.of());

        assertThat(config.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(DeadLetterHandler.class.getName());
        assertThat(new StreamsConfig(config.streamsProperties()).deserializationExceptionHandler())
                .isInstanceOf(DeadLetterHandler.class);
    }

    @Test
    void aFailedWriteFailsTheTaskWithoutDeadLetteringTheGoodSourceRecord() {
        ProducerRecord<byte[], byte[]> output =
                new ProducerRecord<>("cluster-activity", new byte[] {1}, new byte[] {2});

        // an outage while encoding an output: the source news is good, it is processed again once the registry answers
        ProductionExceptionHandler.Response outage = handler.handleSerializationError(
                new Context("cluster-news"),
                output,
                new SerializationException("wrapped", OUTAGE),
                ProductionExceptionHandler.SerializationExceptionOrigin.VALUE);
        // too large for the broker: Kafka's default would dead-letter the source (as large again) and loop
        ProductionExceptionHandler.Response tooLarge = handler.handleError(
                new Context("cluster-news"), output, new RecordTooLargeException("2 000 000 bytes"));

        assertThat(outage.result()).isEqualTo(ProductionExceptionHandler.Result.FAIL);
        assertThat(outage.deadLetterQueueRecords()).isEmpty();
        assertThat(tooLarge.result()).isEqualTo(ProductionExceptionHandler.Result.FAIL);
        assertThat(tooLarge.deadLetterQueueRecords()).isEmpty();
        assertThat(handler.handleError(new Context("cluster-news"), output, new TimeoutException("broker busy"))
                        .result())
                .isEqualTo(ProductionExceptionHandler.Result.RETRY);
        assertThat(new StreamsConfig(PipelineConfig.of(Map.of()).streamsProperties()).productionExceptionHandler())
                .isInstanceOf(DeadLetterHandler.class);
    }

    @Test
    void aDeadLetterForARecordNearTheBrokersLimitIsACutCopyThatFitsInOneRecordAndSaysWhatWasCut() {
        byte[] key = "k".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        byte[] value = new byte[1_040_000];
        value[0] = 0x7B;
        Headers headers = new RecordHeaders();
        headers.add("trace-id", "abc".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 10; i++) {
            headers.add("big-" + i, new byte[100_000]);
        }
        Context huge = new Context("cluster-news", key, value, headers);
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("cluster-news", 2, 41, key, value);

        DeserializationExceptionHandler.Response response = handler.handleError(
                huge, record, new SerializationException("not Confluent Avro" + "!".repeat(50_000)));

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        ProducerRecord<byte[], byte[]> letter =
                response.deadLetterQueueRecords().get(0);
        assertThat(letter.key()).hasSize(DeadLetterHandler.MAX_KEY_BYTES);
        assertThat(letter.value()).hasSize(DeadLetterHandler.MAX_VALUE_BYTES).startsWith((byte) 0x7B);
        assertThat(header(letter, DeadLetterHandler.HEADER_VALUE_BYTES)).isEqualTo("1040000");
        assertThat(header(letter, DeadLetterHandler.HEADER_KEY_BYTES)).isEqualTo("10000");
        assertThat(header(letter, DeadLetterHandler.HEADER_CUT))
                .contains("value: first 524288 of 1040000 bytes kept")
                .contains("key: first 4096 of 10000 bytes kept")
                .contains("headers: 1 of 11 kept");
        assertThat(header(letter, "trace-id")).isEqualTo("abc");
        assertThat(header(letter, DeadLetterHandler.HEADER_MESSAGE)).startsWith("not Confluent Avro");
        // what the producer counts against max.request.size (Kafka's default: 1 MiB), less a few bytes of framing
        long size = letter.key().length + letter.value().length;
        for (Header h : letter.headers()) {
            size += h.key().getBytes(StandardCharsets.UTF_8).length + h.value().length;
        }
        assertThat(size).isLessThan(640 * 1024);
    }

    @Test
    void aDeadLetterOfARecordUnderTheBoundsIsItsWholeCopyWithItsSizeAndNoCutHeader() {
        DeserializationExceptionHandler.Response response =
                onDeserialization("cluster-news", new SerializationException("not Confluent Avro"));

        ProducerRecord<byte[], byte[]> letter =
                response.deadLetterQueueRecords().get(0);
        assertThat(letter.value()).isEqualTo(new byte[] {0, 0, 0, 0, 7, 1});
        assertThat(header(letter, DeadLetterHandler.HEADER_VALUE_BYTES)).isEqualTo("6");
        assertThat(letter.headers().lastHeader(DeadLetterHandler.HEADER_CUT)).isNull();
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
