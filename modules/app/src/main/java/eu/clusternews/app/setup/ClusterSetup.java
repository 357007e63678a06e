package eu.clusternews.app.setup;

import java.nio.file.Path;
import java.util.Map;

import eu.clusternews.app.config.Settings;
import eu.clusternews.ingest.reference.ReferenceData;
import eu.clusternews.ingest.reference.ReferencePublisher;
import eu.clusternews.registry.SchemaRegistryClient;
import eu.clusternews.registry.SchemaRegistryClients;
import eu.clusternews.topics.ClientConfigs;
import eu.clusternews.topics.ClusterNewsTopics;
import eu.clusternews.topics.SchemaRegistration;
import eu.clusternews.topics.SetupException;
import eu.clusternews.topics.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a Kafka cluster and schema registry ready for clusternews: the topics of the catalogue, every value schema
 * registered under its topic's subject, and the reference data in the reference topics. Idempotent.
 */
public final class ClusterSetup {

    private static final Logger log = LoggerFactory.getLogger(ClusterSetup.class);

    /** What a run did, for the summary line. */
    public record Summary(
            TopicProvisioner.Outcome topics, Map<String, Integer> schemaIds, ReferencePublisher.Outcome reference) {}

    private final Settings settings;

    public ClusterSetup(Settings settings) {
        this.settings = settings;
    }

    /**
     * @param referenceDir folder with organisations.json, consortia.json, memberships.json, programmes.json, aliases.json
     * @param dataPartitions partitions of the data topics, or null for the catalogue's default
     * @param replicationFactor replication factor of new topics
     */
    public Summary run(Path referenceDir, Integer dataPartitions, short replicationFactor) {
        // read the reference data first: a broken file must stop us before anything is written
        ReferenceData reference = ReferenceData.load(referenceDir);
        Map<String, Object> clientConfig = settings.asClientConfig();

        TopicProvisioner.Outcome topics;
        try (Admin admin = Admin.create(adminConfig(clientConfig))) {
            topics = new TopicProvisioner(admin).ensureTopics(dataPartitions, replicationFactor);
        }
        log.info(
                "Topics: {} created, {} already there",
                topics.created().size(),
                topics.existing().size());

        Map<String, Integer> schemaIds;
        try (SchemaRegistryClient registry = SchemaRegistryClients.fromConfig(clientConfig)) {
            schemaIds = new SchemaRegistration(registry).registerAll();
            ReferencePublisher.Outcome published = new ReferencePublisher(
                            clientConfig, ClusterNewsTopics.from(clientConfig, registry))
                    .publish(reference);
            log.info(
                    "Reference data loaded from {}: {} organisations, {} consortia, {} programmes",
                    referenceDir,
                    published.organisations(),
                    published.consortia(),
                    published.programmes());
            return new Summary(topics, schemaIds, published);
        } catch (Exception e) {
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new SetupException(e.getMessage(), e);
        }
    }

    private static Map<String, Object> adminConfig(Map<String, Object> clientConfig) {
        Map<String, Object> config = ClientConfigs.admin(clientConfig);
        // fail in seconds, not minutes, when nothing answers at bootstrap.servers
        config.putIfAbsent("default.api.timeout.ms", 30_000);
        config.putIfAbsent("request.timeout.ms", 15_000);
        return config;
    }
}
