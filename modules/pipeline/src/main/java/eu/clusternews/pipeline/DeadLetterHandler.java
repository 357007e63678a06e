package eu.clusternews.pipeline;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import eu.clusternews.registry.RegistryUnreachableException;
import eu.clusternews.topics.TopicSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's KIP-1033/1034 exception handler: a record that cannot be used goes, with its original
 * key and value bytes, to the dead-letter topic ({@code errors.dead.letter.queue.topic.name}, by default
 * {@code cluster-news-dlq}) and the stream goes on.
 *
 * <ul>
 *   <li>A schema registry outage ({@link RegistryUnreachableException} anywhere in the causes: no
 *       answer, timeout, 5xx, 401/403, an answer that is not the registry's) is never the record's
 *       fault: whatever the topic or thread, the handler answers FAIL, so nothing is committed past
 *       the record and it is read again once the registry answers (after a thread replacement or a
 *       restart).</li>
 *   <li>Processing: {@link InvalidNewsException} (what {@code validate} throws) is dead-lettered and
 *       skipped. Any other exception is a bug or an outage, not bad input: the task fails, so nothing
 *       is lost silently.</li>
 *   <li>Deserialization (repartition topics, which should never fail): dead-lettered and skipped.
 *       Reference topics are read by the global thread, which cannot write to a dead-letter topic: a
 *       corrupt reference record (not the wire format, an id the registry does not know) is logged and
 *       skipped.</li>
 * </ul>
 *
 * <p>Headers use Kafka's own names (the same as its built-in dead-letter records) plus
 * {@link #HEADER_TIME}.
 */
public class DeadLetterHandler
        implements ProcessingExceptionHandler, DeserializationExceptionHandler, ProductionExceptionHandler {

    public static final String HEADER_EXCEPTION = "__streams.errors.exception";
    public static final String HEADER_MESSAGE = "__streams.errors.message";
    public static final String HEADER_STACKTRACE = "__streams.errors.stacktrace";
    public static final String HEADER_TOPIC = "__streams.errors.topic";
    public static final String HEADER_PARTITION = "__streams.errors.partition";
    public static final String HEADER_OFFSET = "__streams.errors.offset";
    /** When the pipeline gave up on the record, ISO-8601 UTC. */
    public static final String HEADER_TIME = "clusternews.errors.time";

    /** Bounds of the message and stack-trace headers, in characters. */
    static final int MAX_MESSAGE_CHARS = 2_000;

    static final int MAX_STACKTRACE_CHARS = 16_000;

    /** The bad record's size in bytes (key, value), for when the copy had to be cut. */
    public static final String HEADER_KEY_BYTES = "clusternews.errors.key.bytes";

    public static final String HEADER_VALUE_BYTES = "clusternews.errors.value.bytes";
    /** Present when the copy is not the whole record: says what was cut. */
    public static final String HEADER_CUT = "clusternews.errors.cut";

    /**
     * Bounds of the copy: a dead letter must fit in one record whatever the bad record was (a record near the broker's
     * limit, plus our headers, would not), so a longer key or value is cut to its first bytes and the bad record's own
     * headers are kept up to a total. With the message and stack-trace bounds, a dead letter stays under 640 KiB, well
     * within Kafka's default 1 MiB ({@code max.request.size}, {@code message.max.bytes}).
     */
    static final int MAX_KEY_BYTES = 4 * 1024;

    static final int MAX_VALUE_BYTES = 512 * 1024;
    static final int MAX_ORIGINAL_HEADER_BYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);

    private String deadLetterTopic = TopicSpec.DEAD_LETTERS.topicName();

    @Override
    public void configure(Map<String, ?> configs) {
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        if (topic != null && !topic.toString().isBlank()) {
            deadLetterTopic = topic.toString();
        }
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(
            ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (RegistryUnreachableException.foundIn(exception)) {
            logOutage(context.topic(), context.partition(), context.offset(), exception);
            return ProcessingExceptionHandler.Response.fail();
        }
        if (!(exception instanceof InvalidNewsException)) {
            LOG.error(
                    "Processor {} failed on {}-{}@{}; failing the task (not bad input, so not dead-lettered)",
                    context.processorNodeId(),
                    context.topic(),
                    context.partition(),
                    context.offset(),
                    exception);
            return ProcessingExceptionHandler.Response.fail();
        }
        LOG.warn(
                "Dead-lettering {}-{}@{} to {}: {}",
                context.topic(),
                context.partition(),
                context.offset(),
                deadLetterTopic,
                exception.getMessage());
        return ProcessingExceptionHandler.Response.resume(List.of(deadLetter(context, exception)));
    }

    @Override
    public DeserializationExceptionHandler.Response handleError(
            ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (RegistryUnreachableException.foundIn(exception)) {
            // the global thread too: skipping here would leave a good reference record out of the store for good
            logOutage(record.topic(), record.partition(), record.offset(), exception);
            return DeserializationExceptionHandler.Response.fail();
        }
        if (TopicSpec.byName(record.topic()).map(TopicSpec::isReference).orElse(false)) {
            LOG.error(
                    "Skipping undecodable reference record {}-{}@{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    exception.getMessage());
            return DeserializationExceptionHandler.Response.resume();
        }
        LOG.warn(
                "Dead-lettering undecodable {}-{}@{} to {}: {}",
                record.topic(),
                record.partition(),
                record.offset(),
                deadLetterTopic,
                exception.getMessage());
        return DeserializationExceptionHandler.Response.resume(List.of(deadLetter(context, exception)));
    }

    private static void logOutage(String topic, int partition, long offset, Exception exception) {
        LOG.error(
                "The schema registry gave no usable answer for {}-{}@{}: failing, so that the record is read again"
                        + " once the registry answers (an outage, not bad input: nothing is dead-lettered or skipped). {}",
                topic,
                partition,
                offset,
                exception.getMessage());
    }

    /**
     * Writing a result failed. Retriable errors are retried; anything else fails the task with nothing dead-lettered.
     * Kafka's default handler would also dead-letter the <em>source</em> record: a good input (the failure is ours,
     * or an outage) that the failed task reads again anyway, so under at-least-once it would stand in the DLQ for
     * nothing; and for a record too large for the broker the copy is too large too, which Kafka 4.3 retries until its
     * producer thread overflows its stack. What a news makes the pipeline write is bounded ({@link EnrichmentBounds},
     * the fan-out's headline bounds, the dead letters' cut copies), so a record too large means a limit set below
     * ours (a topic's {@code max.message.bytes}, {@code max.request.size}): a configuration to fix, not a record to
     * skip.
     */
    @Override
    public ProductionExceptionHandler.Response handleError(
            ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RetriableException) {
            return ProductionExceptionHandler.Response.retry();
        }
        LOG.error(
                "Writing to {} failed for the record from {}-{}@{}: {}; failing the task (nothing is dead-lettered)",
                record.topic(),
                context.topic(),
                context.partition(),
                context.offset(),
                exception.getMessage());
        return ProductionExceptionHandler.Response.fail();
    }

    /**
     * Encoding a result failed: a registry outage (waited for by the client, then failed, so that the record is
     * processed again once the registry answers) or a bug; never the input's fault, so nothing is dead-lettered.
     */
    @Override
    @SuppressWarnings("rawtypes")
    public ProductionExceptionHandler.Response handleSerializationError(
            ErrorHandlerContext context,
            ProducerRecord record,
            Exception exception,
            SerializationExceptionOrigin origin) {
        if (RegistryUnreachableException.foundIn(exception)) {
            LOG.error(
                    "The schema registry gave no usable answer while encoding a record for {} (from {}-{}@{}):"
                            + " failing, so that it is written once the registry answers (an outage: nothing is dead-lettered)."
                            + " {}",
                    record.topic(),
                    context.topic(),
                    context.partition(),
                    context.offset(),
                    exception.getMessage());
        } else {
            LOG.error(
                    "Encoding a record for {} failed (from {}-{}@{}); failing the task",
                    record.topic(),
                    context.topic(),
                    context.partition(),
                    context.offset(),
                    exception);
        }
        return ProductionExceptionHandler.Response.fail();
    }

    /**
     * The bad record's own key, value and headers (a trace id, say, stays with it), then why, where from, when and
     * how large it was. Everything is bounded (see {@link #MAX_VALUE_BYTES}), so that a dead letter is never too
     * large for the broker whatever the bad record or its failure was: a longer key or value is cut to its first
     * bytes and {@link #HEADER_CUT} says so (the whole record stays in its source topic).
     */
    private ProducerRecord<byte[], byte[]> deadLetter(ErrorHandlerContext context, Exception exception) {
        List<String> cut = new ArrayList<>();
        Headers headers = HeaderBounds.carried(
                context.headers(),
                key -> !key.startsWith("__streams.errors.") && !key.startsWith("clusternews.errors."),
                MAX_ORIGINAL_HEADER_BYTES,
                cut);
        byte[] key = prefix(context.sourceRawKey(), MAX_KEY_BYTES, "key", cut);
        byte[] value = prefix(context.sourceRawValue(), MAX_VALUE_BYTES, "value", cut);
        headers.add(HEADER_EXCEPTION, utf8(exception.getClass().getName()));
        headers.add(HEADER_MESSAGE, utf8(bounded(String.valueOf(exception.getMessage()), MAX_MESSAGE_CHARS)));
        headers.add(HEADER_STACKTRACE, utf8(bounded(stackTrace(exception), MAX_STACKTRACE_CHARS)));
        headers.add(HEADER_TOPIC, utf8(context.topic()));
        headers.add(HEADER_PARTITION, utf8(Integer.toString(context.partition())));
        headers.add(HEADER_OFFSET, utf8(Long.toString(context.offset())));
        headers.add(HEADER_TIME, utf8(Instant.now().toString()));
        if (context.sourceRawKey() != null) {
            headers.add(HEADER_KEY_BYTES, utf8(Integer.toString(context.sourceRawKey().length)));
        }
        if (context.sourceRawValue() != null) {
            headers.add(HEADER_VALUE_BYTES, utf8(Integer.toString(context.sourceRawValue().length)));
        }
        if (!cut.isEmpty()) {
            headers.add(HEADER_CUT, utf8(String.join("; ", cut)));
        }
        return new ProducerRecord<>(deadLetterTopic, null, context.timestamp(), key, value, headers);
    }

    /** The bytes, or their first {@code max} when longer (noted in {@code cut}). */
    private static byte[] prefix(byte[] bytes, int max, String what, List<String> cut) {
        if (bytes == null || bytes.length <= max) {
            return bytes;
        }
        cut.add(what + ": first " + max + " of " + bytes.length + " bytes kept");
        return Arrays.copyOf(bytes, max);
    }

    private static String bounded(String text, int max) {
        return text.length() <= max
                ? text
                : text.substring(0, max) + "… (" + (text.length() - max) + " more characters)";
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
