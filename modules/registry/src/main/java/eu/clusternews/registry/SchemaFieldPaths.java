package eu.clusternews.registry;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import eu.clusternews.avro.SchemaPointers;
import org.apache.avro.Schema;

/**
 * Names the fields behind the JSON pointers in compatibility messages: registries (Apicurio, Confluent) and
 * Avro's own checker say {@code at /fields/5/type}; a person wants the field's name. The pointer is resolved in the
 * schema being registered, which is the reader under BACKWARD compatibility (where the pointers point into it);
 * under FORWARD they point into the registered schema, hence the wording "of the new schema".
 */
final class SchemaFieldPaths {

    private static final Pattern POINTER = Pattern.compile("(/fields/\\d+(?:/[A-Za-z0-9_]+)*)");

    private SchemaFieldPaths() {}

    /** Each message with every pointer into the schema followed by the dotted name of its field. */
    static List<String> named(Schema schema, List<String> messages) {
        return messages.stream().map(message -> named(schema, message)).toList();
    }

    static String named(Schema schema, String message) {
        Matcher matcher = POINTER.matcher(message);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String path = SchemaPointers.fieldPath(schema, matcher.group(1));
            matcher.appendReplacement(
                    out,
                    Matcher.quoteReplacement(
                            matcher.group(1) + (path.isEmpty() ? "" : " (field " + path + " of the new schema)")));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
