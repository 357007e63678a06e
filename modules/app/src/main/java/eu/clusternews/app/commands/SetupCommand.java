package eu.clusternews.app.commands;

import eu.clusternews.app.config.Settings;
import eu.clusternews.app.setup.ClusterSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code clusternews setup}: make an existing cluster and registry ready. */
@Command(
        name = "setup",
        mixinStandardHelpOptions = true,
        description = {
            "Prepare an existing Kafka cluster and schema registry: create the topics (partitions, cleanup policy, "
                    + "retention), register the schemas, load the reference data into the compacted reference topics.",
            "Safe to run again: existing topics and schemas are kept, reference records are re-published."
        })
public final class SetupCommand extends ClusterCommand {

    @Mixin
    SetupOptions setup;

    @Override
    public Integer call() {
        java.io.PrintWriter out = spec.commandLine().getOut();
        Settings settings = connection.resolve();
        out.printf("Setting up %s (registry %s)%n", settings.bootstrapServers(), settings.schemaRegistryUrl());
        out.flush();
        Reachability.check(settings, timeout.connect());
        ClusterSetup.Summary summary =
                new ClusterSetup(settings).run(setup.referenceDir(), setup.partitions, setup.replicationFactor);
        out.printf(
                "Done: %d topics created, %d already there; %d schemas registered; "
                        + "%d organisations, %d consortia, %d programmes loaded.%n",
                summary.topics().created().size(),
                summary.topics().existing().size(),
                summary.schemaIds().size(),
                summary.reference().organisations(),
                summary.reference().consortia(),
                summary.reference().programmes());
        return 0;
    }
}
