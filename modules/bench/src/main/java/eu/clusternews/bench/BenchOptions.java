package eu.clusternews.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one {@link BenchMain} run measures and how. Defaults finish in a few minutes on a 2-core machine.
 *
 * @param events          news records in the throughput corpus (both passes read the same records); in
 *                        {@link #reprocess} mode, the size of the history that is reprocessed
 * @param latencyRates    offered loads (events/s) at which the end-to-end latency is measured
 * @param latencyDuration how long each offered load is measured (after the warm-up)
 * @param latencyWarmup   load offered before measuring starts, not counted (JIT, first transactions)
 * @param warmupEvents    news the pipeline processes under another application id before the throughput passes,
 *                        not measured: the JIT compiles the broker's, the clients' and the pipeline's code then,
 *                        not on the cores the passes are measured on (0: measure from a cold JVM)
 * @param warmupRounds    at most this many warm-up rounds (the pass-through and the pipeline over the warm-up news);
 *                        fewer once the JIT has settled (compiling at most a tenth of a round's process CPU)
 * @param pairs           measured pairs of passes, the pass-through then the pipeline, one after the other; the
 *                        ratio is the median of the pairs' ratios (a pass lasts seconds, and this machine's speed
 *                        moves by half within minutes)
 * @param exactlyOnce     exactly_once_v2 (true) or at_least_once, for the baseline and the pipeline alike
 * @param partitions      partitions of cluster-news and the other data topics
 * @param threads         Kafka Streams threads ({@code num.stream.threads}) of each app
 * @param reprocess       measure the reprocess time of {@code events} news instead of throughput and latency
 * @param distinctDocuments how many distinct documents are generated and extracted; larger corpora repeat
 *                        them under new news ids (the ids decide what dedupe and aggregates see)
 * @param referenceDir    the reference data (organisations, consortia, programmes) loaded into the ref topics
 * @param seed            generator seed: the same seed gives the same news
 * @param streamsConfig   Kafka Streams / client properties set on the baseline and the pipeline alike
 *                        ({@code --config producer.batch.size=262144}); empty: both as configured by default
 * @param brokerConfig    properties of the embedded broker over its defaults
 *                        ({@code --broker-config add.partitions.to.txn.retry.backoff.ms=5})
 */
public record BenchOptions(
        int events,
        List<Integer> latencyRates,
        Duration latencyDuration,
        Duration latencyWarmup,
        int warmupEvents,
        int warmupRounds,
        int pairs,
        boolean exactlyOnce,
        int partitions,
        int threads,
        boolean reprocess,
        int distinctDocuments,
        Path referenceDir,
        long seed,
        Map<String, String> streamsConfig,
        Map<String, String> brokerConfig) {

    public static final int DEFAULT_EVENTS = 20_000;
    public static final int DEFAULT_REPROCESS_EVENTS = 1_000_000;
    public static final List<Integer> DEFAULT_RATES = List.of(1_000, 5_000);
    public static final int DEFAULT_DISTINCT_DOCUMENTS = 5_000;
    public static final int DEFAULT_WARMUP_EVENTS = 100_000;
    public static final int DEFAULT_WARMUP_ROUNDS = 4;
    public static final int DEFAULT_PAIRS = 3;

    public BenchOptions {
        Objects.requireNonNull(latencyRates, "latencyRates");
        latencyRates = List.copyOf(latencyRates);
        Objects.requireNonNull(latencyDuration, "latencyDuration");
        Objects.requireNonNull(latencyWarmup, "latencyWarmup");
        Objects.requireNonNull(referenceDir, "referenceDir");
        streamsConfig = Map.copyOf(streamsConfig);
        brokerConfig = Map.copyOf(brokerConfig);
        require(events >= 1, "--events must be at least 1, was " + events);
        require(warmupEvents >= 0, "--warmup-events must be 0 or more, was " + warmupEvents);
        require(warmupRounds >= 1, "--warmup-rounds must be at least 1, was " + warmupRounds);
        require(pairs >= 1, "--pairs must be at least 1, was " + pairs);
        require(partitions >= 1, "--partitions must be at least 1, was " + partitions);
        require(threads >= 1, "--threads must be at least 1, was " + threads);
        require(distinctDocuments >= 1, "--distinct-documents must be at least 1, was " + distinctDocuments);
        require(
                latencyRates.stream().allMatch(r -> r >= 1),
                "--rate values must be at least 1 event/s: " + latencyRates);
        require(!latencyDuration.isNegative() && !latencyDuration.isZero(), "--latency-seconds must be positive");
    }

    /** The defaults: 20 000 events (5 000 distinct documents), latency at 1 000 and 5 000 events/s for 20 s each, exactly-once, 3 partitions, 1 thread. */
    public static BenchOptions defaults() {
        return new Builder().build();
    }

    /** The processing.guarantee value of these options. */
    public String processingGuarantee() {
        return exactlyOnce ? "exactly_once_v2" : "at_least_once";
    }

    /** The components, from the defaults on, while {@link #parse} reads the arguments; the record checks them once. */
    private static final class Builder {
        int events = DEFAULT_EVENTS;
        List<Integer> latencyRates = DEFAULT_RATES;
        Duration latencyDuration = Duration.ofSeconds(20);
        Duration latencyWarmup = Duration.ofSeconds(5);
        int warmupEvents = DEFAULT_WARMUP_EVENTS;
        int warmupRounds = DEFAULT_WARMUP_ROUNDS;
        int pairs = DEFAULT_PAIRS;
        boolean exactlyOnce = true;
        int partitions = 3;
        int threads = 1;
        boolean reprocess;
        int distinctDocuments = DEFAULT_DISTINCT_DOCUMENTS;
        Path referenceDir = Path.of("seeds", "reference");
        long seed = 42L;
        final Map<String, String> streamsConfig = new LinkedHashMap<>();
        final Map<String, String> brokerConfig = new LinkedHashMap<>();

        BenchOptions build() {
            return new BenchOptions(
                    events,
                    latencyRates,
                    latencyDuration,
                    latencyWarmup,
                    warmupEvents,
                    warmupRounds,
                    pairs,
                    exactlyOnce,
                    partitions,
                    threads,
                    reprocess,
                    distinctDocuments,
                    referenceDir,
                    seed,
                    streamsConfig,
                    brokerConfig);
        }
    }

    /** The command-line usage of {@link #parse}. */
    public static String usage() {
        return """
                usage: bench [--events N] [--rate R[,R...]] [--eos | --at-least-once] [--partitions P] [--threads T]
                             [--latency-seconds S] [--warmup-seconds S] [--warmup-events W] [--warmup-rounds R]
                             [--pairs K]
                             [--reprocess]
                             [--distinct-documents D]
                             [--reference-dir DIR] [--seed S] [--config KEY=VALUE]... [--broker-config KEY=VALUE]...
                  --events N            news records in the throughput corpus (default 20000; with --reprocess 1000000)
                  --rate R[,R...]       offered loads for the latency measurement, events/s (default 1000,5000; 0 = none)
                  --eos                 exactly_once_v2 for baseline and pipeline (default)
                  --at-least-once       at_least_once for baseline and pipeline
                  --partitions P        partitions of the data topics (default 3)
                  --threads T           Kafka Streams threads per app (default 1)
                  --latency-seconds S   measured seconds per offered load (default 20)
                  --warmup-seconds S    unmeasured seconds before each offered load (default 5)
                  --warmup-events W     news the pass-through and the pipeline process, unmeasured, before the
                                        throughput passes (default 100000, at most N; 0 = measure a cold JVM;
                                        not with --reprocess)
                  --warmup-rounds R     at most R warm-up rounds; fewer once the JIT has settled, compiling at
                                        most a tenth of a round's process CPU (default 4)
                  --pairs K             measured pairs of the pass-through and the pipeline, one after the other;
                                        the ratio is the median of the pairs' ratios (default 3)
                  --reprocess           measure rebuilding every aggregate from N news from offset 0 instead
                  --distinct-documents D  documents generated and extracted; more events repeat them under new ids (default 5000)
                  --reference-dir DIR   reference data loaded into the ref topics (default seeds/reference)
                  --seed S              generator seed (default 42)
                  --config KEY=VALUE    a Kafka Streams/client property for the baseline and the pipeline alike
                                        (e.g. producer.batch.size=262144); repeatable
                  --broker-config KEY=VALUE  a property of the embedded broker over its defaults; repeatable
                """;
    }

    /**
     * Parses command-line arguments (no picocli, so the app can wire its own command to {@link BenchMain#run}).
     *
     * @throws IllegalArgumentException naming the bad argument
     */
    public static BenchOptions parse(String... args) {
        Builder o = new Builder();
        boolean eventsGiven = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String inline = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            switch (name) {
                case "--eos" -> o.exactlyOnce = true;
                case "--at-least-once" -> o.exactlyOnce = false;
                case "--reprocess" -> o.reprocess = true;
                case "--events",
                        "--rate",
                        "--partitions",
                        "--threads",
                        "--latency-seconds",
                        "--warmup-seconds",
                        "--warmup-events",
                        "--warmup-rounds",
                        "--pairs",
                        "--distinct-documents",
                        "--reference-dir",
                        "--seed",
                        "--config",
                        "--broker-config" -> {
                    String value = inline;
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(name + " needs a value\n" + usage());
                        }
                        value = args[++i];
                    }
                    switch (name) {
                        case "--events" -> {
                            o.events = integer(name, value);
                            eventsGiven = true;
                        }
                        case "--rate" -> o.latencyRates = rates(value);
                        case "--partitions" -> o.partitions = integer(name, value);
                        case "--threads" -> o.threads = integer(name, value);
                        case "--latency-seconds" -> o.latencyDuration = Duration.ofSeconds(integer(name, value));
                        case "--warmup-seconds" -> o.latencyWarmup = Duration.ofSeconds(integer(name, value));
                        case "--warmup-events" -> o.warmupEvents = integer(name, value);
                        case "--warmup-rounds" -> o.warmupRounds = integer(name, value);
                        case "--pairs" -> o.pairs = integer(name, value);
                        case "--distinct-documents" -> o.distinctDocuments = integer(name, value);
                        case "--reference-dir" -> o.referenceDir = Path.of(value);
                        case "--seed" -> o.seed = Long.parseLong(value);
                        case "--config" -> keyValue(name, value, o.streamsConfig);
                        case "--broker-config" -> keyValue(name, value, o.brokerConfig);
                        default -> throw new IllegalStateException(name);
                    }
                }
                default -> throw new IllegalArgumentException("Unknown argument '" + arg + "'\n" + usage());
            }
        }
        if (o.reprocess && !eventsGiven) {
            o.events = DEFAULT_REPROCESS_EVENTS;
        }
        return o.build();
    }

    private static void keyValue(String name, String value, Map<String, String> into) {
        int eq = value.indexOf('=');
        if (eq < 1) {
            throw new IllegalArgumentException(name + " takes KEY=VALUE, not '" + value + "'");
        }
        into.put(value.substring(0, eq).strip(), value.substring(eq + 1).strip());
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a whole number, not '" + value + "'", e);
        }
    }

    private static List<Integer> rates(String value) {
        List<Integer> rates = new ArrayList<>();
        for (String part : value.split(",")) {
            int rate = integer("--rate", part.strip());
            if (rate > 0) {
                rates.add(rate);
            }
        }
        return rates;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
