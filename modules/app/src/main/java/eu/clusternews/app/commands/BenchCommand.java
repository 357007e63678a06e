package eu.clusternews.app.commands;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import eu.clusternews.bench.BenchMain;
import eu.clusternews.bench.BenchOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code clusternews bench}: the end-to-end benchmark of modules/bench, on its own embedded broker. */
@Command(
        name = "bench",
        description = {
            "Measure, in one run on one embedded broker: a Kafka Streams pass-through of generated news (the machine's "
                    + "ceiling), the full pipeline on the same records, end-to-end latency at fixed offered loads, peak heap "
                    + "and RSS. The last line is `pipeline/baseline throughput ratio: X.XX`. See BENCHMARKS.md.",
            "Options (passed to the benchmark):"
        })
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help message and exit.")
    boolean help;

    @Option(
            names = {"-V", "--version"},
            versionHelp = true,
            description = "Print version information and exit.")
    boolean version;

    @Unmatched
    List<String> benchArguments = new ArrayList<>();

    @Override
    public Integer call() {
        BenchOptions options;
        try {
            options = BenchOptions.parse(benchArguments.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintStream out = System.out;
        new BenchMain().run(options, out);
        return 0;
    }
}
