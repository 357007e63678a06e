package eu.clusternews.pipeline.events;

import static org.assertj.core.api.Assertions.assertThat;

import eu.clusternews.avro.ClusterEvent;
import eu.clusternews.avro.EventReport;
import eu.clusternews.pipeline.internal.InternalAvroSerde;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.avro.SchemaNormalization;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** A report read off event-reports carries the binary its event lists, byte for byte what encoding it would give. */
class ReadReportTest {

    private static final Serde<ReadReport> SERDE = ReadReport.serde();

    @Property(tries = 300)
    void anEventOfAReportReadOffTheTopicEncodesAsAvroEncodesTheEventOfThatReport(
            @ForAll("reports") EventReport report) {
        byte[] onTopic = SERDE.serializer().serialize("event-reports", ReadReport.of(report));
        ReadReport read = SERDE.deserializer().deserialize("event-reports", onTopic);

        assertThat(read.report()).isEqualTo(report);
        assertThat(read.binary())
                .as("written in the current schema: read with its binary")
                .isNotNull();
        ClusterEvent listingTheReadBinary = EventAssembly.of(read.report(), read.binary());
        assertThat(((ListedReports) listingTheReadBinary.getReports()).binary(0, ClusterEventLayout.REPORT_SCHEMA))
                .as("the event lists the binary read, not one it encodes")
                .isSameAs(read.binary());
        byte[] written = InternalAvroSerde.of(ClusterEvent.class, ClusterEventLayout.INSTANCE)
                .serialize("events", listingTheReadBinary);
        byte[] byAvro = InternalAvroSerde.of(ClusterEvent.class).serialize("events", EventAssembly.of(report));
        assertThat(written).isEqualTo(byAvro);
    }

    @Test
    void theTopicsReportSchemaIsTheOneEventsListTheirReportsIn() {
        // the binary read is listed as it is: the two schemas must encode alike
        assertThat(SchemaNormalization.parsingFingerprint64(EventReport.getClassSchema()))
                .isEqualTo(SchemaNormalization.parsingFingerprint64(ClusterEventLayout.REPORT_SCHEMA));
    }

    @Provide
    Arbitrary<EventReport> reports() {
        return EventArbitraries.reports();
    }
}
