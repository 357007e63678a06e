package eu.clusternews.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void theIssuesFlagsAreParsed() {
        BenchOptions o = BenchOptions.parse(
                "--events",
                "5000",
                "--rate",
                "1000,5000",
                "--at-least-once",
                "--partitions",
                "6",
                "--threads",
                "2",
                "--latency-seconds=10",
                "--warmup-events=0",
                "--warmup-rounds=2",
                "--pairs=5",
                "--config",
                "producer.batch.size=262144",
                "--broker-config=add.partitions.to.txn.retry.backoff.ms=5");

        assertThat(o.events()).isEqualTo(5000);
        assertThat(o.latencyRates()).containsExactly(1000, 5000);
        assertThat(o.exactlyOnce()).isFalse();
        assertThat(o.processingGuarantee()).isEqualTo("at_least_once");
        assertThat(o.partitions()).isEqualTo(6);
        assertThat(o.threads()).isEqualTo(2);
        assertThat(o.latencyDuration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.warmupEvents()).isZero();
        assertThat(o.warmupRounds()).isEqualTo(2);
        assertThat(o.pairs()).isEqualTo(5);
        assertThat(o.streamsConfig()).isEqualTo(Map.of("producer.batch.size", "262144"));
        assertThat(o.brokerConfig()).isEqualTo(Map.of("add.partitions.to.txn.retry.backoff.ms", "5"));
    }

    @Test
    void exactlyOnceIsTheDefaultAndReprocessDefaultsToAMillionNews() {
        assertThat(BenchOptions.parse().exactlyOnce()).isTrue();
        assertThat(BenchOptions.parse().events()).isEqualTo(BenchOptions.DEFAULT_EVENTS);
        assertThat(BenchOptions.parse().warmupEvents()).isEqualTo(BenchOptions.DEFAULT_WARMUP_EVENTS);
        assertThat(BenchOptions.parse().warmupRounds()).isEqualTo(BenchOptions.DEFAULT_WARMUP_ROUNDS);
        assertThat(BenchOptions.parse().pairs()).isEqualTo(BenchOptions.DEFAULT_PAIRS);
        assertThat(BenchOptions.parse("--reprocess").events()).isEqualTo(1_000_000);
        assertThat(BenchOptions.parse("--reprocess", "--events", "50000").events())
                .isEqualTo(50_000);
    }

    @Test
    void aRateOfZeroMeansNoLatencyMeasurement() {
        assertThat(BenchOptions.parse("--rate", "0").latencyRates()).isEqualTo(List.of());
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> BenchOptions.parse("--events", "many"))
                .hasMessageContaining("--events")
                .hasMessageContaining("many");
        assertThatThrownBy(() -> BenchOptions.parse("--fast")).hasMessageContaining("--fast");
        assertThatThrownBy(() -> BenchOptions.parse("--threads")).hasMessageContaining("--threads needs a value");
        assertThatThrownBy(() -> BenchOptions.parse("--partitions", "0")).hasMessageContaining("--partitions");
        assertThatThrownBy(() -> BenchOptions.parse("--warmup-events", "-1")).hasMessageContaining("--warmup-events");
        assertThatThrownBy(() -> BenchOptions.parse("--warmup-rounds", "0")).hasMessageContaining("--warmup-rounds");
        assertThatThrownBy(() -> BenchOptions.parse("--pairs", "0")).hasMessageContaining("--pairs");
    }
}
