package eu.clusternews.app.commands;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import eu.clusternews.ingest.generate.NewsGenerator;
import eu.clusternews.ingest.reference.ReferenceData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code clusternews generate}: synthetic news for benchmarks and tests. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Write synthetic but realistic news as JSON lines on standard output, for benchmarks and tests: 2-3 KB "
                    + "bodies in several languages, spread over the reference clusters, consortia and programmes and over "
                    + "2014-2026, with some unknown entities, some undated news and some duplicates.",
            "The same --seed gives the same news. `clusternews ingest -` reads the output."
        })
public final class GenerateCommand implements Callable<Integer> {

    @Mixin
    VerboseOption verbose;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--count", paramLabel = "N", required = true, description = "How many news to write.")
    int count;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "1",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--reference",
            paramLabel = "DIR",
            description = "Reference data to draw entities from (default: seeds/reference of this installation).")
    Path referenceDir;

    @Override
    public Integer call() throws IOException {
        if (count < 0) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--count must be 0 or more, not " + count);
        }
        NewsGenerator generator = new NewsGenerator(ReferenceData.load(
                referenceDir != null ? referenceDir : Installation.seedsDir().resolve("reference")));
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        generator.write(count, seed, out);
        out.flush();
        return 0;
    }
}
