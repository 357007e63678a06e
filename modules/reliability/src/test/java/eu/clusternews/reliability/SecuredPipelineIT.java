package eu.clusternews.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import eu.clusternews.app.ClusterNews;
import eu.clusternews.app.commands.PipelineCommand;
import eu.clusternews.app.commands.UpCommand;
import eu.clusternews.app.run.PipelineService;
import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.local.EmbeddedKafkaBroker;
import eu.clusternews.local.LoopbackPorts;
import eu.clusternews.pipeline.PipelineConfig;
import eu.clusternews.testing.Closeables;
import eu.clusternews.testing.CommandRun;
import eu.clusternews.topics.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The app on a broker that authenticates with SASL/SCRAM-SHA-256 and authorizes with ACLs (StandardAuthorizer, no
 * ACL = no access): configured only through standard Kafka properties in a --config file, the clusternews principal
 * with just the ACLs the pipeline needs ingests the seed news and the pipeline processes it; a principal without
 * ACLs and a wrong password are refused with messages a person can act on; no password reaches the logs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecuredPipelineIT {

    private static final String APPLICATION_ID = "clusternews-secured";
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Map<String, String> PASSWORDS = Map.of(
            "admin", "admin-pw-5b81c0e2", "clusternews", "pipeline-pw-7f3a9c14", "intruder", "intruder-pw-99e0d7a3");
    private static final String WRONG_PASSWORD = "wrong-pw-3c6f1b58";

    @TempDir
    static Path temp;

    private static EmbeddedKafkaBroker broker;
    private static CapturedLogs logs;
    private static final List<CommandRun> runs = new ArrayList<>();
    private static Path adminConfig;
    private static Path pipelineConfig;
    private static Path intruderConfig;
    private static Path wrongPasswordConfig;

    @BeforeAll
    static void startASecuredBrokerWithAclsForTheClusternewsPrincipal() throws Exception {
        // Kafka's client config dumps (INFO) and our DEBUG lines are where a leaked password would show
        logs = CapturedLogs.of(Map.of("org.apache.kafka", Level.INFO, "eu.clusternews", Level.DEBUG));
        broker = EmbeddedKafkaBroker.builder(temp.resolve("broker"))
                .port(LoopbackPorts.pickFree())
                .brokerProperty("listener.security.protocol.map", "PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT")
                .brokerProperty("sasl.enabled.mechanisms", "SCRAM-SHA-256")
                .brokerProperty("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-256")
                .brokerProperty(
                        "listener.name.plaintext.scram-sha-256.sasl.jaas.config", jaas("admin", PASSWORDS.get("admin")))
                .brokerProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                // the broker talks to its own controller over the PLAINTEXT controller listener, as ANONYMOUS
                .brokerProperty("super.users", "User:admin;User:ANONYMOUS")
                .brokerProperty("allow.everyone.if.no.acl.found", "false")
                .scramCredential(scram("admin"))
                .scramCredential(scram("clusternews"))
                .scramCredential(scram("intruder"))
                .adminClientProperties(saslClient("admin", PASSWORDS.get("admin")))
                .start();
        adminConfig = configFile("admin", PASSWORDS.get("admin"));
        pipelineConfig = configFile("clusternews", PASSWORDS.get("clusternews"));
        intruderConfig = configFile("intruder", PASSWORDS.get("intruder"));
        wrongPasswordConfig = configFile("clusternews", WRONG_PASSWORD);
        try (Admin admin = Admin.create(adminClient())) {
            admin.createAcls(pipelineAcls("User:clusternews")).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stop() {
        Closeables.closeAll(broker, logs);
    }

    /**
     * What the clusternews principal may do, and nothing more: read and write the catalogue's topics, everything on
     * the topics, consumer group and transactional ids prefixed with its application id (Streams creates its
     * repartition and changelog topics), and describe the cluster. Creating the catalogue is the operator's (admin's).
     */
    static List<AclBinding> pipelineAcls(String principal) {
        List<AclBinding> acls = new ArrayList<>();
        for (TopicSpec spec : TopicSpec.values()) {
            for (AclOperation operation : List.of(AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE)) {
                acls.add(allow(principal, ResourceType.TOPIC, spec.topicName(), PatternType.LITERAL, operation));
            }
        }
        acls.add(allow(principal, ResourceType.TOPIC, APPLICATION_ID + "-", PatternType.PREFIXED, AclOperation.ALL));
        acls.add(allow(principal, ResourceType.GROUP, APPLICATION_ID, PatternType.PREFIXED, AclOperation.READ));
        acls.add(allow(principal, ResourceType.GROUP, APPLICATION_ID, PatternType.PREFIXED, AclOperation.DESCRIBE));
        acls.add(allow(
                principal, ResourceType.TRANSACTIONAL_ID, APPLICATION_ID, PatternType.PREFIXED, AclOperation.WRITE));
        acls.add(allow(
                principal, ResourceType.TRANSACTIONAL_ID, APPLICATION_ID, PatternType.PREFIXED, AclOperation.DESCRIBE));
        acls.add(allow(principal, ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL, AclOperation.DESCRIBE));
        return acls;
    }

    @Test
    @Order(1)
    void theClusternewsPrincipalIngestsTheSeedNewsAndItsPipelineReachesRunningAndProcessesIt() throws Exception {
        CommandRun setup = run(SeedCommands.setup(adminConfig));
        assertThat(setup.exitCode())
                .as("setup as the operator: %s", setup.err())
                .isZero();

        CommandRun ingest = run(SeedCommands.ingest(pipelineConfig));
        assertThat(ingest.exitCode())
                .as("ingest as clusternews: %s", ingest.err())
                .isZero();
        assertThat(ingest.out()).contains("Ingested");

        PipelineConfig config = pipelineConfigFrom(
                pipelineConfig,
                Map.of(
                        "application.id",
                        APPLICATION_ID,
                        "state.dir",
                        temp.resolve("streams").toString()));
        int httpPort = LoopbackPorts.pickFree();
        try (PipelineService pipeline = PipelineService.start(
                config, new PipelineService.HttpSettings(defaultHttpHost(new PipelineCommand()), httpPort))) {
            pipeline.awaitRunning(PATIENCE);

            // the ten clusters can show before the seed news of org:bnpt is counted (an event count reaches a
            // cluster on its own): await both
            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(clusterActivity()).hasSize(10);
                assertThat(clusterActivity().get("org:bnpt").getNewsCount()).isEqualTo(1);
            });

            // the HTTP API is served, on loopback
            assertThat(pipeline.server().uri().getHost()).isEqualTo("127.0.0.1");
            HttpResponse<String> clusters = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/clusters"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(clusters.statusCode()).isEqualTo(200);
            assertThat(clusters.body()).contains("org:bnpt");
        }
    }

    @Test
    @Order(2)
    void aPrincipalWithoutAclsIsRefusedWithAMessageSayingItIsNotAuthorized() {
        assertSetupFailsWith(intruderConfig)
                .contains("Authorization failed")
                .contains("is not authorized for this (ACLs)");
    }

    @Test
    @Order(3)
    void aPipelineWhosePrincipalMayNotSeeTheTopicsSaysSoInsteadOfClaimingTheyAreMissing() {
        PipelineConfig config = pipelineConfigFrom(
                intruderConfig,
                Map.of(
                        "application.id",
                        APPLICATION_ID,
                        "state.dir",
                        temp.resolve("intruder-streams").toString()));

        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(
                () -> PipelineService.start(config, new PipelineService.HttpSettings("127.0.0.1", null))
                        .close());

        assertThat(refused).isNotNull();
        assertThat(refused.getMessage())
                .contains("does not let User:intruder (SASL_PLAINTEXT, SCRAM-SHA-256) see them")
                .contains("ACLs");
    }

    @Test
    @Order(4)
    void aWrongPasswordIsRefusedWithAMessageSayingAuthenticationFailed() {
        assertSetupFailsWith(wrongPasswordConfig)
                .containsIgnoringCase("authentication failed")
                .contains("check security.protocol, sasl.mechanism and the username and password in sasl.jaas.config")
                .doesNotContain(WRONG_PASSWORD);
    }

    @Test
    @Order(5)
    void noPasswordAppearsInTheLogsOrInWhatTheCommandsPrinted() {
        String everything = logs.text() + "\n"
                + String.join("\n", runs.stream().map(r -> r.out() + r.err()).toList());

        // the capture saw the clients' configuration, so a password in it would have been caught
        assertThat(everything).contains("sasl.jaas.config = [hidden]").contains("security.protocol = SASL_PLAINTEXT");
        for (String password : List.of(
                PASSWORDS.get("admin"), PASSWORDS.get("clusternews"), PASSWORDS.get("intruder"), WRONG_PASSWORD)) {
            assertThat(everything).as("logs and output").doesNotContain(password);
        }
    }

    @Test
    void theHttpApiListensOnLoopbackUnlessConfiguredOtherwise() {
        assertThat(defaultHttpHost(new PipelineCommand())).isEqualTo("127.0.0.1");
        assertThat(defaultHttpHost(new UpCommand())).isEqualTo("127.0.0.1");
    }

    private static String defaultHttpHost(Object command) {
        return new CommandLine(command)
                .getCommandSpec()
                .findOption("--http-host")
                .defaultValue();
    }

    /**
     * Runs setup of the seeds with this config file, asserts it failed (exit 1) with a plain message (no stack trace),
     * and returns that stderr to check further.
     */
    private static AbstractStringAssert<?> assertSetupFailsWith(Path config) {
        CommandRun setup = run(SeedCommands.setup(config));
        assertThat(setup.exitCode()).as(setup.err()).isEqualTo(1);
        return assertThat(setup.err()).doesNotContain("\tat ");
    }

    private static CommandRun run(String... args) {
        CommandRun run = CommandRun.of(ClusterNews.commandLine(), args);
        runs.add(run);
        return run;
    }

    private static Map<String, ClusterActivity> clusterActivity() {
        Map<String, Object> config = new HashMap<>(adminClient());
        config.put("schema.registry.url", SharedRegistry.url());
        return TopicReader.latestClusterActivity(config);
    }

    private static AclBinding allow(
            String principal, ResourceType type, String name, PatternType pattern, AclOperation operation) {
        return new AclBinding(
                new ResourcePattern(type, name, pattern),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }

    private static Map<String, Object> adminClient() {
        Map<String, Object> config = saslClient("admin", PASSWORDS.get("admin"));
        config.put("bootstrap.servers", broker.bootstrapServers());
        return config;
    }

    /** A --config file with nothing but standard Kafka client properties and the registry URL. */
    private static Path configFile(String user, String password) throws IOException {
        Properties properties = new Properties();
        properties.putAll(saslClient(user, password));
        properties.put("bootstrap.servers", broker.bootstrapServers());
        properties.put("schema.registry.url", SharedRegistry.url());
        Path file = temp.resolve(user + "-" + password.hashCode() + ".properties");
        try (var out = Files.newBufferedWriter(file)) {
            properties.store(out, "SASL/SCRAM client of " + user);
        }
        return file;
    }

    private static Map<String, Object> saslClient(String user, String password) {
        Map<String, Object> config = new HashMap<>();
        config.put("security.protocol", "SASL_PLAINTEXT");
        config.put("sasl.mechanism", "SCRAM-SHA-256");
        config.put("sasl.jaas.config", jaas(user, password));
        return config;
    }

    private static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                + password + "\";";
    }

    private static String scram(String user) {
        return "SCRAM-SHA-256=[name=" + user + ",password=" + PASSWORDS.get(user) + "]";
    }

    /** The pipeline's configuration as the app builds it: the properties file resolved by Settings, then these. */
    private static PipelineConfig pipelineConfigFrom(java.nio.file.Path file, Map<String, String> overrides) {
        Map<String, String> properties =
                new java.util.HashMap<>(eu.clusternews.app.config.Settings.resolve(file, Map.of(), Map.of())
                        .asStrings());
        properties.putAll(overrides);
        return PipelineConfig.of(properties);
    }
}
