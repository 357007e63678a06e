package eu.clusternews.app.commands;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import eu.clusternews.app.config.Settings;
import eu.clusternews.app.run.ClusterNewsPipeline;
import eu.clusternews.history.reprocess.Reprocess;
import eu.clusternews.history.reprocess.ReprocessPlan;
import eu.clusternews.history.reprocess.ReprocessReport;
import eu.clusternews.pipeline.PipelineConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code clusternews reprocess}: rebuild every aggregate from the full news history. */
@Command(
        name = "reprocess",
        mixinStandardHelpOptions = true,
        description = {
            "Rebuild every table the pipeline derives (the compacted topics it writes: cluster-activity, "
                    + "consortium-activity, programme-activity, ...) from the full news history, e.g. after a change of the reference data or of the pipeline's code, and report what changed.",
            "Refuses while instances of the pipeline run. Otherwise: resets the application (committed input offsets "
                    + "to the earliest, its <application-id>-*-repartition and -changelog topics deleted, its local state "
                    + "directory deleted), runs the pipeline until it has consumed the whole input, writes tombstones for "
                    + "aggregate keys it no longer produces, and lists per topic the keys added, removed and changed.",
            "Readers of the aggregate topics see the values being rebuilt during the run; cluster-news-enriched and "
                    + "cluster-news-dlq receive every record again. Needs --yes; see the plan first with --dry-run.",
            "Interrupted (Ctrl-C, kill -9, a failure), it leaves its progress in the group <application-id>-reprocess: "
                    + "run it again and it finishes the job, comparing with the tables as they were before the first run."
        })
public final class ReprocessCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--dry-run",
            description = "Only show what would be done: offsets, topics, state directory, "
                    + "the number of aggregate keys now. Changes nothing.")
    boolean dryRun;

    @Option(names = "--yes", description = "Confirm the reset: reprocess rewrites every aggregate.")
    boolean yes;

    @Mixin
    PipelineOptions pipeline;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "PT30M",
            description = "Give up when the pipeline has not consumed the history after this long, an ISO duration "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() {
        if (!dryRun && !yes) {
            throw new ParameterException(
                    spec.commandLine(),
                    "reprocess resets the pipeline and rewrites every aggregate:"
                            + " run it with --dry-run to see what it would do, then with --yes to do it");
        }
        PrintWriter out = spec.commandLine().getOut();
        Settings settings = settings(System.getenv());
        // --timeout here bounds the rebuild; the cluster and registry get the usual time to answer
        Reachability.check(settings, TimeoutOption.DEFAULT);
        PipelineConfig pipelineConfig = settings.pipelineConfig().forRebuild();
        Reprocess reprocess =
                new Reprocess(settings.asClientConfig(), new ClusterNewsPipeline(pipelineConfig), timeout);
        if (dryRun) {
            ReprocessPlan plan = reprocess.plan();
            plan.describe().forEach(out::println);
            out.println("Dry run: nothing changed. Run with --yes to do it.");
            return 0;
        }
        ReprocessReport report = reprocess.run(line -> {
            out.println(line);
            out.flush();
        });
        report.describe(20).forEach(out::println);
        return 0;
    }

    /** File, environment, then the flags: as {@code pipeline} resolves them, so both act on the same application. */
    Settings settings(Map<String, String> environment) {
        return connection.resolve(environment, pipeline.flags());
    }
}
