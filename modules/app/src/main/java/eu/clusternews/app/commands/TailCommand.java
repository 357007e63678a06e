package eu.clusternews.app.commands;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import eu.clusternews.app.config.Settings;
import eu.clusternews.history.PointInTime;
import eu.clusternews.history.StartPosition;
import eu.clusternews.history.tail.OutputFormat;
import eu.clusternews.history.tail.TopicTail;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code clusternews tail TOPIC}: print a topic's records, decoded, like Confluent's Avro console consumer. */
@Command(
        name = "tail",
        mixinStandardHelpOptions = true,
        description = {
            "Print the records of a clusternews topic, decoded through the schema registry: the key and the value as "
                    + "JSON, with dates as ISO dates and timestamps as ISO instants (unions unwrapped, enums as symbols).",
            "Topics: cluster-news, cluster-news-enriched, cluster-activity, consortium-activity, programme-activity, "
                    + "ref-organisations, ref-consortia, ref-programmes, and cluster-news-dlq (raw bytes as utf8 and base64, "
                    + "with the headers that say why the record was rejected).",
            "Reads committed records only (read_committed) and joins no consumer group, so it never moves anyone's "
                    + "offsets. Without --follow it stops at the end offsets it found on starting.",
            "TIME is an ISO date (2017-05-17, that day 00:00 UTC), an ISO instant (2017-05-17T08:30:00Z, "
                    + "2017-05-17T10:30+02:00) or a duration before now (P30D, PT12H).",
            "--timeout also ends the tail when no record has arrived for that long (kafka-console-consumer's "
                    + "--timeout-ms)."
        })
public final class TailCommand extends ClusterCommand {

    @Parameters(index = "0", paramLabel = "TOPIC", description = "The topic to print, e.g. cluster-news.")
    String topic;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Start start;

    static final class Start {
        @Option(
                names = "--from-beginning",
                required = true,
                description = "Start at the earliest record of each partition.")
        boolean fromBeginning;

        @Option(
                names = "--from",
                paramLabel = "TIME",
                required = true,
                description = "Start at the first record of each partition whose timestamp (for news: the publication "
                        + "time) is at or after TIME.")
        String from;

        @Option(
                names = {"-o", "--offset"},
                paramLabel = "N|earliest|latest",
                required = true,
                description =
                        "Start at this offset of the --partition (as Kafka's console consumer), or at the earliest "
                                + "or latest offset of each partition.")
        String offset;
    }

    @Option(
            names = {"-p", "--partition"},
            paramLabel = "P",
            description = "Only this partition.")
    Integer partition;

    @Option(
            names = {"-c", "--max-messages"},
            paramLabel = "N",
            description = "Stop after printing N records.")
    Long maxMessages;

    @Option(
            names = "--follow",
            description =
                    "Keep printing new records until stopped (Ctrl-C). Without "
                            + "--from-beginning or --from, only records written from now on are printed; without --follow, the whole topic.")
    boolean follow;

    @Option(
            names = "--format",
            paramLabel = "json|pretty",
            defaultValue = "json",
            description =
                    "json: one JSON object per line ({\"key\":...,\"value\":...}), for jq; pretty: a header line per "
                            + "record and the value indented (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--key", paramLabel = "K", description = "Only records with this key (a news id, cluster id, ...).")
    String key;

    @Option(
            names = "--print-metadata",
            description = "Also print topic, partition, offset, record timestamp and headers.")
    boolean printMetadata;

    @Override
    public Integer call() throws InterruptedException {
        StartPosition startPosition = startPosition();
        if (maxMessages != null && maxMessages < 0) {
            throw new ParameterException(spec.commandLine(), "--max-messages must be 0 or more, not " + maxMessages);
        }
        if (partition != null && partition < 0) {
            throw new ParameterException(spec.commandLine(), "--partition must be 0 or more, not " + partition);
        }
        Settings settings = connection.resolve();
        Reachability.check(settings, timeout.connect());
        TopicTail tail = new TopicTail(settings.asClientConfig());
        CountDownLatch finished = new CountDownLatch(1);
        Thread stopper = new Thread(
                () -> {
                    tail.stop();
                    try {
                        finished.await(5, TimeUnit.SECONDS); // let the consumer close before the JVM goes
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "clusternews-tail-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            tail.run(
                    new TopicTail.Options(
                            topic,
                            startPosition,
                            follow,
                            format,
                            key,
                            printMetadata,
                            partition,
                            maxMessages == null ? Long.MAX_VALUE : maxMessages,
                            timeout.given()),
                    spec.commandLine().getOut());
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running and returns now
            }
        }
        return 0;
    }

    private StartPosition startPosition() {
        if (start != null && start.fromBeginning) {
            return StartPosition.beginning();
        }
        if (start != null && start.from != null) {
            return StartPosition.at(PointInTime.parse(start.from));
        }
        if (start != null && start.offset != null) {
            switch (start.offset.toLowerCase(java.util.Locale.ROOT)) {
                case "earliest" -> {
                    return StartPosition.beginning();
                }
                case "latest" -> {
                    return StartPosition.end();
                }
                default -> {
                    long offset;
                    try {
                        offset = Long.parseLong(start.offset);
                    } catch (NumberFormatException e) {
                        offset = -1;
                    }
                    if (offset < 0) {
                        throw new ParameterException(
                                spec.commandLine(),
                                "--offset must be a number 0 or more, earliest or latest, not '" + start.offset + "'");
                    }
                    if (partition == null) {
                        throw new ParameterException(
                                spec.commandLine(),
                                "--offset " + offset + " needs --partition (an offset belongs to one partition)");
                    }
                    return StartPosition.offset(offset);
                }
            }
        }
        return follow ? StartPosition.end() : StartPosition.beginning();
    }
}
