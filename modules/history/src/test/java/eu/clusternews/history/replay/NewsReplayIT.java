package eu.clusternews.history.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.NewsKind;
import eu.clusternews.history.Progress;
import eu.clusternews.history.ReadableJson;
import eu.clusternews.history.TestKafka;
import eu.clusternews.local.testing.TestTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NewsReplayIT {

    private static final LocalDate FROM = LocalDate.of(2016, 3, 1);
    private static final LocalDate UNTIL = LocalDate.of(2017, 9, 1);
    private static final NewsKind[] KINDS = NewsKind.values();

    private static String topic;
    private static List<NewsEvent> news;

    /** 600 news published over five years, on three partitions, in shuffled (arrival) order. */
    @BeforeAll
    static void sixHundredNewsInShuffledOrder() {
        topic = TestTopics.create(TestKafka.stack().bootstrapServers(), "replay", 3, TestKafka.KEPT_FOREVER);
        Random random = new Random(17);
        news = IntStream.range(0, 600)
                .mapToObj(i -> NewsEvent.newBuilder()
                        .setId("news:" + i)
                        .setSource("test")
                        .setTitle("News " + i)
                        .setPublishedAt(LocalDate.of(2015, 1, 1).plusDays(random.nextInt(5 * 365)))
                        .setIngestedAt(Instant.parse("2026-11-28T10:00:00Z"))
                        .setKind(KINDS[random.nextInt(KINDS.length)])
                        .setPublisherId("org:c" + random.nextInt(10))
                        .setOrganisationIds(List.of("org:c" + random.nextInt(10)))
                        .build())
                .collect(Collectors.toCollection(ArrayList::new));
        Collections.shuffle(news, random);
        TestKafka.publish(topic, news);
    }

    private static Set<String> expectedIds(Predicate<NewsEvent> filter) {
        return news.stream()
                .filter(n ->
                        !n.getPublishedAt().isBefore(FROM) && n.getPublishedAt().isBefore(UNTIL))
                .filter(filter)
                .map(NewsEvent::getId)
                .collect(Collectors.toSet());
    }

    private static NewsReplay.Options window(NewsFilter filter, boolean ordered) {
        return new NewsReplay.Options(topic, at(FROM), at(UNTIL), filter, ordered);
    }

    private static Instant at(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private record Printed(List<JsonNode> lines, NewsReplay.Summary summary) {}

    private static Printed replayAsJson(NewsReplay.Options options) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        NewsReplay.Summary summary = new NewsReplay(TestKafka.clientConfig())
                .run(options, registry -> new JsonLinesSink(out, registry), total -> Progress.NONE);
        List<JsonNode> lines = text.toString()
                .lines()
                .map(line -> {
                    try {
                        return ReadableJson.MAPPER.readTree(line);
                    } catch (Exception e) {
                        throw new AssertionError(line, e);
                    }
                })
                .toList();
        return new Printed(lines, summary);
    }

    @Test
    void returnsExactlyTheNewsPublishedInTheWindow() {
        Printed printed = replayAsJson(window(NewsFilter.ALL, false));

        Set<String> expected = expectedIds(n -> true);
        assertThat(expected).hasSizeBetween(150, 450); // the window neither empty nor everything
        assertThat(printed.lines()).extracting(l -> l.get("id").asText()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(printed.summary().matched()).isEqualTo(expected.size());
        assertThat(printed.summary().written()).isEqualTo(expected.size());
    }

    @Test
    void orderedReplayDeliversThreePartitionsInPublicationOrder() {
        Printed printed = replayAsJson(window(NewsFilter.ALL, true));

        List<String> dates =
                printed.lines().stream().map(l -> l.get("publishedAt").asText()).toList();
        assertThat(printed.lines())
                .extracting(l -> l.get("id").asText())
                .containsExactlyInAnyOrderElementsOf(expectedIds(n -> true));
        assertThat(dates).isSorted();
        // without --ordered the shuffled arrival order shows: the test data do exercise the merge
        assertThat(replayAsJson(window(NewsFilter.ALL, false)).lines().stream()
                        .map(l -> l.get("publishedAt").asText())
                        .toList())
                .isNotEqualTo(dates);
    }

    @Test
    void keepsOnlyTheNewsOfTheKindAndClusterAskedFor() {
        Printed printed = replayAsJson(window(new NewsFilter("org:c3", null, "TRAINING"), false));

        Set<String> expected = expectedIds(n -> n.getKind() == NewsKind.TRAINING
                && ("org:c3".equals(n.getPublisherId())
                        || n.getOrganisationIds().contains("org:c3")));
        assertThat(expected).isNotEmpty();
        assertThat(printed.lines()).extracting(l -> l.get("id").asText()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void republishesTheReplayedNewsTransactionallyWithKeysTimestampsAndBytesKept() {
        String target = TestTopics.create(TestKafka.stack().bootstrapServers(), "replayed", 3, TestKafka.KEPT_FOREVER);

        NewsReplay.Summary summary = new NewsReplay(TestKafka.clientConfig())
                .run(
                        window(NewsFilter.ALL, true),
                        registry -> new TransactionalRepublisher(TestKafka.clientConfig(), target, null, 100),
                        total -> Progress.NONE);

        Set<String> expected = TestKafka.readAll(topic).stream()
                .filter(r -> r.timestamp() >= at(FROM).toEpochMilli()
                        && r.timestamp() < at(UNTIL).toEpochMilli())
                .map(NewsReplayIT::fingerprint)
                .collect(Collectors.toSet());
        List<ConsumerRecord<byte[], byte[]>> copies = TestKafka.readAll(target);
        assertThat(copies).extracting(NewsReplayIT::fingerprint).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(summary.written()).isEqualTo(expected.size());
    }

    @Test
    void aRepublishThatFailedMidwayGoesOnAfterItsLastCommittedBatchWithoutCopyingARecordTwice() {
        String target = TestTopics.create(TestKafka.stack().bootstrapServers(), "resumed", 3, TestKafka.KEPT_FOREVER);
        String name = "it-" + UUID.randomUUID();
        Set<String> expected = expectedFingerprints();

        // the first run dies after 130 records: two batches of 50 committed, the third aborted
        assertThatThrownBy(() -> new NewsReplay(TestKafka.clientConfig())
                        .run(
                                window(NewsFilter.ALL, false),
                                registry -> new FailingAfter(
                                        130, new TransactionalRepublisher(TestKafka.clientConfig(), target, name, 50)),
                                total -> Progress.NONE))
                .hasMessageContaining("dies");
        assertThat(TestKafka.readAll(target)).hasSize(100);

        NewsReplay.Summary rerun = new NewsReplay(TestKafka.clientConfig())
                .run(
                        window(NewsFilter.ALL, false),
                        registry -> new TransactionalRepublisher(TestKafka.clientConfig(), target, name, 50),
                        total -> Progress.NONE);

        assertThat(rerun.written()).isEqualTo(expected.size() - 100);
        assertThat(TestKafka.readAll(target))
                .extracting(NewsReplayIT::fingerprint)
                .containsExactlyInAnyOrderElementsOf(expected);
        // a third run finds everything copied
        assertThat(new NewsReplay(TestKafka.clientConfig())
                        .run(
                                window(NewsFilter.ALL, false),
                                registry -> new TransactionalRepublisher(TestKafka.clientConfig(), target, name, 50),
                                total -> Progress.NONE)
                        .written())
                .isZero();
        assertThat(TestKafka.readAll(target)).hasSize(expected.size());
    }

    @Test
    void refusesAResumableRepublishInPublicationOrder() {
        String target =
                TestTopics.create(TestKafka.stack().bootstrapServers(), "resumed-ordered", 3, TestKafka.KEPT_FOREVER);

        assertThatThrownBy(() -> new NewsReplay(TestKafka.clientConfig())
                        .run(
                                window(NewsFilter.ALL, true),
                                registry -> new TransactionalRepublisher(
                                        TestKafka.clientConfig(), target, "it-" + UUID.randomUUID(), 50),
                                total -> Progress.NONE))
                .hasMessageContaining("--ordered");
        assertThat(TestKafka.readAll(target)).isEmpty();
    }

    /** The fingerprints of the records of the window, as on the source topic. */
    private static Set<String> expectedFingerprints() {
        return TestKafka.readAll(topic).stream()
                .filter(r -> r.timestamp() >= at(FROM).toEpochMilli()
                        && r.timestamp() < at(UNTIL).toEpochMilli())
                .map(NewsReplayIT::fingerprint)
                .collect(Collectors.toSet());
    }

    /** A sink whose process dies (throws) when it is handed record number {@code limit + 1}. */
    private record FailingAfter(long limit, ReplaySink delegate, long[] accepted) implements ReplaySink {

        FailingAfter(long limit, ReplaySink delegate) {
            this(limit, delegate, new long[1]);
        }

        @Override
        public void accept(ReplayedRecord record) {
            if (++accepted[0] > limit) {
                throw new IllegalStateException("the replay dies here");
            }
            delegate.accept(record);
        }

        @Override
        public void finish() {
            delegate.finish();
        }

        @Override
        public long written() {
            return delegate.written();
        }

        @Override
        public boolean keepsProgress() {
            return delegate.keepsProgress();
        }

        @Override
        public Map<TopicPartition, Long> resumeFrom(Collection<TopicPartition> partitions) {
            return delegate.resumeFrom(partitions);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    @Test
    void refusesToRepublishToATopicThatDoesNotExist() {
        assertThatThrownBy(() -> new NewsReplay(TestKafka.clientConfig())
                        .run(
                                window(NewsFilter.ALL, false),
                                registry ->
                                        new TransactionalRepublisher(TestKafka.clientConfig(), "no-such-topic-here"),
                                total -> Progress.NONE))
                .hasMessageContaining("no-such-topic-here")
                .hasMessageContaining("does not exist");
    }

    @Test
    void refusesAWindowThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> new NewsReplay.Options(topic, at(UNTIL), at(FROM), null, false))
                .hasMessageContaining("--until");
    }

    private static String fingerprint(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.key(), StandardCharsets.UTF_8) + "|" + record.timestamp() + "|"
                + Base64.getEncoder().encodeToString(record.value());
    }
}
