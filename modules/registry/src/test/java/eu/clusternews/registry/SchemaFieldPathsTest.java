package eu.clusternews.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** Compatibility messages name the field behind each JSON pointer. */
class SchemaFieldPathsTest {

    /** The field paths themselves are {@code SchemaPointers}' (schemas module); here only how messages name them. */
    private static final Schema NEWS = AvroSchemas.parse("""
      {"type": "record", "name": "News", "fields": [
        {"name": "id", "type": "string"}, {"name": "title", "type": "string"}]}""");

    @Test
    void namesTheTopLevelFieldOfApicuriosPointer() {
        String apicurio =
                "Incompatible artifact: news-value [AVRO], num of incompatible diffs: {1}, list of diff types: "
                        + "[reader type: INT not compatible with writer type: STRING at /fields/1/type]";

        assertThat(SchemaFieldPaths.named(NEWS, List.of(apicurio)))
                .containsExactly(apicurio.replace("/fields/1/type", "/fields/1/type (field title of the new schema)"));
    }

    @Test
    void leavesAMessageWithoutPointersOrWithAPointerBeyondTheSchemaReadable() {
        assertThat(SchemaFieldPaths.named(NEWS, "READER_FIELD_MISSING_DEFAULT_VALUE: region"))
                .isEqualTo("READER_FIELD_MISSING_DEFAULT_VALUE: region");
        assertThat(SchemaFieldPaths.named(NEWS, "at /fields/9/type")).isEqualTo("at /fields/9/type");
    }
}
