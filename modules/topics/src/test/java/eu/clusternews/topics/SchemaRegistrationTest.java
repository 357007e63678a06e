package eu.clusternews.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import eu.clusternews.avro.Programme;
import eu.clusternews.registry.AvroSchemas;
import eu.clusternews.registry.InMemorySchemaRegistryClient;
import eu.clusternews.registry.SpecificAvroSerializer;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** Setup registers every topic's value schema: the contract of schemas/, idempotently, with the producers' ids. */
class SchemaRegistrationTest {

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final SchemaRegistration registration = new SchemaRegistration(registry);

    @Test
    void registersTheValueSchemaOfEveryTopicUnderItsTopicSubject() {
        Map<String, Integer> ids = registration.registerAll();

        assertThat(ids.keySet())
                .containsExactly(
                        "cluster-news-value",
                        "ref-organisations-value",
                        "ref-consortia-value",
                        "ref-programmes-value",
                        "cluster-news-enriched-value",
                        "cluster-activity-value",
                        "consortium-activity-value",
                        "programme-activity-value",
                        "cluster-events-value");
        assertThat(registry.subjects()).containsExactlyInAnyOrderElementsOf(ids.keySet());
        ids.forEach((subject, id) ->
                assertThat(registry.getLatest(subject).id()).as(subject).isEqualTo(id));
    }

    @Test
    void registeringAgainChangesNothing() {
        Map<String, Integer> first = registration.registerAll();
        Map<String, Integer> second = registration.registerAll();

        assertThat(second).isEqualTo(first);
        first.keySet()
                .forEach(subject ->
                        assertThat(registry.versions(subject)).as(subject).hasSize(1));
    }

    @Test
    void registersTheContractOfTheSchemaFilesWithoutJavaProperties() throws IOException {
        Map<String, Schema> fromFiles = schemasShippedInTheJar();
        registration.registerAll();

        for (TopicSpec spec : TopicSpec.values()) {
            if (spec.valueType() == null) {
                continue;
            }
            Schema registered = registry.getLatest(spec.valueSubject()).schema();
            Schema file = fromFiles.get(spec.valueType().getName());
            assertThat(registered.toString()).as(spec.topicName()).doesNotContain("avro.java.string");
            assertThat(AvroSchemas.canonical(registered)).as(spec.topicName()).isEqualTo(AvroSchemas.canonical(file));
        }
    }

    @Test
    void aProducerFindsTheSchemaSetupRegisteredAndAddsNoVersion() {
        int id = registration.register(TopicSpec.PROGRAMMES);
        SpecificAvroSerializer<Programme> producer = new SpecificAvroSerializer<>(Programme.class, registry);
        producer.configure(Map.of("auto.register.schemas", "false"), false);

        byte[] bytes = producer.serialize(
                "ref-programmes",
                Programme.newBuilder().setId("prog:cosme").setName("COSME").build());

        assertThat(java.nio.ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
        assertThat(registry.versions("ref-programmes-value")).hasSize(1);
    }

    @Test
    void theDeadLetterTopicHasNoSchemaToRegister() {
        assertThatThrownBy(() -> registration.register(TopicSpec.DEAD_LETTERS))
                .hasMessageContaining("cluster-news-dlq");
    }

    /** The .avsc files as the schemas module ships them, parsed together (shared types first: they are referenced). */
    private static Map<String, Schema> schemasShippedInTheJar() throws IOException {
        Schema.Parser parser = new Schema.Parser();
        List<String> files = List.of(
                "NewsKind",
                "ClusterRole",
                "Location",
                "Member",
                "ProgrammeRef",
                "Headline",
                "OrganisationRef",
                "EnrichedConsortium",
                "ClusterInvolvement",
                "NewsEvent",
                "Organisation",
                "Consortium",
                "Programme",
                "ClusterContribution",
                "EnrichedNews",
                "ClusterActivity",
                "ConsortiumActivity",
                "ProgrammeActivity",
                "EventReport",
                "ClusterEvent");
        Map<String, Schema> schemas = new HashMap<>();
        for (String file : files) {
            try (InputStream in = SchemaRegistrationTest.class.getResourceAsStream("/schemas/" + file + ".avsc")) {
                assertThat(in)
                        .as("schemas/" + file + ".avsc in the schemas jar")
                        .isNotNull();
                Schema schema = parser.parse(in);
                schemas.put(schema.getFullName(), schema);
            }
        }
        return schemas;
    }
}
