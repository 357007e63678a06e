package eu.clusternews.app;

import java.util.ArrayList;
import java.util.List;

import eu.clusternews.local.LocalStack;
import eu.clusternews.testing.Seeds;

/** The arguments of {@code clusternews ingest} against a test stack, linking with the seed reference data. */
final class SeedIngest {

    private SeedIngest() {}

    /** {@code ingest --bootstrap-servers … --schema-registry-url … --reference seeds/reference} and {@code more}. */
    static List<String> args(LocalStack stack, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "ingest",
                "--bootstrap-servers",
                stack.bootstrapServers(),
                "--schema-registry-url",
                stack.schemaRegistryUrl(),
                "--reference",
                Seeds.reference().toString()));
        args.addAll(List.of(more));
        return args;
    }
}
