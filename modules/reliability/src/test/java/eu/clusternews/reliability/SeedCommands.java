package eu.clusternews.reliability;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import eu.clusternews.testing.Seeds;

/**
 * The arguments of {@code clusternews setup} and {@code ingest} of the seeds as an operator of a secured cluster
 * gives them: everything about the cluster (address, protocol, credentials, truststore) in one client config file.
 */
final class SeedCommands {

    private SeedCommands() {}

    /** {@code setup --config <config> --reference seeds/reference}. */
    static String[] setup(Path config) {
        return withConfigAndReference("setup", config);
    }

    /** {@code ingest --config <config> --reference seeds/reference <the seed news file>}. */
    static String[] ingest(Path config) {
        return withConfigAndReference("ingest", config, Seeds.newsFile().toString());
    }

    private static String[] withConfigAndReference(String command, Path config, String... more) {
        List<String> args = new ArrayList<>(List.of(
                command,
                "--config",
                config.toString(),
                "--reference",
                Seeds.reference().toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }
}
