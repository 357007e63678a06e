package eu.clusternews.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import eu.clusternews.app.ClusterNews;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParseResult;

/**
 * deploy/kubernetes and deploy/grafana, checked against the build and the running server: the paths the probes
 * ask, the flags and environment variables the app reads, the ports, the volumes, and the metric names.
 */
class KubernetesManifestsTest {

    private static final Path KUBERNETES = BuildFacts.root().resolve("deploy/kubernetes");
    private static final Map<String, JsonNode> byKindAndName = new LinkedHashMap<>();
    private static JsonNode statefulSet;
    private static JsonNode container;
    private static ParseResult command;

    @BeforeAll
    static void read() throws IOException {
        JsonNode kustomization = new YAMLMapper()
                .readTree(KUBERNETES.resolve("kustomization.yaml").toFile());
        YAMLMapper yaml = new YAMLMapper();
        for (JsonNode resource : kustomization.get("resources")) {
            try (var documents = yaml.readerFor(JsonNode.class)
                    .readValues(new YAMLFactory()
                            .createParser(KUBERNETES.resolve(resource.asText()).toFile()))) {
                while (documents.hasNext()) {
                    JsonNode document = (JsonNode) documents.next();
                    byKindAndName.put(
                            document.get("kind").asText() + "/"
                                    + document.at("/metadata/name").asText(),
                            document);
                }
            }
        }
        statefulSet = byKindAndName.values().stream()
                .filter(d -> d.get("kind").asText().equals("StatefulSet"))
                .findFirst()
                .orElseThrow();
        container = statefulSet.at("/spec/template/spec/containers/0");
        List<String> args = new ArrayList<>();
        container.get("args").forEach(a -> args.add(a.asText()));
        command =
                ClusterNews.commandLine().parseArgs(args.toArray(String[]::new)).subcommand();
    }

    private static int httpPort() {
        return command.matchedOptionValue("--http-port", 8080);
    }

    private static Map<String, JsonNode> env() {
        Map<String, JsonNode> env = new LinkedHashMap<>();
        container.get("env").forEach(e -> env.put(e.get("name").asText(), e));
        return env;
    }

    @Test
    void theStatefulSetRunsThePipelineListeningOnAllInterfacesOnItsContainerPort() {
        assertThat(command.commandSpec().name()).isEqualTo("pipeline");
        assertThat(command.matchedOptionValue("--http-host", "127.0.0.1")).isEqualTo("0.0.0.0");
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(httpPort());
    }

    @Test
    void probesAskTheHealthEndpointsTheServerHasOnTheHttpPort() {
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health/live");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/health/ready");
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            JsonNode httpGet = container.get(probe).get("httpGet");
            assertThat(ManifestChecks.serverAnswers(httpGet.get("path").asText()))
                    .as(probe)
                    .isTrue();
            assertThat(httpGet.get("port").asText())
                    .as(probe)
                    .isEqualTo(container.at("/ports/0/name").asText());
        }
    }

    @Test
    void staticMembershipAndTheAdvertisedAddressComeFromThePodThroughTheDownwardApi() {
        Map<String, JsonNode> env = env();
        String instanceIdVariable = variableFor("group.instance.id");
        String serverVariable = variableFor("application.server");

        assertThat(env.get(instanceIdVariable).get("value").asText()).isEqualTo("$(POD_NAME)");
        assertThat(env.get(serverVariable).get("value").asText()).isEqualTo("$(POD_IP):" + httpPort());
        // Kubernetes expands $(VAR) only from variables defined earlier in the list
        List<String> order = new ArrayList<>(env.keySet());
        assertThat(order.indexOf("POD_NAME")).isLessThan(order.indexOf(instanceIdVariable));
        assertThat(order.indexOf("POD_IP")).isLessThan(order.indexOf(serverVariable));
        assertThat(env.get("POD_NAME").at("/valueFrom/fieldRef/fieldPath").asText())
                .isEqualTo("metadata.name");
        assertThat(env.get("POD_IP").at("/valueFrom/fieldRef/fieldPath").asText())
                .isEqualTo("status.podIP");
    }

    @Test
    void everyEnvironmentVariableIsOneTheAppReadsOrOneTheManifestUsesToBuildThem() {
        env().forEach((variable, entry) -> {
            if (variable.startsWith("POD_")) {
                return; // inputs to the values of the others
            }
            String property = BuildFacts.propertyOf(variable).orElse(null);
            assertThat(property).as(variable).isNotNull();
            assertThat(BuildFacts.isKnown(property))
                    .as(variable + " -> " + property)
                    .isTrue();
        });
    }

    @Test
    void theConfigMapIsAPropertiesFileOfKnownKafkaSettingsMountedWhereTheAppIsToldToReadIt() throws IOException {
        Path configFile = command.matchedOptionValue("--config", null);
        assertThat(configFile).isNotNull();
        JsonNode mount = mountAt(configFile.getParent().toString());
        JsonNode volume = volume(mount.get("name").asText());
        JsonNode configMap =
                byKindAndName.get("ConfigMap/" + volume.at("/configMap/name").asText());
        assertThat(configMap).as("the mounted ConfigMap").isNotNull();
        String text = configMap.at("/data/" + configFile.getFileName()).asText();
        assertThat(text).isNotBlank();

        Properties properties = new Properties();
        properties.load(new StringReader(text));
        assertThat(properties.stringPropertyNames()).contains("bootstrap.servers", "schema.registry.url");
        for (String key : properties.stringPropertyNames()) {
            assertThat(BuildFacts.isKnown(key)).as(key).isTrue();
        }
        assertThat(mount.get("readOnly").asBoolean()).isTrue();
    }

    @Test
    void theSetupJobRunsSetupOnTheSamePropertiesFileAsThePipeline() {
        JsonNode job = byKindAndName.values().stream()
                .filter(d -> d.get("kind").asText().equals("Job"))
                .findFirst()
                .orElseThrow();
        JsonNode setup = job.at("/spec/template/spec/containers/0");
        List<String> args = new ArrayList<>();
        setup.get("args").forEach(a -> args.add(a.asText()));
        ParseResult parsed =
                ClusterNews.commandLine().parseArgs(args.toArray(String[]::new)).subcommand();

        assertThat(parsed.commandSpec().name()).isEqualTo("setup");
        Path configFile = parsed.matchedOptionValue("--config", null);
        assertThat(configFile).isEqualTo(command.matchedOptionValue("--config", null));
        assertThat(setup.get("image").asText()).isEqualTo(container.get("image").asText());
        String configMap = null;
        for (JsonNode volume : job.at("/spec/template/spec/volumes")) {
            for (JsonNode mount : setup.get("volumeMounts")) {
                if (mount.get("name").asText().equals(volume.get("name").asText())
                        && mount.get("mountPath")
                                .asText()
                                .equals(configFile.getParent().toString())) {
                    configMap = volume.at("/configMap/name").asText();
                }
            }
        }
        assertThat(configMap)
                .isEqualTo(volume(mountAt(configFile.getParent().toString())
                                .get("name")
                                .asText())
                        .at("/configMap/name")
                        .asText());
    }

    @Test
    void theStateDirectoryIsOnTheVolumeClaimTemplate() {
        Path stateDir = command.matchedOptionValue("--state-dir", null);
        String claim =
                statefulSet.at("/spec/volumeClaimTemplates/0/metadata/name").asText();
        JsonNode mount = null;
        for (JsonNode m : container.get("volumeMounts")) {
            if (m.get("name").asText().equals(claim)) {
                mount = m;
            }
        }
        assertThat(mount).as("the claim is mounted").isNotNull();
        assertThat(stateDir.startsWith(Path.of(mount.get("mountPath").asText())))
                .as(stateDir.toString())
                .isTrue();
    }

    @Test
    void theServicesSelectThePodsAndReachTheHttpPort() {
        JsonNode podLabels = statefulSet.at("/spec/template/metadata/labels");
        String headless = statefulSet.at("/spec/serviceName").asText();
        assertThat(byKindAndName
                        .get("Service/" + headless)
                        .at("/spec/clusterIP")
                        .asText())
                .isEqualTo("None");
        List<JsonNode> services = byKindAndName.values().stream()
                .filter(d -> d.get("kind").asText().equals("Service"))
                .toList();
        assertThat(services).hasSizeGreaterThanOrEqualTo(2);
        for (JsonNode service : services) {
            service.at("/spec/selector")
                    .fields()
                    .forEachRemaining(
                            label -> assertThat(podLabels.path(label.getKey()).asText())
                                    .as(label.getKey())
                                    .isEqualTo(label.getValue().asText()));
            String target = service.at("/spec/ports/0/targetPort").asText();
            assertThat(target).isIn(container.at("/ports/0/name").asText(), String.valueOf(httpPort()));
        }
        statefulSet
                .at("/spec/selector/matchLabels")
                .fields()
                .forEachRemaining(
                        label -> assertThat(podLabels.path(label.getKey()).asText())
                                .isEqualTo(label.getValue().asText()));
    }

    @Test
    void thePodsRunAsTheImagesNonRootUser() throws IOException {
        String user = Files.readAllLines(BuildFacts.root().resolve("Dockerfile")).stream()
                .filter(l -> l.startsWith("USER "))
                .reduce((a, b) -> b)
                .orElseThrow();
        JsonNode security = statefulSet.at("/spec/template/spec/securityContext");

        assertThat(security.get("runAsNonRoot").asBoolean()).isTrue();
        assertThat(security.get("runAsUser").asText())
                .isEqualTo(user.substring(5).trim().split(":")[0]);
        assertThat(statefulSet
                        .at("/spec/template/metadata/annotations")
                        .get("prometheus.io/port")
                        .asText())
                .isEqualTo(String.valueOf(httpPort()));
    }

    @Test
    void everyMetricTheGrafanaDashboardQueriesIsOneTheServerServes() throws IOException {
        JsonNode dashboard = new ObjectMapper()
                .readTree(BuildFacts.root()
                        .resolve("deploy/grafana/clusternews.json")
                        .toFile());
        Set<String> queried = new TreeSet<>();
        Pattern metric = Pattern.compile("\\b((?:jvm|process|system|http_server|clusternews|kafka)_[a-z0-9_]+)\\b");
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                Matcher m = metric.matcher(target.get("expr").asText());
                while (m.find()) {
                    queried.add(m.group(1));
                }
            }
        }
        assertThat(queried)
                .contains(
                        "http_server_requests_seconds_bucket",
                        "clusternews_dlq_records_total",
                        "jvm_memory_used_bytes",
                        "kafka_stream_thread_process_rate");

        System.gc(); // the GC pause timer appears with the first collection
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String served = ManifestChecks.metrics();
            for (String name : queried) {
                assertThat(served).as(name).containsPattern("(?m)^" + Pattern.quote(name) + "[{ ]");
            }
        });
    }

    // --- helpers

    private static String variableFor(String property) {
        return env().keySet().stream()
                .filter(v -> BuildFacts.propertyOf(v).orElse("").equals(property))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no environment variable sets " + property));
    }

    private static JsonNode mountAt(String path) {
        for (JsonNode m : container.get("volumeMounts")) {
            if (m.get("mountPath").asText().equals(path)) {
                return m;
            }
        }
        throw new AssertionError("nothing mounted at " + path);
    }

    private static JsonNode volume(String name) {
        for (JsonNode v : statefulSet.at("/spec/template/spec/volumes")) {
            if (v.get("name").asText().equals(name)) {
                return v;
            }
        }
        throw new AssertionError("no volume " + name);
    }
}
