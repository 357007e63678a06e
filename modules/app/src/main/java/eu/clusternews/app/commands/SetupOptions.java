package eu.clusternews.app.commands;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** What {@code setup} creates: the reference data to load and the shape of new topics. */
public final class SetupOptions {

    @Option(
            names = "--reference",
            paramLabel = "DIR",
            description =
                    "Reference data folder (organisations.json, consortia.json, memberships.json, programmes.json, "
                            + "aliases.json; default: seeds/reference of this installation).")
    Path referenceDir;

    @Option(
            names = "--partitions",
            paramLabel = "N",
            description = "Partitions of new data topics (default: 3; reference topics get 1).")
    Integer partitions;

    @Option(
            names = "--replication-factor",
            paramLabel = "N",
            defaultValue = "1",
            description =
                    "Replication factor of new topics (default: ${DEFAULT-VALUE}; use 3 on a production cluster).")
    short replicationFactor;

    Path referenceDir() {
        return referenceDir != null ? referenceDir : Installation.seedsDir().resolve("reference");
    }
}
