package eu.clusternews.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import eu.clusternews.avro.Consortium;
import eu.clusternews.avro.Member;
import eu.clusternews.local.LocalStack;
import eu.clusternews.local.testing.SharedLocalStack;
import eu.clusternews.registry.SpecificAvroDeserializer;
import eu.clusternews.registry.SpecificAvroSerializer;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our Serde and Apicurio's own (an independent implementation, talking Apicurio's native API) agree on the
 * Confluent wire format: each reads what the other wrote, through the same registry.
 */
class ApicurioSerdeInteropIT {

    private static LocalStack stack;

    @BeforeAll
    static void startRegistry() {
        stack = SharedLocalStack.get();
    }

    private static Consortium consortium() {
        return Consortium.newBuilder()
                .setId("cons:inno-drop")
                .setAcronym("INNO-DROP")
                .setFullTitle("INNOvation and Development in clusteR excellence and cOoperative Partnerships")
                .setProgrammeId("prog:cosme-cluster-excellence")
                .setStartMonth("2016-11")
                .setEndMonth("2018-11")
                .setCountries(List.of("DE", "CZ", "FR", "ES"))
                .setMembers(List.of(Member.newBuilder()
                        .setOrganisationId("org:bnpt")
                        .setRole("coordinator")
                        .setWorkPackages(List.of("WP2", "WP5"))
                        .build()))
                .setSourceIds(List.of("S07"))
                .build();
    }

    private static Map<String, Object> apicurioConfig() {
        return apicurioConfig(stack);
    }

    /** Apicurio's own serdes on the Confluent wire format, over this stack's registry; shared with the other ITs. */
    static Map<String, Object> apicurioConfig(LocalStack stack) {
        Map<String, Object> config = new HashMap<>();
        // Apicurio's serdes talk Apicurio's own API; the Confluent API of the same registry is at /apis/ccompat/v7
        config.put("apicurio.registry.url", stack.schemaRegistryUrl().replace("/apis/ccompat/v7", "/apis/registry/v2"));
        config.put("apicurio.registry.as-confluent", true);
        config.put("apicurio.registry.use-id", "contentId");
        config.put("apicurio.registry.headers.enabled", false);
        config.put("apicurio.registry.auto-register", true);
        config.put("apicurio.registry.find-latest", true);
        return config;
    }

    @Test
    void apicuriosDeserializerReadsWhatOurSerializerWrote() {
        String topic = "interop-ours-to-apicurio";
        SpecificAvroSerializer<Consortium> ours = new SpecificAvroSerializer<>(Consortium.class);
        ours.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
        byte[] bytes = ours.serialize(topic, consortium());

        try (AvroKafkaDeserializer<GenericRecord> theirs = new AvroKafkaDeserializer<>()) {
            theirs.configure(apicurioConfig(), false);
            GenericRecord read = theirs.deserialize(topic, bytes);
            assertThat(read.get("id").toString()).isEqualTo("cons:inno-drop");
            assertThat(read.get("acronym").toString()).isEqualTo("INNO-DROP");
            assertThat(read.get("countries").toString()).isEqualTo("[DE, CZ, FR, ES]");
            assertThat(((GenericRecord) ((List<?>) read.get("members")).get(0))
                            .get("role")
                            .toString())
                    .isEqualTo("coordinator");
        }
    }

    @Test
    void ourDeserializerReadsWhatApicuriosSerializerWrote() {
        String topic = "interop-apicurio-to-ours";
        byte[] bytes;
        try (AvroKafkaSerializer<Consortium> theirs = new AvroKafkaSerializer<>()) {
            theirs.configure(apicurioConfig(), false);
            bytes = theirs.serialize(topic, consortium());
        }
        assertThat(bytes[0]).as("Confluent magic byte").isZero();

        SpecificAvroDeserializer<Consortium> ours = new SpecificAvroDeserializer<>(Consortium.class);
        ours.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
        assertThat(ours.deserialize(topic, bytes)).isEqualTo(consortium());
    }
}
