package eu.clusternews.pipeline.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import eu.clusternews.avro.ClusterEvent;
import eu.clusternews.avro.EventReport;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * The records the internal encoding decodes as {@link KeepsAvroBinary} (today: event reports, which every event lists
 * and which are written again, unchanged, each time their event changes: 80 % of an event's bytes), and the writer
 * that copies a kept binary instead of encoding the record.
 */
final class KeptBinaries {

    private KeptBinaries() {}

    /**
     * The decoded record with its event reports, at any depth, as keepers of their binary: a report read on its own
     * keeps {@code binary} (the bytes it was read from, when they are in its current schema; else null), a report
     * listed in an event keeps the bytes of its first write. A copy of each report, not a reader that makes them so:
     * Avro's fast reader (2-3x the speed of the resolving one) works only with its own models.
     */
    @SuppressWarnings("unchecked")
    static <T> T withKeepers(T decoded, byte[] binary) {
        if (decoded instanceof EventReport report) {
            return (T) ReportWithBinary.of(report, binary);
        }
        if (decoded instanceof ClusterEvent event) {
            List<EventReport> listed = new ArrayList<>(event.getReports().size());
            for (EventReport report : event.getReports()) {
                listed.add(ReportWithBinary.of(report, null));
            }
            event.setReports(listed);
        }
        return decoded;
    }

    /** A writer of {@code schema} that writes a record keeping its binary as those bytes, keeping it on first write. */
    static <T> SpecificDatumWriter<T> writer(Schema schema, SpecificData model) {
        return new Writer<>(schema, model);
    }

    private static final class Writer<T> extends SpecificDatumWriter<T> {
        /** A nested schema found to encode like the kept binaries' own (same parsing canonical form). */
        private volatile Schema verified;

        Writer(Schema schema, SpecificData model) {
            super(schema, model);
        }

        @Override
        protected void writeRecord(Schema schema, Object datum, Encoder out) throws IOException {
            if (!(datum instanceof KeepsAvroBinary keeper) || !encodesAsItsOwn(schema, keeper)) {
                super.writeRecord(schema, datum, out);
                return;
            }
            byte[] binary = keeper.keptAvroBinary();
            if (binary == null) {
                binary = encodeAlone(schema, datum);
                keeper.keepAvroBinary(binary);
            }
            out.writeFixed(binary);
        }

        /** Whether {@code schema} writes the record as its own class's schema does, in which its binary is kept. */
        private boolean encodesAsItsOwn(Schema schema, KeepsAvroBinary keeper) {
            if (schema == verified) {
                return true;
            }
            Schema own = ((org.apache.avro.generic.IndexedRecord) keeper).getSchema();
            if (schema != own
                    && SchemaNormalization.parsingFingerprint64(schema)
                            != SchemaNormalization.parsingFingerprint64(own)) {
                return false;
            }
            verified = schema;
            return true;
        }

        private byte[] encodeAlone(Schema schema, Object datum) throws IOException {
            Nested nested = NESTED.get();
            nested.reset();
            nested.encoder = EncoderFactory.get().binaryEncoder(nested, nested.encoder);
            super.writeRecord(schema, datum, nested.encoder);
            nested.encoder.flush();
            return nested.toByteArray();
        }
    }

    /** The buffer a nested record is encoded into while the record holding it is being encoded into another. */
    private static final ThreadLocal<Nested> NESTED = ThreadLocal.withInitial(Nested::new);

    private static final class Nested extends ByteArrayOutputStream {
        BinaryEncoder encoder;

        Nested() {
            super(1024);
        }
    }
}
