package eu.clusternews.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Runs the whole benchmark with tiny numbers against a real embedded broker and registry: it must finish and report. */
class BenchMainIT {

    private static final Path REFERENCE = Path.of("../../seeds/reference");

    @Test
    void aTinyRunMeasuresBothAppsAndEndsWithTheRatioLine() {
        BenchOptions options = BenchOptions.parse(
                "--events=300",
                "--distinct-documents=150",
                "--rate=20",
                "--latency-seconds=2",
                "--warmup-seconds=1",
                "--warmup-rounds=2",
                "--pairs=2",
                "--reference-dir=" + REFERENCE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        BenchReport report = new BenchMain().run(options, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(lines.size() - 1)).matches("pipeline/baseline throughput ratio: \\d+\\.\\d\\d");
        assertThat(lines)
                .anyMatch(l -> l.startsWith("warm-up round 1 (not measured): the pass-through and the pipeline over the"
                        + " first 300 news"))
                .anyMatch(l -> l.startsWith("measured pair 1 of 2: pass-through "))
                .anyMatch(l -> l.startsWith("measured pair 2 of 2: pass-through "))
                .anyMatch(l -> l.matches("the pair of the median ratio \\(pair [12]\\), in full:"))
                .anyMatch(l -> l.startsWith("baseline (pass-through"))
                .anyMatch(l -> l.startsWith("pipeline (validate"))
                .anyMatch(l -> l.startsWith("peak heap used"))
                // both passes end when their results are committed, the baseline's as well as the pipeline's
                .filteredOn(l -> l.matches("  timeline: every input offset committed \\d+\\.\\d\\d s after the first"
                        + " record, the last result visible \\d+\\.\\d\\d s after that"))
                .hasSize(2);
        assertThat(lines)
                // on Linux the stream thread's kernel task is found: time on a core, never none
                .anyMatch(l -> l.matches(
                        "  the stream thread\\(s\\) over the \\d+\\.\\d\\d s: on a core (?!0\\.00 )\\d+\\.\\d\\d s,"
                                + " ready but waiting for a core \\d+\\.\\d\\d s \\(the run queue: .*\\), off the cores"
                                + " \\d+\\.\\d\\d s, \\d+\\.\\d\\d s of it in the producer .*"))
                .anyMatch(l ->
                        l.matches("  commits: [1-9]\\d* \\(\\d+ news per commit\\), \\d+\\.\\d ms each on average .*"))
                .anyMatch(
                        l -> l.matches("  the pipeline's exactly-once commits meanwhile: [1-9]\\d* commits; per commit:"
                                + " producer flush \\d+\\.\\d ms, .*"))
                .anyMatch(l ->
                        l.matches("  the pipeline's consumer: fetches took \\d+\\.\\d ms on average from request to"
                                + " response \\(max \\d+\\), \\d+ fetches per second"))
                .noneMatch(l -> l.contains("INCOMPLETE"));
        assertThat(report.baselineEventsPerSecond()).isPositive();
        assertThat(report.pipelineEventsPerSecond()).isPositive();
        assertThat(report.latencies()).singleElement().satisfies(latency -> {
            assertThat(latency.measured()).isPositive();
            assertThat(latency.incomplete()).isZero();
            assertThat(latency.p99Millis()).isGreaterThanOrEqualTo(latency.p50Millis());
        });
        assertThat(lines).noneMatch(l -> l.contains("carried no bench headers"));
    }
}
