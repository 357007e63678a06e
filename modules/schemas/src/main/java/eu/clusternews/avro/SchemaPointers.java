package eu.clusternews.avro;

import org.apache.avro.Schema;

/**
 * Names the field behind a JSON pointer into a schema, as compatibility checkers report them ({@code /fields/5/type}
 * in Avro's own checker, Apicurio's and Confluent's messages): a person wants {@code location.city}.
 */
public final class SchemaPointers {

    private SchemaPointers() {}

    /**
     * {@code /fields/12/type/fields/0} → {@code location.city}: the dotted path of the field the pointer denotes in
     * {@code schema}, through unions, arrays and maps. A pointer that goes beyond the schema (it points into the other
     * schema of a comparison) gives the part found so far, possibly empty; never fails.
     */
    public static String fieldPath(Schema schema, String pointer) {
        StringBuilder path = new StringBuilder();
        Schema current = schema;
        String[] steps = pointer.startsWith("/") ? pointer.substring(1).split("/") : new String[0];
        try {
            for (int i = 0; i < steps.length; i++) {
                switch (steps[i]) {
                    case "fields" -> {
                        Schema.Field field = current.getFields().get(Integer.parseInt(steps[++i]));
                        path.append(path.length() == 0 ? "" : ".").append(field.name());
                        current = field.schema();
                    }
                    case "items" -> current = current.getElementType();
                    case "values" -> current = current.getValueType();
                    case "type", "" -> {}
                    default -> {
                        if (current.getType() != Schema.Type.UNION
                                || !steps[i].chars().allMatch(Character::isDigit)) {
                            return path.toString();
                        }
                        current = current.getTypes().get(Integer.parseInt(steps[i]));
                    }
                }
            }
        } catch (RuntimeException pointerBeyondTheSchema) {
            // name what was found so far
        }
        return path.toString();
    }
}
