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
 * The reference records each stream thread has looked up, kept while the reference stores do not change ({@link
 * ReferenceChanges}), shared by the processors of one topology ({@link GlobalStoreLookup}). Every news mentions a few
 * of some tens to thousands of organisations, consortia and programmes, and reading one from its global store costs a
 * store lookup, two copies of its bytes and a decode-cache check: a quarter of the enrichment's time before.
 *
 * <p>The count of changes is read when the thread moves to another input record, never within one, so the enrichment
 * and the three fan-outs of a news see the same records whatever the global thread writes meanwhile. One per topology
 * built, so that a new application (or test driver) never sees another's records.
 */
final class ReferenceSnapshots {

    /** Ids kept per kind at most: unknown ids are kept too (as empty), and news may mention any number of them. */
    static final int MAX_KEPT_PER_KIND = 10_000;

    private final ReferenceChanges changes;
    private final ThreadLocal<Snapshot> current = ThreadLocal.withInitial(Snapshot::new);

    ReferenceSnapshots(ReferenceChanges changes) {
        this.changes = changes;
    }

    /** The calling thread's records for {@code record}: emptied first if the reference stores changed since. */
    Snapshot of(RecordMetadata record) {
        Snapshot snapshot = current.get();
        snapshot.moveTo(record, changes);
        return snapshot;
    }

    /** The records looked up since the reference stores last changed, by id (an empty Optional: the id is unknown). */
    static final class Snapshot {
        private String topic;
        private int partition = -1;
        private long offset = -1;
        private long changeCount = -1;
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

        /** The count of reference changes these records are as of: equal counts, the same records. */
        long changeCount() {
            return changeCount;
        }

        private void moveTo(RecordMetadata record, ReferenceChanges changes) {
            if (record.offset() == offset && record.partition() == partition && Objects.equals(record.topic(), topic)) {
                return;
            }
            topic = record.topic();
            partition = record.partition();
            offset = record.offset();
            // read before this record's lookups: a change landing after it shows at the next record
            long count = changes.count();
            if (count != changeCount
                    || organisations.size() > MAX_KEPT_PER_KIND
                    || consortia.size() > MAX_KEPT_PER_KIND
                    || programmes.size() > MAX_KEPT_PER_KIND) {
                changeCount = count;
                organisations.clear();
                consortia.clear();
                programmes.clear();
            }
        }
    }
}
