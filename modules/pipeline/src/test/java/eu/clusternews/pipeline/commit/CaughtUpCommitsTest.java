package eu.clusternews.pipeline.commit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedPunctuator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CaughtUpCommitsTest {

    /** Each test starts far after the last: the thread's last request is kept per thread, across tests. */
    private static final AtomicLong CLOCK = new AtomicLong(1_000_000_000L);

    private static final TopicPartition NEWS = new TopicPartition("cluster-news", 0);
    private static final TopicPartition PARTIALS = new TopicPartition("app-cluster-partials-repartition", 0);

    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    private static final long INTERVAL = CaughtUpCommits.DEFAULT_INTERVAL_MS;

    private long now;

    @BeforeEach
    void thisThreadIsAStreamThreadWithTwoPartitions() {
        now = CLOCK.addAndGet(1_000_000L);
        consumer.assign(List.of(NEWS, PARTIALS));
        consumer.updateBeginningOffsets(Map.of(NEWS, 0L, PARTIALS, 0L));
        consumer.seek(NEWS, 0);
        consumer.seek(PARTIALS, 0);
        StreamThreadLag.register(Thread.currentThread().getName(), consumer);
        CaughtUpCommits.forgetThreadCommits();
    }

    @AfterEach
    void otherTestsOnThisThreadSeeNoConsumer() {
        StreamThreadLag.unregister(Thread.currentThread().getName());
        CaughtUpCommits.forgetThreadCommits();
    }

    @Test
    void aThreadBehindItsInputSchedulesNoPunctuationAndLeavesCommitsToTheInterval() {
        lag(5_000, 0);
        MockProcessorContext<Object, Object> context = context(Map.of());
        CaughtUpCommits commits = CaughtUpCommits.of(context);

        commits.processed();
        context.setCurrentSystemTimeMs(now += 1_000);
        commits.processed();

        assertThat(context.scheduledPunctuators()).isEmpty();
        assertThat(context.committed()).isFalse();
    }

    @Test
    void aCaughtUpThreadAsksForACommitOncePerIntervalCountedFromTheEndOfTheLastCommit() {
        lag(300, 200); // 500 records left: within the default 1 000
        MockProcessorContext<Object, Object> context = context(Map.of());
        CaughtUpCommits commits = CaughtUpCommits.of(context);

        commits.processed();
        CapturedPunctuator punctuation = onlyPunctuation(context);
        assertThat(punctuation.getInterval().toMillis()).isEqualTo(INTERVAL);

        punctuation.getPunctuator().punctuate(now += INTERVAL);
        assertThat(context.committed()).as("asked after a record").isTrue();

        context.resetCommit();
        context.setCurrentSystemTimeMs(now += 30); // the commit took 30 ms: the task runs again after it
        commits.processed();
        punctuation.getPunctuator().punctuate(now += INTERVAL - 1);
        assertThat(context.committed())
                .as("asked within the interval after the commit's end")
                .isFalse();

        punctuation.getPunctuator().punctuate(now += 1);
        assertThat(context.committed()).as("asked once the interval passed").isTrue();

        context.resetCommit();
        punctuation.getPunctuator().punctuate(now += 2 * INTERVAL);
        assertThat(context.committed()).as("asked with nothing processed").isFalse();
    }

    @Test
    void aCaughtUpThreadAsksFromTheFirstRecordThatFindsTheIntervalOverWithoutWaitingForThePunctuation() {
        lag(0, 0);
        MockProcessorContext<Object, Object> context = context(Map.of());
        CaughtUpCommits commits = CaughtUpCommits.of(context);
        commits.processed();
        onlyPunctuation(context).getPunctuator().punctuate(now += INTERVAL);
        assertThat(context.committed()).isTrue();
        context.resetCommit();
        context.setCurrentSystemTimeMs(now += 30); // the commit took 30 ms
        commits.processed();

        context.setCurrentSystemTimeMs(now += INTERVAL - 1);
        commits.processed();
        assertThat(context.committed()).as("a record within the interval").isFalse();

        context.setCurrentSystemTimeMs(now += 1);
        commits.processed();
        assertThat(context.committed())
                .as("the record that finds the interval over, before the punctuation")
                .isTrue();
    }

    @Test
    void oneRequestPerIntervalServesEveryTaskOfTheThread() {
        lag(0, 0);
        MockProcessorContext<Object, Object> first = context(Map.of());
        MockProcessorContext<Object, Object> second = context(Map.of());
        CaughtUpCommits firstCommits = CaughtUpCommits.of(first);
        CaughtUpCommits secondCommits = CaughtUpCommits.of(second);
        firstCommits.processed();
        secondCommits.processed();

        onlyPunctuation(first).getPunctuator().punctuate(now += INTERVAL);
        onlyPunctuation(second).getPunctuator().punctuate(now += 1);

        assertThat(first.committed()).isTrue();
        assertThat(second.committed())
                .as("the first task's request commits the thread's tasks")
                .isFalse();
    }

    @Test
    void aStallDoesNotEndCaughtUpCommitsButFallingFarBehindDoesUntilCaughtUpAgain() {
        lag(10, 0);
        MockProcessorContext<Object, Object> context = context(Map.of());
        CaughtUpCommits commits = CaughtUpCommits.of(context);
        commits.processed();
        CapturedPunctuator punctuation = onlyPunctuation(context);

        lag(5_000, 0);
        punctuation.getPunctuator().punctuate(now += 2 * INTERVAL);
        assertThat(punctuation.cancelled())
                .as("a stall's worth behind: still caught up")
                .isFalse();
        assertThat(context.committed()).isTrue();
        context.resetCommit();
        commits.processed();

        lag(50_000, 0);
        punctuation.getPunctuator().punctuate(now += 2 * INTERVAL);
        assertThat(punctuation.cancelled()).isTrue();
        assertThat(context.committed()).isFalse();

        lag(0, 0);
        context.setCurrentSystemTimeMs(now += 2 * INTERVAL);
        commits.processed();
        assertThat(context.scheduledPunctuators()).hasSize(2);
        assertThat(context.scheduledPunctuators().get(1).cancelled()).isFalse();
    }

    @Test
    void aThreadThatStaysBehindForACommitIntervalGoesBackToItEvenUnderTheHigherLag() {
        lag(10, 0);
        MockProcessorContext<Object, Object> context = context(Map.of("commit.interval.ms", "1000"));
        CaughtUpCommits commits = CaughtUpCommits.of(context);
        commits.processed();
        CapturedPunctuator punctuation = onlyPunctuation(context);

        lag(5_000, 0); // behind, but under ten times the caught-up lag
        askAfter(punctuation, context, commits, 2 * INTERVAL);
        lag(500, 0); // caught up again in between: the time behind starts anew
        askAfter(punctuation, context, commits, 2 * INTERVAL);
        lag(5_000, 0);
        askAfter(punctuation, context, commits, 2 * INTERVAL);
        askAfter(punctuation, context, commits, 900);
        assertThat(punctuation.cancelled())
                .as("behind for 900 ms since it was last caught up")
                .isFalse();

        punctuation.getPunctuator().punctuate(now += 200);
        assertThat(punctuation.cancelled())
                .as("behind for over a commit.interval.ms")
                .isTrue();
        assertThat(context.committed()).isFalse();
    }

    @Test
    void aThreadAboutToCatchUpIsReadyToCommitWhenItRunsOutOfRecords() {
        lag(5_000, 0);
        MockProcessorContext<Object, Object> context = context(Map.of());
        CaughtUpCommits commits = CaughtUpCommits.of(context);
        commits.processed(); // the first look: no pace known yet
        assertThat(context.scheduledPunctuators()).isEmpty();

        processedWithinAnInterval(context, commits, 1_000);
        assertThat(context.scheduledPunctuators())
                .as("4 000 left at 1 000 per interval: behind")
                .isEmpty();

        processedWithinAnInterval(context, commits, 2_000);
        CapturedPunctuator punctuation = onlyPunctuation(context);
        assertThat(context.committed()).as("still 4 000 left").isFalse();

        punctuation.getPunctuator().punctuate(now += INTERVAL);
        assertThat(context.committed())
                .as("no commit before the thread has caught up")
                .isFalse();

        lag(0, 0); // the thread has run out of records: only the punctuation runs now
        punctuation.getPunctuator().punctuate(now += INTERVAL);
        assertThat(context.committed()).isTrue();
        assertThat(punctuation.cancelled()).isFalse();
    }

    @Test
    void aThreadExpectedToCatchUpThatDoesNotGoesBackToTheLongInterval() {
        lag(5_000, 0);
        MockProcessorContext<Object, Object> context = context(Map.of());
        CaughtUpCommits commits = CaughtUpCommits.of(context);
        commits.processed();
        processedWithinAnInterval(context, commits, 2_000);
        CapturedPunctuator punctuation = onlyPunctuation(context);

        punctuation.getPunctuator().punctuate(now += 3 * INTERVAL);
        assertThat(punctuation.cancelled()).isFalse();
        punctuation.getPunctuator().punctuate(now += INTERVAL);
        assertThat(punctuation.cancelled())
                .as("4 000 still left four intervals later")
                .isTrue();
        assertThat(context.committed()).isFalse();
    }

    /** The task processes {@code records} over the next interval; the thread has 4 000 left at its end. */
    private void processedWithinAnInterval(
            MockProcessorContext<Object, Object> context, CaughtUpCommits commits, int records) {
        for (int i = 0; i < records - 1; i++) {
            commits.processed(); // within the interval: the lag is not looked at
        }
        lag(4_000, 0);
        context.setCurrentSystemTimeMs(now += INTERVAL);
        commits.processed();
    }

    /** A tick an interval after the last commit: asks for a commit and, as Streams would, commits and runs on. */
    private void askAfter(
            CapturedPunctuator punctuation,
            MockProcessorContext<Object, Object> context,
            CaughtUpCommits commits,
            long millis) {
        punctuation.getPunctuator().punctuate(now += millis);
        assertThat(punctuation.cancelled()).isFalse();
        assertThat(context.committed()).isTrue();
        context.resetCommit();
        context.setCurrentSystemTimeMs(now += 1);
        commits.processed();
    }

    @Test
    void recordsPolledButNotYetProcessedCountAsBehind() {
        consumer.seek(NEWS, 5_000); // polled up to 5 000: nothing left to poll
        lag(0, 0);
        MockProcessorContext<Object, Object> context = context(Map.of());
        CaughtUpCommits commits = CaughtUpCommits.of(context);

        context.setRecordMetadata(NEWS.topic(), NEWS.partition(), 3_000);
        commits.processed();
        assertThat(context.scheduledPunctuators())
                .as("1 999 records still in the task's buffer")
                .isEmpty();

        context.setRecordMetadata(NEWS.topic(), NEWS.partition(), 4_500);
        context.setCurrentSystemTimeMs(now += INTERVAL);
        commits.processed();
        assertThat(context.scheduledPunctuators()).as("499 left to process").hasSize(1);
    }

    @Test
    void anIntervalOfZeroTurnsCaughtUpCommitsOff() {
        lag(0, 0);
        MockProcessorContext<Object, Object> context = context(Map.of(CaughtUpCommits.INTERVAL_CONFIG, "0"));
        CaughtUpCommits commits = CaughtUpCommits.of(context);
        commits.processed();
        assertThat(context.scheduledPunctuators()).isEmpty();
    }

    @Test
    void aThreadWithoutAKnownConsumerLeavesCommitsToTheInterval() {
        StreamThreadLag.register(Thread.currentThread().getName(), new MockConsumer<>("earliest"));
        MockProcessorContext<Object, Object> context = context(Map.of());
        CaughtUpCommits.of(context).processed();
        assertThat(context.scheduledPunctuators()).isEmpty();
    }

    @Test
    void aBadSettingIsRefusedNamingIt() {
        assertThatThrownBy(() -> CaughtUpCommits.checkConfig(Map.of(CaughtUpCommits.INTERVAL_CONFIG, "-5")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(CaughtUpCommits.INTERVAL_CONFIG);
        assertThatThrownBy(() -> CaughtUpCommits.checkConfig(Map.of(CaughtUpCommits.MAX_LAG_CONFIG, "lots")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(CaughtUpCommits.MAX_LAG_CONFIG);
    }

    private void lag(long news, long partials) {
        consumer.updateEndOffsets(
                Map.of(NEWS, consumer.position(NEWS) + news, PARTIALS, consumer.position(PARTIALS) + partials));
    }

    private MockProcessorContext<Object, Object> context(Map<String, String> settings) {
        Properties properties = new Properties();
        properties.put("application.id", "caught-up-commits-test");
        properties.put("bootstrap.servers", "127.0.0.1:9");
        properties.putAll(settings);
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>(properties);
        context.setCurrentSystemTimeMs(now);
        return context;
    }

    private static CapturedPunctuator onlyPunctuation(MockProcessorContext<Object, Object> context) {
        assertThat(context.scheduledPunctuators()).hasSize(1);
        return context.scheduledPunctuators().get(0);
    }
}
