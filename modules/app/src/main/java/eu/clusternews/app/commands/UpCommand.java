package eu.clusternews.app.commands;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import eu.clusternews.app.config.Settings;
import eu.clusternews.app.run.PipelineService;
import eu.clusternews.app.setup.ClusterSetup;
import eu.clusternews.ingest.publish.IngestSummary;
import eu.clusternews.local.LocalStack;
import eu.clusternews.pipeline.PipelineConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code clusternews up}: everything, on the embedded default or on an existing cluster. */
@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        description = {
            "Bring clusternews up: the embedded Kafka broker and schema registry (unless --bootstrap-servers / "
                    + "--schema-registry-url point at existing ones), the topics, the schemas, the reference data, the seed "
                    + "news, the pipeline, and the dashboard with its HTTP API.",
            "Runs until stopped (Ctrl-C); starting again keeps the history."
        })
public final class UpCommand extends ClusterCommand {

    @Mixin
    LocalOptions local;

    @Mixin
    SetupOptions setup;

    @Option(
            names = "--http-port",
            paramLabel = "PORT",
            defaultValue = "8080",
            description = "Port of the dashboard and HTTP API (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(
            names = "--http-host",
            paramLabel = "HOST",
            defaultValue = "127.0.0.1",
            description =
                    "Address the dashboard and HTTP API listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String httpHost;

    @Option(
            names = "--advertised-host",
            paramLabel = "HOST",
            description =
                    "Host other pipeline instances call for queries this one answers (application.server); default: "
                            + "the --http-host, or for 0.0.0.0 this machine's name or address, never loopback.")
    String advertisedHost;

    @Option(
            names = "--news",
            paramLabel = "FILE|DIR",
            description = "News to ingest at start (default: seeds/news of this installation; ingesting again never "
                    + "counts twice).")
    List<Path> news;

    @Option(
            names = "--reprocess",
            description = "Before starting the pipeline, rebuild every aggregate from the full news history (see "
                    + "`clusternews reprocess`); reports what changed.")
    boolean reprocess;

    @Option(
            names = "--exit-when-ready",
            hidden = true,
            description = "Stop again as soon as everything is up (for scripts and tests).")
    boolean exitWhenReady;

    @Override
    public Integer call() throws InterruptedException {
        java.io.PrintWriter out = spec.commandLine().getOut();
        long started = System.nanoTime();
        Settings settings = connection.resolve();
        if (!settings.endpointsExplicit()) {
            LocalStacks.requireEmbedded(spec.commandLine());
        }
        try (UntilStopped untilStopped = new UntilStopped();
                LocalStack stack = settings.endpointsExplicit() ? null : LocalStacks.start(local)) {
            if (stack != null) {
                settings = settings.withEndpoints(stack.bootstrapServers(), stack.schemaRegistryUrl());
                out.printf(
                        "Kafka broker     %s (embedded, data in %s)%n",
                        stack.bootstrapServers(), local.dataDir.resolve("kafka").toAbsolutePath());
                out.printf(
                        "Schema registry  %s (Apicurio, data in %s)%n",
                        stack.schemaRegistryUrl(),
                        local.dataDir.resolve("registry").toAbsolutePath());
            } else {
                out.printf(
                        "Kafka cluster    %s%nSchema registry  %s%n",
                        settings.bootstrapServers(), settings.schemaRegistryUrl());
                out.flush();
                Reachability.await(settings, timeout.connect());
            }
            ClusterSetup.Summary summary =
                    new ClusterSetup(settings).run(setup.referenceDir(), setup.partitions, setup.replicationFactor);
            out.printf(
                    "Topics           %d created, %d already there; %d schemas registered%n",
                    summary.topics().created().size(),
                    summary.topics().existing().size(),
                    summary.schemaIds().size());
            out.printf(
                    "Reference data   %d organisations, %d consortia, %d programmes%n",
                    summary.reference().organisations(),
                    summary.reference().consortia(),
                    summary.reference().programmes());
            IngestSummary ingested = IngestCommand.ingest(
                    settings,
                    news != null ? news : List.of(Installation.seedsDir().resolve("news")),
                    setup.referenceDir(),
                    false);
            out.printf("News             %s%n", ingested.oneLine());

            // the state beside the embedded stack's data, unless the file or the environment names a state.dir
            PipelineConfig pipelineConfig = settings.pipelineConfig(local.dataDir.resolve("streams"));
            if (reprocess) {
                eu.clusternews.history.reprocess.ReprocessReport report =
                        new eu.clusternews.history.reprocess.Reprocess(
                                        settings.asClientConfig(),
                                        new eu.clusternews.app.run.ClusterNewsPipeline(pipelineConfig),
                                        Duration.ofMinutes(30))
                                .run(line -> out.println("Reprocess        " + line));
                report.describe(20).forEach(line -> out.println("Reprocess        " + line));
            }
            try (PipelineService pipeline = PipelineService.start(
                    pipelineConfig, new PipelineService.HttpSettings(httpHost, httpPort, advertisedHost))) {
                pipeline.awaitRunning(Duration.ofMinutes(2));
                out.printf(
                        "Pipeline         %s, %s, RUNNING%n",
                        pipelineConfig.applicationId(), pipelineConfig.get("processing.guarantee"));
                out.printf("Dashboard        %s%n", pipeline.server().uri());
                out.printf(
                        "Up in %.1f s. Stop with Ctrl-C.%n",
                        Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0);
                if (!exitWhenReady) {
                    untilStopped.orUntil(pipeline.failure()).await();
                    // a pipeline that stopped by itself ends the process with status 1 and says why
                    pipeline.throwIfFailed();
                }
            }
        }
        return 0;
    }
}
