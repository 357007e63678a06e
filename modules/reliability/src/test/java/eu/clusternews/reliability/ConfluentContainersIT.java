package eu.clusternews.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import eu.clusternews.app.ClusterNews;
import eu.clusternews.app.config.Settings;
import eu.clusternews.app.run.PipelineService;
import eu.clusternews.app.setup.ClusterSetup;
import eu.clusternews.pipeline.PipelineConfig;
import eu.clusternews.registry.RestSchemaRegistryClient;
import eu.clusternews.registry.SchemaRegistryClient;
import eu.clusternews.testing.Closeables;
import eu.clusternews.testing.CommandRun;
import eu.clusternews.testing.Seeds;
import eu.clusternews.topics.TopicSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The end-to-end run (setup → ingest the seed news → pipeline → cluster-activity) against Apache Kafka's own image
 * and Confluent's Schema Registry, so users with Docker test the Confluent protocol against Confluent's registry and
 * not only against Apicurio's compatibility API. Skipped, saying why, where no Docker engine answers.
 */
class ConfluentContainersIT {

    /** The Kafka version the project builds against (kafka.version in the parent pom). */
    static final DockerImageName KAFKA = DockerImageName.parse("apache/kafka:4.3.1");

    static final DockerImageName SCHEMA_REGISTRY = DockerImageName.parse("confluentinc/cp-schema-registry:8.0.0");
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @TempDir
    static Path temp;

    private static Network network;
    private static KafkaContainer kafka;
    private static GenericContainer<?> schemaRegistry;

    private static boolean docker;

    @BeforeAll
    static void startKafkaAndConfluentSchemaRegistry() {
        docker = DockerClientFactory.instance().isDockerAvailable();
        if (!docker) {
            return; // the test itself reports the skip, so that it is counted and its reason shown
        }
        network = Network.newNetwork();
        kafka = new KafkaContainer(KAFKA)
                .withNetwork(network)
                // a second listener for the registry, inside the Docker network
                .withListener("kafka:19092");
        kafka.start();
        schemaRegistry = new GenericContainer<>(SCHEMA_REGISTRY)
                .withNetwork(network)
                .withExposedPorts(8081)
                .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
                .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
                .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
                .waitingFor(Wait.forHttp("/subjects").forStatusCode(200).withStartupTimeout(PATIENCE));
        schemaRegistry.start();
    }

    @AfterAll
    static void stop() {
        // a container's close() is its stop()
        Closeables.closeAll(schemaRegistry, kafka, network);
    }

    @Test
    void theSeedNewsGoesFromIngestThroughThePipelineToClusterActivityOnConfluentsRegistry() throws Exception {
        Assumptions.assumeTrue(docker, "skipped: no Docker engine here");
        String bootstrap = kafka.getBootstrapServers();
        String registryUrl = "http://" + schemaRegistry.getHost() + ":" + schemaRegistry.getMappedPort(8081);
        Settings settings = Settings.resolve(null, Map.of(), Map.of()).withEndpoints(bootstrap, registryUrl);

        new ClusterSetup(settings).run(Seeds.reference(), null, (short) 1);
        CommandRun ingest = CommandRun.of(
                ClusterNews.commandLine(),
                "ingest",
                "--bootstrap-servers",
                bootstrap,
                "--schema-registry-url",
                registryUrl,
                "--reference",
                Seeds.reference().toString(),
                Seeds.newsFile().toString());
        assertThat(ingest.exitCode()).as("ingest: %s", ingest.err()).isZero();

        PipelineConfig config = PipelineConfig.of(Map.of(
                "bootstrap.servers",
                bootstrap,
                "schema.registry.url",
                registryUrl,
                "application.id",
                "clusternews-containers",
                "state.dir",
                temp.resolve("streams").toString()));
        try (PipelineService pipeline =
                PipelineService.start(config, new PipelineService.HttpSettings("127.0.0.1", null))) {
            pipeline.awaitRunning(PATIENCE);
            await().atMost(PATIENCE)
                    .untilAsserted(() -> assertThat(TopicReader.latestClusterActivity(settings.asClientConfig())
                                    .keySet())
                            .hasSize(10));
        }
        assertThat(TopicReader.latestClusterActivity(settings.asClientConfig())
                        .get("org:bnpt")
                        .getNewsCount())
                .isEqualTo(1);
        try (SchemaRegistryClient confluent = new RestSchemaRegistryClient(registryUrl)) {
            assertThat(confluent.subjects())
                    .contains(TopicSpec.NEWS.valueSubject(), TopicSpec.CLUSTER_ACTIVITY.valueSubject());
        }
    }
}
