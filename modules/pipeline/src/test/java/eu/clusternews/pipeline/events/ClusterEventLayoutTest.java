package eu.clusternews.pipeline.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import eu.clusternews.avro.ClusterEvent;
import eu.clusternews.avro.EventReport;
import eu.clusternews.pipeline.internal.InternalAvroSerde;
import eu.clusternews.pipeline.internal.SchemaLayout;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Test;

/** The events' field-by-field layout writes Avro's bytes and reads them back, for any event. */
class ClusterEventLayoutTest {

    private final InternalAvroSerde<ClusterEvent> generic = InternalAvroSerde.of(ClusterEvent.class);
    private final InternalAvroSerde<ClusterEvent> laidOut =
            InternalAvroSerde.of(ClusterEvent.class, ClusterEventLayout.INSTANCE);

    /** A change of ClusterEvent's schema must change the layout too, and fails here until then. */
    @Test
    void theLayoutIsClusterEventsSchemaFieldByField() {
        assertThat(ClusterEventLayout.INSTANCE.fields())
                .containsExactlyElementsOf(SchemaLayout.of(ClusterEvent.getClassSchema()));
    }

    @Property(tries = 300)
    void writesAvrosBytesAndReadsTheEventBack(@ForAll("events") ClusterEvent event) throws IOException {
        byte[] written = laidOut.serialize("events-store", event);

        assertThat(written).isEqualTo(generic.serialize("events-store", event));
        assertThat(laidOut.deserialize("events-store", written)).isEqualTo(event);
        assertThat(generic.deserialize("events-store", written)).isEqualTo(event);
        // and the layout's reader reads exactly the layout's bytes, no more
        var decoder = DecoderFactory.get().binaryDecoder(ClusterEventLayout.INSTANCE.binary(event), null);
        assertThat(ClusterEventLayout.INSTANCE.read(decoder)).isEqualTo(event);
        assertThat(decoder.isEnd()).isTrue();
    }

    /**
     * An assembled event's listed reports keep their binaries after the first write: later writes, of the event and
     * of events merged from it, still give Avro's bytes, and an event read back writes the same bytes again.
     */
    @Property(tries = 100)
    void reportBinariesKeptByTheFirstWriteGiveTheSameBytesLater(
            @ForAll("reports") EventReport a, @ForAll("reports") EventReport b) {
        ClusterEvent first = EventAssembly.of(a);
        byte[] once = laidOut.serialize("events-store", first);
        assertThat(laidOut.serialize("events-store", first)).isEqualTo(once);

        ClusterEvent merged = EventAssembly.merge(first, EventAssembly.of(b));
        byte[] mergedBytes = laidOut.serialize("events-store", merged);
        // the same event assembled afresh: no binary kept
        ClusterEvent fresh = EventAssembly.assemble(List.of(a, b));
        assertThat(mergedBytes)
                .isEqualTo(laidOut.serialize("events-store", fresh))
                .isEqualTo(generic.serialize("events-store", EventAssembly.assemble(List.of(a, b))));
        assertThat(laidOut.serialize("events-store", laidOut.deserialize("events-store", mergedBytes)))
                .isEqualTo(mergedBytes);
    }

    @Provide
    Arbitrary<ClusterEvent> events() {
        return EventArbitraries.events();
    }

    @Provide
    Arbitrary<EventReport> reports() {
        return EventArbitraries.reports();
    }
}
