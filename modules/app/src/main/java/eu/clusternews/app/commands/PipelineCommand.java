package eu.clusternews.app.commands;

import java.util.Map;

import eu.clusternews.app.config.Settings;
import eu.clusternews.app.run.PipelineService;
import eu.clusternews.pipeline.PipelineConfig;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code clusternews pipeline}: the Kafka Streams topology and the HTTP API, until stopped. */
@Command(
        name = "pipeline",
        mixinStandardHelpOptions = true,
        description = {
            "Run the Kafka Streams pipeline (validate, dedupe, enrich, fan out, aggregate) and the HTTP API and "
                    + "dashboard over its state, until stopped (Ctrl-C).",
            "Start several with the same --application-id to share the partitions; each answers queries for the "
                    + "others. Configuration: Kafka Streams properties in a file (--config), KAFKA_*/CLUSTERNEWS_* "
                    + "environment variables, then these flags."
        })
public final class PipelineCommand extends ClusterCommand {

    @Mixin
    PipelineOptions pipeline;

    @Option(
            names = "--http-port",
            paramLabel = "PORT",
            defaultValue = "8080",
            description = "Port of the HTTP API and dashboard; 0 disables them (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(
            names = "--http-host",
            paramLabel = "HOST",
            defaultValue = "127.0.0.1",
            description = "Address the HTTP API listens on (default: ${DEFAULT-VALUE}, this machine only).")
    String httpHost;

    @Option(
            names = "--advertised-host",
            paramLabel = "HOST",
            description = "Host the other instances call for queries this one answers (application.server); default: "
                    + "the --http-host, or for 0.0.0.0 this machine's name or address, never loopback.")
    String advertisedHost;

    @Option(
            names = "--at-least-once",
            description = "Trade exactly-once for throughput (processing.guarantee=at_least_once).")
    boolean atLeastOnce;

    @Override
    public Integer call() throws InterruptedException {
        Settings settings = settings(System.getenv());
        if (!settings.endpointsExplicit()) {
            LocalStacks.requireEmbedded(spec.commandLine());
        }
        Reachability.await(settings, timeout.connect());
        PipelineConfig config = settings.pipelineConfig();
        try (UntilStopped untilStopped = new UntilStopped();
                PipelineService service = PipelineService.start(
                        config,
                        new PipelineService.HttpSettings(httpHost, httpPort == 0 ? null : httpPort, advertisedHost))) {
            var out = spec.commandLine().getOut();
            out.printf(
                    "Pipeline %s on %s (registry %s), %s%n",
                    config.applicationId(),
                    config.bootstrapServers(),
                    config.schemaRegistryUrl(),
                    config.get("processing.guarantee"));
            if (service.server() != null) {
                out.printf("Dashboard and API at %s%n", service.server().uri());
            }
            untilStopped.orUntil(service.failure()).await();
            // a pipeline that stopped by itself ends the process with status 1 and says why
            service.throwIfFailed();
        }
        return 0;
    }

    /** File, environment, then the flags (this command's among them): as {@code reprocess} resolves them. */
    Settings settings(Map<String, String> environment) {
        Map<String, String> flags = pipeline.flags();
        if (atLeastOnce) {
            flags.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        }
        return connection.resolve(environment, flags);
    }
}
