package eu.clusternews.avro;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.junit.jupiter.api.Test;

/** The rules of schemas/: documented, evolvable, and generated into these classes unchanged. */
class SchemaContractTest {

    private static final List<Schema> TOPIC_SCHEMAS = List.of(
            NewsEvent.getClassSchema(),
            Organisation.getClassSchema(),
            Consortium.getClassSchema(),
            Programme.getClassSchema(),
            EnrichedNews.getClassSchema(),
            ClusterActivity.getClassSchema(),
            ConsortiumActivity.getClassSchema(),
            ProgrammeActivity.getClassSchema());

    @Test
    void everyRecordAndFieldHasADoc() {
        for (Schema topicSchema : TOPIC_SCHEMAS) {
            assertDocumented(topicSchema);
        }
    }

    private void assertDocumented(Schema schema) {
        switch (schema.getType()) {
            case RECORD -> {
                assertThat(schema.getDoc())
                        .as("doc of %s", schema.getFullName())
                        .isNotBlank();
                schema.getFields().forEach(field -> {
                    assertThat(field.doc())
                            .as("doc of %s.%s", schema.getFullName(), field.name())
                            .isNotBlank();
                    assertDocumented(field.schema());
                });
            }
            case UNION -> schema.getTypes().forEach(this::assertDocumented);
            case ARRAY -> assertDocumented(schema.getElementType());
            case MAP -> assertDocumented(schema.getValueType());
            case ENUM ->
                assertThat(schema.getDoc())
                        .as("doc of %s", schema.getFullName())
                        .isNotBlank();
            default -> {}
        }
    }

    @Test
    void everyOptionalFieldHasADefaultSoReadersCanEvolve() {
        for (Schema topicSchema : TOPIC_SCHEMAS) {
            for (Schema.Field field : topicSchema.getFields()) {
                if (field.schema().isNullable()) {
                    assertThat(field.hasDefaultValue())
                            .as("default of %s.%s", topicSchema.getName(), field.name())
                            .isTrue();
                }
            }
        }
    }

    @Test
    void everySchemaLivesInOneNamespace() {
        for (Schema topicSchema : TOPIC_SCHEMAS) {
            assertThat(topicSchema.getNamespace()).isEqualTo("eu.clusternews.avro");
        }
    }

    @Test
    void theGeneratedClassesMatchTheFilesInSchemasCanonically() {
        Map<String, Schema> fromFiles =
                SchemaDirectory.parse(Path.of("../../schemas")).schemasByFile().values().stream()
                        .collect(Collectors.toMap(Schema::getFullName, schema -> schema));
        for (Schema generated : TOPIC_SCHEMAS) {
            Schema fromFile = fromFiles.get(generated.getFullName());
            assertThat(fromFile).as("%s in schemas/", generated.getFullName()).isNotNull();
            assertThat(SchemaCompatibility.checkReaderWriterCompatibility(generated, fromFile)
                            .getType())
                    .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
            assertThat(org.apache.avro.SchemaNormalization.toParsingForm(generated))
                    .isEqualTo(org.apache.avro.SchemaNormalization.toParsingForm(fromFile));
        }
    }
}
