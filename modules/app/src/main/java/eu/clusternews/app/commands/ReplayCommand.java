package eu.clusternews.app.commands;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import eu.clusternews.avro.NewsKind;
import eu.clusternews.history.PointInTime;
import eu.clusternews.history.Progress;
import eu.clusternews.history.replay.JsonLinesSink;
import eu.clusternews.history.replay.NewsFilter;
import eu.clusternews.history.replay.NewsReplay;
import eu.clusternews.history.replay.TransactionalRepublisher;
import eu.clusternews.topics.TopicSpec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code clusternews replay}: the news published in a time window, again. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Replay the news published in [--from, --until) from cluster-news or cluster-news-enriched: printed as JSON "
                    + "lines, or republished to another topic for downstream systems that want the history again.",
            "Record timestamps are publication times, so the window is on publication time. Each partition is read "
                    + "from the first offset at or after --from (offsetsForTimes) to the end offset found on starting; "
                    + "news arrive out of order (backfills), so records outside the window in between are read and skipped.",
            "Reads committed records only and joins no consumer group. A progress bar with ETA goes to stderr when it "
                    + "is a terminal; a summary (records read, matched, written, time) ends the run.",
            "TIME is an ISO date (2017-05-17, that day 00:00 UTC), an ISO instant (2017-05-17T08:30:00Z, "
                    + "2017-05-17T10:30+02:00) or a duration before now (P30D, PT12H)."
        })
public final class ReplayCommand extends ClusterCommand {

    private static final String NEWS = TopicSpec.NEWS.topicName();
    private static final String ENRICHED = TopicSpec.ENRICHED.topicName();

    @Option(names = "--from", paramLabel = "TIME", required = true, description = "First publication time included.")
    String from;

    @Option(
            names = "--until",
            paramLabel = "TIME",
            description = "First publication time excluded (default: no end, up to the newest news).")
    String until;

    @Option(
            names = "--topic",
            paramLabel = "TOPIC",
            defaultValue = "cluster-news",
            description =
                    "cluster-news (the news as ingested) or cluster-news-enriched (with consortia, programmes and "
                            + "every cluster involved) (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(
            names = "--cluster",
            paramLabel = "ID",
            description =
                    "Only news involving this cluster (e.g. org:bnpt). On cluster-news: as publisher or mentioned "
                            + "(the members of a mentioned consortium are only known after enrichment); on cluster-news-enriched: "
                            + "with any role, consortium membership included.")
    String cluster;

    @Option(
            names = "--consortium",
            paramLabel = "ID",
            description = "Only news mentioning this consortium (e.g. cons:inno-drop).")
    String consortium;

    @Option(
            names = "--kind",
            paramLabel = "K",
            description = "Only news of this kind: ${COMPLETION-CANDIDATES}.",
            completionCandidates = Kinds.class)
    String kind;

    @Option(
            names = "--ordered",
            description =
                    "Deliver in publication order across partitions (timestamp, then partition, then offset). "
                            + "Holds the matched records in memory until the end; without it, records come partition by partition.")
    boolean ordered;

    @Option(
            names = "--resume",
            paramLabel = "NAME",
            description = "With --to-topic: keep the progress under NAME (consumer group clusternews-replay-NAME, "
                    + "committed in the same transaction as each batch of copies), so that running the same command "
                    + "again after a failure or Ctrl-C goes on after the last committed batch, never copying a record "
                    + "twice. Not with --ordered.")
    String resume;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Output output;

    static final class Output {
        @Option(
                names = "--format",
                paramLabel = "json",
                required = true,
                description = "Print one JSON object per line: the NewsEvent or EnrichedNews value (the default).")
        String format;

        @Option(
                names = "--to-topic",
                paramLabel = "T",
                required = true,
                description = "Republish to topic T (it must exist) with a transactional producer: each copy keeps its "
                        + "key, timestamp, headers and value bytes (same schema id); committed in batches of "
                        + TransactionalRepublisher.DEFAULT_RECORDS_PER_TRANSACTION + " records.")
        String toTopic;
    }

    /** The NewsKind symbols, for the help and the check. */
    static final class Kinds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Arrays.stream(NewsKind.values()).map(Enum::name).iterator();
        }
    }

    @Override
    public Integer call() {
        validate();
        eu.clusternews.app.config.Settings settings = connection.resolve();
        Reachability.check(settings, timeout.connect());
        Map<String, Object> config = settings.asClientConfig();
        NewsReplay.Options options = new NewsReplay.Options(
                topic,
                PointInTime.parse(from),
                until == null ? null : PointInTime.parse(until),
                new NewsFilter(cluster, consortium, kind == null ? null : kind.toUpperCase(Locale.ROOT)),
                ordered);
        PrintWriter out = spec.commandLine().getOut();
        String toTopic = output == null ? null : output.toTopic;
        NewsReplay.Summary summary = new NewsReplay(config)
                .run(
                        options,
                        registry -> toTopic == null
                                ? new JsonLinesSink(out, registry)
                                : new TransactionalRepublisher(
                                        config,
                                        toTopic,
                                        resume,
                                        TransactionalRepublisher.DEFAULT_RECORDS_PER_TRANSACTION),
                        total -> Progress.onStderr("Replaying " + topic, total, quiet));
        // with JSON lines on stdout, the summary goes to stderr so the output stays pure JSON
        PrintWriter summaryOut = toTopic == null ? spec.commandLine().getErr() : out;
        summaryOut.println("Replayed " + topic + " [" + options.from() + ", "
                + (options.until() == null ? "end" : options.until()) + ")" + (toTopic == null ? "" : " to " + toTopic)
                + ": " + summary.describe());
        summaryOut.flush();
        return 0;
    }

    private void validate() {
        if (!topic.equals(NEWS) && !topic.equals(ENRICHED)) {
            throw new ParameterException(
                    spec.commandLine(), "--topic must be " + NEWS + " or " + ENRICHED + ", not '" + topic + "'");
        }
        if (output != null && output.format != null && !output.format.equalsIgnoreCase("json")) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--format must be json, not '" + output.format + "' (use --to-topic to republish)");
        }
        if (resume != null && (output == null || output.toTopic == null)) {
            throw new ParameterException(
                    spec.commandLine(), "--resume needs --to-topic (printed lines are not resumed)");
        }
        if (resume != null && ordered) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--resume keeps its place per partition, which --ordered's publication order across partitions "
                            + "does not have: drop one of the two");
        }
        if (kind != null
                && Arrays.stream(NewsKind.values()).noneMatch(k -> k.name().equalsIgnoreCase(kind))) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--kind must be one of "
                            + Arrays.stream(NewsKind.values()).map(Enum::name).collect(Collectors.joining(", "))
                            + ", not '" + kind + "'");
        }
    }
}
