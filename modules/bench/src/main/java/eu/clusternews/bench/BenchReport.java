package eu.clusternews.bench;

import java.util.List;

/**
 * The figures of one {@link BenchMain} run. Throughput figures are NaN in reprocess mode; the reprocess figures are
 * NaN otherwise.
 *
 * @param baselineEventsPerSecond the pass-through's events/s
 * @param pipelineEventsPerSecond the full topology's events/s on the same records
 * @param latencies               one entry per offered load
 * @param peakHeapBytes           peak used heap, sampled
 * @param peakRssBytes            VmHWM of the process (-1 where unknown)
 * @param reprocessedEvents       news reprocessed in reprocess mode (0 otherwise)
 * @param reprocessSeconds        start of the fresh pipeline → every record processed (NaN unless reprocess mode)
 */
public record BenchReport(
        double baselineEventsPerSecond,
        double pipelineEventsPerSecond,
        List<Latency> latencies,
        long peakHeapBytes,
        long peakRssBytes,
        long reprocessedEvents,
        double reprocessSeconds) {

    /** End-to-end latency at one offered load: publish → all of a news item's aggregate updates visible. */
    public record Latency(
            int rate,
            double offeredRate,
            int measured,
            int incomplete,
            long p50Millis,
            long p95Millis,
            long p99Millis) {}

    public BenchReport {
        latencies = List.copyOf(latencies);
    }

    /** pipeline events/s ÷ pass-through events/s. */
    public double throughputRatio() {
        return pipelineEventsPerSecond / baselineEventsPerSecond;
    }
}
