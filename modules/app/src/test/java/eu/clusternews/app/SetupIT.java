package eu.clusternews.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import eu.clusternews.app.config.Settings;
import eu.clusternews.app.setup.ClusterSetup;
import eu.clusternews.avro.Consortium;
import eu.clusternews.avro.Organisation;
import eu.clusternews.avro.Programme;
import eu.clusternews.ingest.reference.ReferenceData;
import eu.clusternews.local.LocalStack;
import eu.clusternews.local.testing.SharedLocalStack;
import eu.clusternews.registry.RestSchemaRegistryClient;
import eu.clusternews.registry.SchemaRegistryClient;
import eu.clusternews.registry.SpecificAvroDeserializer;
import eu.clusternews.testing.Seeds;
import eu.clusternews.topics.TopicSpec;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code setup} on the real embedded broker and the real Apicurio registry. */
class SetupIT {

    private static LocalStack stack;
    private static Settings settings;
    private static ClusterSetup.Summary firstRun;

    @BeforeAll
    static void setUpOnce() {
        stack = SharedLocalStack.get();
        settings = Settings.resolve(null, Map.of(), Map.of())
                .withEndpoints(stack.bootstrapServers(), stack.schemaRegistryUrl());
        firstRun = new ClusterSetup(settings).run(Seeds.reference(), null, (short) 1);
    }

    @Test
    void createsEveryTopicOfTheCatalogueWithItsCleanupPolicy() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            for (TopicSpec spec : TopicSpec.values()) {
                assertThat(names).contains(spec.topicName());
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.topicName());
                Config config = admin.describeConfigs(List.of(resource))
                        .all()
                        .get(30, TimeUnit.SECONDS)
                        .get(resource);
                assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                        .as("cleanup.policy of %s", spec.topicName())
                        .isEqualTo(spec.cleanupPolicy());
            }
        }
    }

    @Test
    void registersTheValueSchemaOfEveryTopicUnderItsTopicSubject() {
        try (SchemaRegistryClient registry = new RestSchemaRegistryClient(stack.schemaRegistryUrl())) {
            for (TopicSpec spec : TopicSpec.values()) {
                if (spec.valueType() != null) {
                    assertThat(registry.subjects()).contains(spec.valueSubject());
                    assertThat(registry.getLatest(spec.valueSubject()).id())
                            .isEqualTo(firstRun.schemaIds().get(spec.valueSubject()));
                }
            }
        }
    }

    @Test
    void theReferenceTopicsHoldTheReferenceDataDecodedThroughTheRegistry() {
        ReferenceData reference = ReferenceData.load(Seeds.reference());
        assertThat(latestById("ref-organisations", Organisation.class, Organisation::getId))
                .containsExactlyInAnyOrderEntriesOf(byId(reference.organisations(), Organisation::getId));
        assertThat(latestById("ref-consortia", Consortium.class, Consortium::getId))
                .containsExactlyInAnyOrderEntriesOf(byId(reference.consortia(), Consortium::getId));
        assertThat(latestById("ref-programmes", Programme.class, Programme::getId))
                .containsExactlyInAnyOrderEntriesOf(byId(reference.programmes(), Programme::getId));
        Consortium innoDrop =
                latestById("ref-consortia", Consortium.class, Consortium::getId).get("cons:inno-drop");
        assertThat(innoDrop.getMembers())
                .extracting(m -> m.getOrganisationId())
                .containsExactlyInAnyOrder("org:bnpt", "org:nanoprogress", "org:wsm", "org:zinnae");
    }

    @Test
    void runningSetupAgainCreatesNothingAndKeepsTheSchemaIds() {
        ClusterSetup.Summary again = new ClusterSetup(settings).run(Seeds.reference(), null, (short) 1);
        assertThat(again.topics().created()).isEmpty();
        assertThat(again.schemaIds()).isEqualTo(firstRun.schemaIds());
    }

    private static <V> Map<String, V> byId(List<V> records, Function<V, String> id) {
        Map<String, V> result = new HashMap<>();
        records.forEach(record -> result.put(id.apply(record), record));
        return result;
    }

    /** Reads a compacted topic to its end with read_committed, keeping the latest value per key. */
    private static <V extends SpecificRecord> Map<String, V> latestById(
            String topic, Class<V> type, Function<V, String> id) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        SpecificAvroDeserializer<V> deserializer = new SpecificAvroDeserializer<>(type);
        deserializer.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
        Map<String, V> latest = new HashMap<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), deserializer)) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertThat(System.nanoTime()).as("reading %s to its end", topic).isLessThan(deadline);
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        latest.remove(record.key());
                    } else {
                        assertThat(record.key()).isEqualTo(id.apply(record.value()));
                        latest.put(record.key(), record.value());
                    }
                }
            }
        }
        return latest;
    }
}
