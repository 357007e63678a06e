package eu.clusternews.pipeline.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.avro.Schema;

/** A record schema's fields as {@code name type}, the form in which a {@link BinaryLayout} lists what it writes. */
public final class SchemaLayout {

    private SchemaLayout() {}

    public static List<String> of(Schema record) {
        return record.getFields().stream()
                .map(f -> f.name() + " " + describe(f.schema()))
                .toList();
    }

    private static String describe(Schema schema) {
        if (schema.getLogicalType() != null) {
            return schema.getLogicalType().getName();
        }
        return switch (schema.getType()) {
            case UNION -> schema.getTypes().stream().map(SchemaLayout::describe).collect(Collectors.joining("|"));
            case ARRAY -> "array<" + describe(schema.getElementType()) + ">";
            case MAP -> "map<" + describe(schema.getValueType()) + ">";
            case ENUM -> schema.getName();
            case RECORD ->
                schema.getName()
                        + schema.getFields().stream()
                                .map(f -> f.name() + " " + describe(f.schema()))
                                .collect(Collectors.joining(", ", "(", ")"));
            default -> schema.getType().getName();
        };
    }
}
