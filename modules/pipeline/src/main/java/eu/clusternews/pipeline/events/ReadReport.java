package eu.clusternews.pipeline.events;

import java.util.Arrays;
import java.util.Map;

import eu.clusternews.avro.EventReport;
import eu.clusternews.pipeline.internal.InternalAvroSerde;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * An event report on its way through the event-reports topic, with the Avro binary it was read as when that is the
 * report's encoding in the current schema (null otherwise: written by a release with another schema, or not read yet).
 * An event lists its reports' binaries ({@link ListedReports}), so the binary read is the one the event writes: a
 * report joining an event is then not encoded again (that encoding was 3 % of the stream thread).
 */
public record ReadReport(EventReport report, byte[] binary) {

    /** A report made from a news, not read: it has no binary yet. */
    public static ReadReport of(EventReport report) {
        return new ReadReport(report, null);
    }

    /** The event-reports topic's serde: the reports in the internal encoding, read with their binary. */
    public static Serde<ReadReport> serde() {
        InternalAvroSerde<EventReport> reports = InternalAvroSerde.of(EventReport.class, EventReportLayout.INSTANCE);
        return new Serde<>() {
            @Override
            public Serializer<ReadReport> serializer() {
                return (topic, read) -> read == null ? null : reports.serialize(topic, read.report());
            }

            @Override
            public Deserializer<ReadReport> deserializer() {
                return (topic, data) -> {
                    if (data == null) {
                        return null;
                    }
                    EventReport report = reports.deserialize(topic, data);
                    int offset = reports.avroBinaryOffset(data);
                    return new ReadReport(report, offset < 0 ? null : Arrays.copyOfRange(data, offset, data.length));
                };
            }

            @Override
            public void configure(Map<String, ?> configs, boolean isKey) {
                reports.configure(configs, isKey);
            }
        };
    }
}
