package eu.clusternews.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Schema helpers shared by the clients and the serdes.
 *
 * <p>The canonical form used to compare schemas is Avro's own JSON rendering of a parsed schema
 * ({@link Schema#toString()}): whitespace, key order and the spelling of the source file do not matter, while names,
 * docs, defaults, logical types and properties do — the same distinctions the registry makes.
 */
public final class AvroSchemas {

    /** The property {@code stringType=String} code generation adds to every string; not part of the contract. */
    public static final String JAVA_STRING_PROPERTY = "avro.java.string";

    private static final ObjectMapper JSON = new ObjectMapper();

    private AvroSchemas() {}

    /** The canonical text of a schema: how it is sent to the registry and how two schemas are compared. */
    public static String canonical(Schema schema) {
        return schema.toString();
    }

    /** Whether two schemas are the same contract (canonical text equal). */
    public static boolean sameCanonical(Schema a, Schema b) {
        return canonical(a).equals(canonical(b));
    }

    /** Parses one self-contained schema text (every named type defined inline), with a fresh parser. */
    public static Schema parse(String schemaText) {
        try {
            return new Schema.Parser().parse(schemaText);
        } catch (SchemaParseException e) {
            throw new SchemaParseException("Not a valid Avro schema: " + e.getMessage());
        }
    }

    /**
     * The schema without the Java-only {@code avro.java.string} property, so what is registered equals the contract in
     * schemas/*.avsc; the binary encoding is the same either way. Returns the schema itself when there is nothing to
     * strip.
     */
    public static Schema withoutJavaProperties(Schema schema) {
        String text = schema.toString();
        if (!text.contains(JAVA_STRING_PROPERTY)) {
            return schema;
        }
        try {
            JsonNode tree = JSON.readTree(text);
            return parse(JSON.writeValueAsString(strip(tree)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Avro rendered a schema Jackson cannot read: " + e.getMessage(), e);
        }
    }

    /** Removes the property everywhere but inside default values, which are data, not schema. */
    private static JsonNode strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(JAVA_STRING_PROPERTY);
            object.properties().forEach(entry -> {
                if (!entry.getKey().equals("default")) {
                    strip(entry.getValue());
                }
            });
        } else if (node.isArray()) {
            node.forEach(AvroSchemas::strip);
        }
        // re-parsing renders {"type":"string"} as "string" again, so nothing else needs rewriting
        return node;
    }
}
