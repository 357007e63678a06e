package eu.clusternews.registry;

import static org.assertj.core.api.Assertions.assertThat;

import eu.clusternews.avro.NewsEvent;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** Stripping the Java-only string property leaves the contract otherwise untouched. */
class AvroSchemasTest {

    @Test
    void strippingJavaPropertiesKeepsNamesDocsDefaultsAndLogicalTypes() {
        Schema generated = NewsEvent.getClassSchema();
        Schema stripped = AvroSchemas.withoutJavaProperties(generated);

        assertThat(generated.toString()).contains("avro.java.string");
        assertThat(stripped.toString()).doesNotContain("avro.java.string");
        assertThat(stripped.getDoc()).isEqualTo(generated.getDoc());
        assertThat(stripped.getFields())
                .extracting(Schema.Field::name)
                .isEqualTo(
                        generated.getFields().stream().map(Schema.Field::name).toList());
        assertThat(stripped.getField("format").defaultVal()).isEqualTo("text");
        assertThat(stripped.getField("ingestedAt").schema().getLogicalType()).isEqualTo(LogicalTypes.timestampMillis());
        assertThat(stripped.getField("title").schema().toString()).isEqualTo("\"string\"");
    }

    @Test
    void aSchemaWithNothingToStripIsReturnedAsItIs() {
        Schema plain = AvroSchemas.parse(
                "{\"type\":\"record\",\"name\":\"T\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}");

        assertThat(AvroSchemas.withoutJavaProperties(plain)).isSameAs(plain);
    }
}
