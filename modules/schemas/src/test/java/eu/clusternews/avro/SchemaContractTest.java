package eu.clusternews.avro;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

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
    void theGeneratedClassesMatchTheFilesInSchemasCanonically() throws IOException {
        Path dir = Path.of("../../schemas");
        Schema.Parser parser = new Schema.Parser();
        try (Stream<Path> files = Files.list(dir)) {
            // parse in dependency order: the shared types are referenced by name
            for (String name : List.of(
                    "NewsKind",
                    "ClusterRole",
                    "Location",
                    "Member",
                    "ProgrammeRef",
                    "Headline",
                    "OrganisationRef",
                    "EnrichedConsortium",
                    "ClusterInvolvement",
                    "NewsEvent")) {
                parser.parse(dir.resolve(name + ".avsc").toFile());
            }
            files.filter(p -> p.toString().endsWith(".avsc"))
                    .filter(p -> !parser.getTypes()
                            .containsKey("eu.clusternews.avro."
                                    + p.getFileName().toString().replace(".avsc", "")))
                    .forEach(p -> {
                        try {
                            parser.parse(p.toFile());
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    });
        }
        for (Schema generated : TOPIC_SCHEMAS) {
            Schema fromFile = parser.getTypes().get(generated.getFullName());
            assertThat(SchemaCompatibility.checkReaderWriterCompatibility(generated, fromFile)
                            .getType())
                    .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
            assertThat(org.apache.avro.SchemaNormalization.toParsingForm(generated))
                    .isEqualTo(org.apache.avro.SchemaNormalization.toParsingForm(fromFile));
        }
    }
}
