package eu.clusternews.history;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;

/**
 * Avro data as JSON for people: dates as ISO dates ({@code "2017-05-17"}), timestamps as ISO instants
 * ({@code "2017-05-17T00:00:00Z"}), unions unwrapped (a nullable string is {@code "x"} or {@code null}, not Avro JSON's
 * {@code {"string": "x"}}), enums as their symbol, bytes as base64, decimals as numbers. Fields keep the schema's
 * order.
 *
 * <p>Why not the Avro JSON encoding: it wraps every union branch and writes dates as day numbers, which is exact but
 * unreadable and awkward in {@code jq}. The schema stays available in the registry for anyone who needs to
 * re-encode.
 */
public final class ReadableJson {

    /** One mapper for the whole module: plain, no extra features. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Resolves unions of generic values and of specific records' converted values (LocalDate, Instant, ...). */
    private static final GenericData DATA = new GenericData();

    static {
        DATA.addLogicalTypeConversion(new TimeConversions.DateConversion());
        DATA.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
        DATA.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        DATA.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        DATA.addLogicalTypeConversion(new TimeConversions.LocalTimestampMillisConversion());
        DATA.addLogicalTypeConversion(new Conversions.DecimalConversion());
    }

    private ReadableJson() {}

    /** A record (generic or specific) as a JSON object; null as JSON null. */
    public static JsonNode of(GenericRecord record) {
        return record == null ? NODES.nullNode() : value(record.getSchema(), record);
    }

    static JsonNode value(Schema schema, Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        LogicalType logical = schema.getLogicalType();
        switch (schema.getType()) {
            case UNION:
                int branch = DATA.resolveUnion(schema, value);
                return value(schema.getTypes().get(branch), value);
            case RECORD: {
                GenericRecord record = (GenericRecord) value;
                ObjectNode object = NODES.objectNode();
                for (Schema.Field field : schema.getFields()) {
                    object.set(field.name(), value(field.schema(), record.get(field.pos())));
                }
                return object;
            }
            case ENUM:
                return NODES.textNode(value.toString());
            case ARRAY: {
                ArrayNode array = NODES.arrayNode();
                for (Object item : (Collection<?>) value) {
                    array.add(value(schema.getElementType(), item));
                }
                return array;
            }
            case MAP: {
                ObjectNode object = NODES.objectNode();
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    object.set(entry.getKey().toString(), value(schema.getValueType(), entry.getValue()));
                }
                return object;
            }
            case STRING:
                return NODES.textNode(value.toString());
            case BYTES:
                if (value instanceof BigDecimal decimal) {
                    return NODES.numberNode(decimal);
                }
                return bytes(logical, toBytes((ByteBuffer) value));
            case FIXED:
                return bytes(logical, ((GenericFixed) value).bytes());
            case INT:
                return intValue(logical, value);
            case LONG:
                return longValue(logical, value);
            case FLOAT:
                return NODES.numberNode((Float) value);
            case DOUBLE:
                return NODES.numberNode((Double) value);
            case BOOLEAN:
                return NODES.booleanNode((Boolean) value);
            case NULL:
                return NODES.nullNode();
            default:
                return NODES.textNode(value.toString());
        }
    }

    private static JsonNode intValue(LogicalType logical, Object value) {
        if (value instanceof LocalDate date) {
            return NODES.textNode(date.toString());
        }
        if (value instanceof LocalTime time) {
            return NODES.textNode(time.toString());
        }
        int number = (Integer) value;
        if (logical instanceof LogicalTypes.Date) {
            return NODES.textNode(LocalDate.ofEpochDay(number).toString());
        }
        if (logical instanceof LogicalTypes.TimeMillis) {
            return NODES.textNode(LocalTime.ofNanoOfDay(number * 1_000_000L).toString());
        }
        return NODES.numberNode(number);
    }

    private static JsonNode longValue(LogicalType logical, Object value) {
        if (value instanceof Instant instant) {
            return NODES.textNode(instant.toString());
        }
        if (!(value instanceof Long number)) {
            return NODES.textNode(value.toString()); // LocalDateTime and other converted values
        }
        if (logical instanceof LogicalTypes.TimestampMillis) {
            return NODES.textNode(Instant.ofEpochMilli(number).toString());
        }
        if (logical instanceof LogicalTypes.TimestampMicros) {
            return NODES.textNode(Instant.EPOCH.plus(number, ChronoUnit.MICROS).toString());
        }
        if (logical instanceof LogicalTypes.LocalTimestampMillis) {
            return NODES.textNode(Instant.ofEpochMilli(number)
                    .atOffset(ZoneOffset.UTC)
                    .toLocalDateTime()
                    .toString());
        }
        return NODES.numberNode(number);
    }

    private static JsonNode bytes(LogicalType logical, byte[] bytes) {
        if (logical instanceof LogicalTypes.Decimal decimal) {
            return NODES.numberNode(new BigDecimal(new BigInteger(bytes), decimal.getScale()));
        }
        return NODES.textNode(Base64.getEncoder().encodeToString(bytes));
    }

    private static byte[] toBytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    /** For containers that are not records (a top-level enum or array): rendered with their own schema. */
    public static JsonNode of(GenericContainer container) {
        return container == null ? NODES.nullNode() : value(container.getSchema(), container);
    }
}
