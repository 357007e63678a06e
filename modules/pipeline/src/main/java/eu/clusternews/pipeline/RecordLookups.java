package eu.clusternews.pipeline;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import eu.clusternews.avro.Consortium;
import eu.clusternews.avro.Organisation;
import eu.clusternews.avro.Programme;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * The reference records looked up for the input record each stream thread is processing, shared by the processors of
 * one topology ({@link GlobalStoreLookup}): the enrichment and the three fan-outs of a news look up mostly the same
 * ids, and a task processes one record at a time from its source to its sinks. Emptied when the thread moves to
 * another record. One per topology built, so that a new application (or test driver) never sees another's lookups.
 */
final class RecordLookups {

    private final ThreadLocal<OfRecord> current = ThreadLocal.withInitial(OfRecord::new);

    /** The lookups kept for {@code record}: those made so far when it is the thread's current record, else none. */
    OfRecord of(RecordMetadata record) {
        OfRecord lookups = current.get();
        lookups.moveTo(record);
        return lookups;
    }

    /** The lookups of one input record, by id (an empty Optional: the id is unknown). */
    static final class OfRecord {
        private String topic;
        private int partition = -1;
        private long offset = -1;
        private final Map<String, Optional<Organisation>> organisations = new HashMap<>();
        private final Map<String, Optional<Consortium>> consortia = new HashMap<>();
        private final Map<String, Optional<Programme>> programmes = new HashMap<>();

        Map<String, Optional<Organisation>> organisations() {
            return organisations;
        }

        Map<String, Optional<Consortium>> consortia() {
            return consortia;
        }

        Map<String, Optional<Programme>> programmes() {
            return programmes;
        }

        private void moveTo(RecordMetadata record) {
            if (record.offset() != offset
                    || record.partition() != partition
                    || !Objects.equals(record.topic(), topic)) {
                topic = record.topic();
                partition = record.partition();
                offset = record.offset();
                organisations.clear();
                consortia.clear();
                programmes.clear();
            }
        }
    }
}
