package eu.clusternews.avro;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** A JSON pointer of a compatibility checker becomes the dotted name of its field. */
class SchemaPointersTest {

    private static final Schema NEWS = new Schema.Parser().parse("""
      {"type": "record", "name": "News", "fields": [
        {"name": "id", "type": "string"},
        {"name": "title", "type": "string"},
        {"name": "location", "type": ["null", {"type": "record", "name": "Location", "fields": [
          {"name": "city", "type": "string"}, {"name": "country", "type": "string"}]}], "default": null},
        {"name": "members", "type": {"type": "array", "items": {"type": "record", "name": "Member", "fields": [
          {"name": "organisationId", "type": "string"}]}}, "default": []}
      ]}""");

    @Test
    void namesNestedFieldsThroughUnionsAndArrays() {
        assertThat(SchemaPointers.fieldPath(NEWS, "/fields/2/type/1/fields/1/type"))
                .isEqualTo("location.country");
        assertThat(SchemaPointers.fieldPath(NEWS, "/fields/3/type/items/fields/0"))
                .isEqualTo("members.organisationId");
    }

    @Test
    void aPointerBeyondTheSchemaGivesThePartFoundSoFarAndNeverFails() {
        assertThat(SchemaPointers.fieldPath(NEWS, "/fields/2/type/1/fields/7/type"))
                .isEqualTo("location");
        assertThat(SchemaPointers.fieldPath(NEWS, "/fields/9/type")).isEmpty();
        assertThat(SchemaPointers.fieldPath(NEWS, "")).isEmpty();
    }
}
