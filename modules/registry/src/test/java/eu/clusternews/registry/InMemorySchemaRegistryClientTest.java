package eu.clusternews.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import eu.clusternews.avro.Organisation;
import eu.clusternews.avro.Programme;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

/** The in-memory registry keeps the rules of the real one: ids, versions, compatibility, the same exceptions. */
class InMemorySchemaRegistryClientTest {

    private static final Schema ORGANISATION = AvroSchemas.withoutJavaProperties(Organisation.getClassSchema());
    private static final Schema PROGRAMME = AvroSchemas.withoutJavaProperties(Programme.getClassSchema());
    private static final Schema V1 = SchemaBuilder.record("Thing")
            .namespace("test")
            .fields()
            .requiredString("id")
            .endRecord();
    private static final Schema V2_WITH_DEFAULT = SchemaBuilder.record("Thing")
            .namespace("test")
            .fields()
            .requiredString("id")
            .name("colour")
            .type()
            .stringType()
            .stringDefault("blue")
            .endRecord();
    private static final Schema V2_WITHOUT_DEFAULT = SchemaBuilder.record("Thing")
            .namespace("test")
            .fields()
            .requiredString("id")
            .requiredString("colour")
            .endRecord();

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    @Test
    void givesEqualSchemasOneIdAcrossSubjectsAndNumbersVersionsPerSubject() {
        int organisationId = registry.register("a-value", ORGANISATION);
        int again = registry.register("a-value", AvroSchemas.parse(ORGANISATION.toString()));
        int otherSubject = registry.register("b-value", ORGANISATION);
        registry.setCompatibility("a-value", "NONE"); // an unrelated record type is only accepted without checks
        int programmeId = registry.register("a-value", PROGRAMME);

        assertThat(again).isEqualTo(organisationId);
        assertThat(otherSubject).isEqualTo(organisationId);
        assertThat(programmeId).isNotEqualTo(organisationId);
        assertThat(registry.getLatest("a-value")).isEqualTo(new RegisteredSchema("a-value", programmeId, 2, PROGRAMME));
        assertThat(registry.getId("a-value", ORGANISATION)).isEqualTo(organisationId);
        assertThat(registry.getById(programmeId)).isEqualTo(PROGRAMME);
        assertThat(registry.subjects()).containsExactly("a-value", "b-value");
    }

    @Test
    void acceptsANewFieldWithADefaultUnderBackwardCompatibility() {
        registry.register("thing-value", V1);

        assertThat(registry.testCompatibility("thing-value", V2_WITH_DEFAULT).compatible())
                .isTrue();
        registry.register("thing-value", V2_WITH_DEFAULT);
        assertThat(registry.versions("thing-value"))
                .extracting(RegisteredSchema::version)
                .containsExactly(1, 2);
    }

    @Test
    void refusesANewFieldWithoutADefaultNamingTheSubjectAndTheField() {
        registry.register("thing-value", V1);

        CompatibilityResult result = registry.testCompatibility("thing-value", V2_WITHOUT_DEFAULT);
        assertThat(result.compatible()).isFalse();
        assertThat(result.messages())
                .singleElement()
                .asString()
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
                .contains("colour");
        assertThatThrownBy(() -> registry.register("thing-value", V2_WITHOUT_DEFAULT))
                .isInstanceOfSatisfying(IncompatibleSchemaException.class, e -> {
                    assertThat(e.subject()).isEqualTo("thing-value");
                    assertThat(e.messages()).isEqualTo(result.messages());
                })
                .hasMessageContaining("thing-value")
                .hasMessageContaining("colour");
        assertThat(registry.versions("thing-value")).hasSize(1);
    }

    @Test
    void followsTheSubjectsOwnCompatibilityLevel() {
        registry.register("thing-value", V2_WITH_DEFAULT);
        assertThat(registry.getCompatibility("thing-value")).isEqualTo("BACKWARD");

        // dropping a field is backward compatible, but not forward compatible when it has no default
        registry.setCompatibility("thing-value", "full");
        assertThat(registry.getCompatibility("thing-value")).isEqualTo("FULL");
        assertThat(registry.getCompatibility(null)).isEqualTo("BACKWARD");
        assertThat(registry.isCompatible("thing-value", V1)).isTrue();
        registry.setCompatibility("thing-value", "FORWARD");
        assertThat(registry.isCompatible("thing-value", V2_WITHOUT_DEFAULT)).isTrue();
        assertThatThrownBy(() -> registry.setCompatibility(null, "SOMETIMES"))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessageContaining("SOMETIMES");
    }

    @Test
    void answersUnknownThingsWithTheSameExceptionsAsTheRestClient() {
        registry.register("thing-value", V1);

        assertThatThrownBy(() -> registry.getById(99))
                .isInstanceOf(UnknownSchemaIdException.class)
                .hasMessageContaining("99")
                .hasMessageContaining("mock://");
        assertThatThrownBy(() -> registry.getLatest("nobody")).isInstanceOf(SubjectNotFoundException.class);
        assertThatThrownBy(() -> registry.getId("nobody", V1)).isInstanceOf(SubjectNotFoundException.class);
        assertThatThrownBy(() -> registry.getId("thing-value", V2_WITH_DEFAULT))
                .isInstanceOf(SchemaNotRegisteredException.class)
                .hasMessageContaining("thing-value");
    }

    @Test
    void mockUrlsShareOneRegistryPerScopeUntilTheScopeIsDropped() {
        try {
            SchemaRegistryClient first =
                    SchemaRegistryClients.fromConfig(Map.of("schema.registry.url", "mock://scope-a"));
            SchemaRegistryClient second =
                    SchemaRegistryClients.fromConfig(Map.of("schema.registry.url", "mock://scope-a"));
            SchemaRegistryClient other =
                    SchemaRegistryClients.fromConfig(Map.of("schema.registry.url", "mock://scope-b"));

            int id = first.register("thing-value", V1);

            assertThat(second.getById(id)).isEqualTo(V1);
            assertThat(other.subjects()).isEmpty();
            assertThat(first.url()).isEqualTo("mock://scope-a");
            MockSchemaRegistry.dropScope("scope-a");
            assertThat(MockSchemaRegistry.forScope("scope-a").subjects()).isEmpty();
        } finally {
            MockSchemaRegistry.dropScope("scope-a");
            MockSchemaRegistry.dropScope("scope-b");
        }
    }

    @Test
    void anHttpUrlGivesARestClient() {
        assertThat(SchemaRegistryClients.fromConfig(
                        Map.of("schema.registry.url", "http://127.0.0.1:8081/apis/ccompat/v7/")))
                .isInstanceOfSatisfying(
                        RestSchemaRegistryClient.class,
                        c -> assertThat(c.url()).isEqualTo("http://127.0.0.1:8081/apis/ccompat/v7"));
    }
}
