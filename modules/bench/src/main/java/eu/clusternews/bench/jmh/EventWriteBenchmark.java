package eu.clusternews.bench.jmh;

import java.util.ArrayList;
import java.util.List;

import eu.clusternews.avro.ClusterEvent;
import eu.clusternews.avro.EventReport;
import eu.clusternews.pipeline.events.EventAssembly;
import eu.clusternews.pipeline.internal.InternalAvroSerde;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Writing an event that lists 20 reports, as the events store does for its changelog (cluster-events then takes the
 * same bytes) at every commit that changed the event: with its reports as built, each encoded field by field, against
 * the reports as the pipeline has them, read from the event-reports topic and keeping their Avro binary, copied.
 */
public class EventWriteBenchmark extends MicrosBenchmark {

    /** {@code built}: reports encoded field by field; {@code read}: reports read back, their binary copied. */
    @Param({"built", "read"})
    public String reports;

    private final InternalAvroSerde<ClusterEvent> events = InternalAvroSerde.of(ClusterEvent.class);
    private ClusterEvent event;

    @Setup
    public void setUp() {
        List<EventReport> built = BenchCorpus.get().eventReports();
        List<EventReport> listed = switch (reports) {
            case "built" -> built;
            case "read" -> {
                InternalAvroSerde<EventReport> topic = InternalAvroSerde.of(EventReport.class);
                List<EventReport> read = new ArrayList<>();
                for (EventReport r : built) {
                    read.add(topic.deserialize("event-reports", topic.serialize("event-reports", r)));
                }
                yield read;
            }
            default -> throw new IllegalArgumentException("reports are built or read, not " + reports);
        };
        event = EventAssembly.assemble(listed);
    }

    @Benchmark
    public byte[] writeEvent() {
        return events.serialize("events-store-changelog", event);
    }
}
