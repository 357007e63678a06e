package eu.clusternews.history;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.clusternews.registry.GenericAvroDeserializer;
import eu.clusternews.registry.SchemaRegistryClient;
import eu.clusternews.topics.TopicSpec;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;

/**
 * Turns a raw record of a clusternews topic into JSON: the key as a string (keys are UTF-8 ids), the value decoded
 * through the registry as {@link ReadableJson}; on the dead-letter topic, whose values are whatever could not be
 * processed, the value is shown as {@code {"utf8": ..., "base64": ...}} with the headers that say why. A value that
 * cannot be decoded is shown the same way with {@code "undecodable"} saying why, so one bad record never stops a tail.
 */
public final class RecordRenderer {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final GenericAvroDeserializer values;
    private final boolean rawValues;

    public RecordRenderer(String topic, SchemaRegistryClient registry) {
        this.values = new GenericAvroDeserializer(registry);
        this.values.configure(Map.of(), false);
        this.rawValues = TopicSpec.DEAD_LETTERS.topicName().equals(topic);
    }

    /** The record as one JSON object: key, value and, when asked, where it is and when it was written. */
    public ObjectNode render(ConsumerRecord<byte[], byte[]> record, boolean withMetadata) {
        ObjectNode node = NODES.objectNode();
        if (withMetadata) {
            node.put("topic", record.topic());
            node.put("partition", record.partition());
            node.put("offset", record.offset());
            node.put("timestamp", Instant.ofEpochMilli(record.timestamp()).toString());
        }
        node.set("key", text(record.key()));
        node.set("value", value(record));
        if (rawValues || (withMetadata && record.headers().toArray().length > 0)) {
            node.set("headers", headers(record));
        }
        return node;
    }

    /** The decoded value; null for a tombstone. */
    public JsonNode value(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return NODES.nullNode();
        }
        if (rawValues) {
            return raw(record.value());
        }
        try {
            GenericRecord decoded = values.deserialize(record.topic(), record.headers(), record.value());
            return ReadableJson.of(decoded);
        } catch (SerializationException e) {
            ObjectNode raw = raw(record.value());
            raw.put("undecodable", e.getMessage());
            return raw;
        }
    }

    /** One line of JSON. */
    public static String line(JsonNode node) {
        try {
            return ReadableJson.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Indented JSON. */
    public static String pretty(JsonNode node) {
        try {
            return ReadableJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode headers(ConsumerRecord<byte[], byte[]> record) {
        ObjectNode headers = NODES.objectNode();
        for (Header header : record.headers()) {
            headers.set(header.key(), text(header.value()));
        }
        return headers;
    }

    /** UTF-8 text as a JSON string; other bytes as {"base64": ...}. */
    public static JsonNode text(byte[] bytes) {
        if (bytes == null) {
            return NODES.nullNode();
        }
        String utf8 = utf8(bytes);
        if (utf8 != null) {
            return NODES.textNode(utf8);
        }
        return NODES.objectNode().put("base64", Base64.getEncoder().encodeToString(bytes));
    }

    private static ObjectNode raw(byte[] bytes) {
        ObjectNode node = NODES.objectNode();
        node.put("utf8", utf8(bytes));
        node.put("base64", Base64.getEncoder().encodeToString(bytes));
        return node;
    }

    /** The bytes as a string when they are valid UTF-8, else null. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
