package eu.clusternews.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import eu.clusternews.app.ClusterNews;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * docker-compose.yml and the Dockerfile, checked against the build (there is no Docker engine to run them here):
 * versions, volumes, listeners, ports, healthchecks, and the flags and environment variables the app reads.
 */
class ComposeAndImageTest {

    private static JsonNode services;
    private static List<String> dockerfile;

    @BeforeAll
    static void read() throws IOException {
        services = new YAMLMapper()
                .readTree(BuildFacts.root().resolve("docker-compose.yml").toFile())
                .get("services");
        dockerfile = Files.readAllLines(BuildFacts.root().resolve("Dockerfile"));
    }

    private static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new HashMap<>();
        service.path("environment")
                .fields()
                .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    private static List<JsonNode> appServices() {
        List<JsonNode> apps = new ArrayList<>();
        services.fields().forEachRemaining(e -> {
            if (e.getValue().path("image").asText().startsWith("clusternews")) {
                apps.add(e.getValue());
            }
        });
        return apps;
    }

    private static String nameOf(JsonNode service) {
        var it = services.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (e.getValue() == service) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException("not a service");
    }

    @Test
    void theKafkaImageIsTheKafkaVersionTheBuildTests() throws IOException {
        String kafkaVersion = BuildFacts.pomProperty("kafka.version");

        assertThat(services.get("kafka").get("image").asText()).isEqualTo("apache/kafka:" + kafkaVersion);
        assertThat(AppInfoParser.getVersion()).isEqualTo(kafkaVersion);
    }

    @Test
    void everyImageIsPinnedToAVersion() {
        services.fields().forEachRemaining(e -> {
            String image = e.getValue().path("image").asText();
            assertThat(image).as(e.getKey()).matches("[^:]+:[0-9a-z][\\w.\\-]*").doesNotEndWith(":latest");
        });
    }

    @Test
    void kafkasDataIsOnTheVolumeWithAFixedClusterId() {
        JsonNode kafka = services.get("kafka");
        Map<String, String> env = environment(kafka);

        String logDirs = env.get("KAFKA_LOG_DIRS");
        assertThat(logDirs).isNotBlank();
        List<String> volumeTargets = new ArrayList<>();
        kafka.get("volumes").forEach(v -> volumeTargets.add(v.asText().split(":")[1]));
        for (String dir : logDirs.split(",")) {
            assertThat(volumeTargets)
                    .as("log dir %s on a volume", dir)
                    .anyMatch(t -> dir.equals(t) || dir.startsWith(t + "/"));
        }
        // the apache/kafka image formats its storage with CLUSTER_ID: a base64url UUID of 22 characters
        String clusterId = env.get("CLUSTER_ID");
        assertThat(clusterId).matches("[A-Za-z0-9_-]{22}");
        byte[] bytes = java.util.Base64.getUrlDecoder().decode(clusterId);
        assertThat(bytes).hasSize(16);
    }

    @Test
    void hostClientsHaveAListenerPublishedOnLoopback() {
        JsonNode kafka = services.get("kafka");
        Map<String, String> env = environment(kafka);
        Map<String, Integer> bound = listenerPorts(env.get("KAFKA_LISTENERS"));
        Map<String, URI> advertised = listeners(env.get("KAFKA_ADVERTISED_LISTENERS"));

        List<String> published = new ArrayList<>();
        kafka.get("ports").forEach(p -> published.add(p.asText()));
        var host = advertised.entrySet().stream()
                .filter(e -> e.getValue().getHost().equals("127.0.0.1"))
                .findFirst();
        assertThat(host).as("a listener advertised as 127.0.0.1").isPresent();
        String mapping = "127.0.0.1:" + host.get().getValue().getPort() + ":"
                + bound.get(host.get().getKey());
        assertThat(published).contains(mapping);
        assertThat(env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"))
                .contains(host.get().getKey() + ":");
        // the containers' listener is the one the app containers are given
        URI internal = advertised.get(env.get("KAFKA_INTER_BROKER_LISTENER_NAME"));
        for (JsonNode app : appServices()) {
            assertThat(environment(app).get("KAFKA_BOOTSTRAP_SERVERS"))
                    .as(nameOf(app))
                    .isEqualTo(internal.getHost() + ":" + internal.getPort());
        }
    }

    @Test
    void everyPublishedPortIsOnLoopbackOnly() {
        services.fields()
                .forEachRemaining(e -> e.getValue()
                        .path("ports")
                        .forEach(p -> assertThat(p.asText()).as(e.getKey()).startsWith("127.0.0.1:")));
    }

    @Test
    void everyServiceHasAHealthcheckARestartPolicyAndWaitsForHealthyDependencies() {
        services.fields().forEachRemaining(e -> {
            JsonNode service = e.getValue();
            assertThat(service.path("healthcheck").path("test").isArray())
                    .as(e.getKey())
                    .isTrue();
            assertThat(service.path("restart").asText()).as(e.getKey()).isIn("unless-stopped", "always", "on-failure");
            service.path("depends_on").fields().forEachRemaining(d -> {
                assertThat(services.has(d.getKey()))
                        .as(e.getKey() + " depends on " + d.getKey())
                        .isTrue();
                assertThat(d.getValue().path("condition").asText())
                        .as(e.getKey() + " -> " + d.getKey())
                        .isEqualTo("service_healthy");
            });
        });
    }

    @Test
    void theAppsHealthchecksAskAnEndpointTheServerHas() {
        for (JsonNode app : appServices()) {
            String test = String.join(" ", toList(app.get("healthcheck").get("test")));
            assertThat(test).as(nameOf(app)).contains("/health/ready").contains("/dev/tcp/127.0.0.1/" + httpPort(app));
            assertThat(ManifestChecks.serverAnswers("/health/ready")).isTrue();
        }
    }

    @Test
    void theAppContainersCommandsAreValidAndListenOnAllInterfacesOnTheirPublishedPort() {
        for (JsonNode app : appServices()) {
            ParseResult parsed = parse(app);
            ParseResult command = parsed.subcommand();
            assertThat(command.matchedOptionValue("--http-host", "127.0.0.1"))
                    .as(nameOf(app))
                    .isEqualTo("0.0.0.0");
            List<String> ports = new ArrayList<>();
            app.get("ports").forEach(p -> ports.add(p.asText()));
            assertThat(ports).as(nameOf(app)).anyMatch(p -> p.endsWith(":" + httpPort(app)));
        }
    }

    @Test
    void theAppContainersAdvertiseTheirOwnServiceNameToEachOther() {
        List<String> servers = new ArrayList<>();
        for (JsonNode app : appServices()) {
            Map<String, String> env = environment(app);
            String variable = env.keySet().stream()
                    .filter(v -> BuildFacts.propertyOf(v).orElse("").equals("application.server"))
                    .findFirst()
                    .orElseThrow();
            String server = env.get(variable);
            assertThat(server).as(nameOf(app)).isEqualTo(nameOf(app) + ":" + httpPort(app));
            servers.add(server);
        }
        assertThat(servers).hasSizeGreaterThanOrEqualTo(2).doesNotHaveDuplicates();
    }

    @Test
    void everyEnvironmentVariableGivenToTheAppIsOneItReads() {
        for (JsonNode app : appServices()) {
            environment(app).forEach((variable, value) -> {
                String property = BuildFacts.propertyOf(variable).orElse(null);
                assertThat(property)
                        .as("%s in %s: read by the app", variable, nameOf(app))
                        .isNotNull();
                assertThat(BuildFacts.isKnown(property))
                        .as("%s -> %s: a setting someone reads", variable, property)
                        .isTrue();
            });
        }
    }

    @Test
    void theRegistryTheAppsAreGivenIsTheRegistryService() {
        JsonNode registry = services.get("schema-registry");
        URI listener = URI.create(environment(registry).get("SCHEMA_REGISTRY_LISTENERS"));
        for (JsonNode app : appServices()) {
            URI url = URI.create(environment(app).get("CLUSTERNEWS_SCHEMA_REGISTRY_URL"));
            assertThat(url.getHost()).isEqualTo("schema-registry");
            assertThat(url.getPort()).isEqualTo(listener.getPort());
        }
    }

    @Test
    void theImageRunsAsANonRootUserWithTheDependenciesInTheirOwnLayers() {
        int runtime = lastIndexStartingWith(dockerfile, "FROM ");
        List<String> finalStage = dockerfile.subList(runtime, dockerfile.size());
        List<String> buildStage = dockerfile.subList(0, runtime);

        String user = finalStage.stream()
                .filter(l -> l.startsWith("USER "))
                .reduce((a, b) -> b)
                .orElseThrow();
        String uid = user.substring(5).trim().split(":")[0];
        assertThat(uid).isNotIn("root", "0").matches("\\d+");
        // the libraries are copied before the application's jar, so a code change rebuilds one small layer
        int libs = indexContaining(finalStage, "target/lib");
        int jar = indexContaining(finalStage, "clusternews.jar ./");
        assertThat(libs).isNotNegative().isLessThan(jar);
        // the build resolves dependencies from the poms alone before it copies any source
        int resolve = indexContaining(buildStage, "dependency:go-offline");
        int sources = indexContaining(buildStage, "COPY modules modules");
        assertThat(resolve).isNotNegative().isLessThan(sources);
        assertThat(buildStage.subList(0, resolve))
                .filteredOn(l -> l.startsWith("COPY "))
                .allMatch(l -> l.contains("pom.xml") || l.startsWith("COPY .mvn "));
    }

    @Test
    void whatTheImageTakesFromTheBuildStageIsWhatTheBuildMakesOrWasGiven() {
        int runtime = lastIndexStartingWith(dockerfile, "FROM ");
        List<String> copiedIntoBuild = new ArrayList<>();
        dockerfile.subList(0, runtime).stream()
                .filter(l -> l.startsWith("COPY "))
                .forEach(l -> copiedIntoBuild.add(l.split("\\s+")[1]));
        for (String line : dockerfile.subList(runtime, dockerfile.size())) {
            if (line.startsWith("COPY --from=build ")) {
                String source = line.split("\\s+")[2];
                assertThat(source).startsWith("/src/");
                String path = source.substring("/src/".length());
                assertThat(path.contains("/target/")
                                || copiedIntoBuild.stream().anyMatch(c -> path.startsWith(c + "/")))
                        .as("%s is built or copied into the build stage", path)
                        .isTrue();
            } else if (line.startsWith("COPY ")) {
                String path = line.split("\\s+")[1];
                assertThat(BuildFacts.root().resolve(path))
                        .as("%s in the build context", path)
                        .exists();
            }
        }
    }

    @Test
    void everyModuleOfTheBuildHasItsPomCopiedIntoTheDependencyLayer() throws IOException {
        Matcher modules = Pattern.compile("<module>([^<]+)</module>")
                .matcher(Files.readString(BuildFacts.root().resolve("pom.xml")));
        while (modules.find()) {
            String module = modules.group(1);
            assertThat(dockerfile).as(module).contains("COPY " + module + "/pom.xml " + module + "/");
        }
    }

    @Test
    void theImageAloneSaysHowToNameAClusterInsteadOfLookingForAnEmbeddedOne() {
        String entrypoint = dockerfile.stream()
                .filter(l -> l.startsWith("ENTRYPOINT "))
                .findFirst()
                .orElseThrow();
        String cmd = dockerfile.stream()
                .filter(l -> l.startsWith("CMD "))
                .findFirst()
                .orElseThrow();

        assertThat(entrypoint).contains("-Dclusternews.embedded=false").contains("-jar");
        // the default command is a valid one, and without a cluster it is the one that explains (CliHabitsTest)
        List<String> args = jsonArray(cmd.substring(4));
        assertThat(args.get(0)).isEqualTo("up");
        ClusterNews.commandLine().parseArgs(args.toArray(String[]::new));
    }

    // --- helpers

    private static ParseResult parse(JsonNode app) {
        return ClusterNews.commandLine().parseArgs(toList(app.get("command")).toArray(String[]::new));
    }

    private static int httpPort(JsonNode app) {
        return parse(app).subcommand().matchedOptionValue("--http-port", 8080);
    }

    private static List<String> toList(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static List<String> jsonArray(String json) {
        try {
            return toList(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** NAME://host:port,... → NAME → port bound. */
    private static Map<String, Integer> listenerPorts(String listeners) {
        Map<String, Integer> ports = new HashMap<>();
        for (String listener : listeners.split(",")) {
            ports.put(
                    listener.substring(0, listener.indexOf(':')),
                    Integer.parseInt(listener.substring(listener.lastIndexOf(':') + 1)));
        }
        return ports;
    }

    private static Map<String, URI> listeners(String listeners) {
        Map<String, URI> uris = new HashMap<>();
        for (String listener : listeners.split(",")) {
            uris.put(
                    listener.substring(0, listener.indexOf(':')),
                    URI.create("kafka" + listener.substring(listener.indexOf(':'))));
        }
        return uris;
    }

    private static int lastIndexStartingWith(List<String> lines, String prefix) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexContaining(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text) && !lines.get(i).startsWith("#")) {
                return i;
            }
        }
        return -1;
    }

    static CommandLine app() {
        return ClusterNews.commandLine();
    }
}
