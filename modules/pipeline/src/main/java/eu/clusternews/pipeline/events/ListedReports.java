package eu.clusternews.pipeline.events;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

import eu.clusternews.avro.EventReport;
import eu.clusternews.registry.KeptItemBinaries;
import org.apache.avro.Schema;

/**
 * An event's listed reports: an unmodifiable list that keeps each report's Avro binary once the event has been written
 * ({@link KeptItemBinaries}) and hands it on to every list made from it. An event is encoded again at each commit in
 * which a report joined it, and its up to {@value EventAssembly#MAX_LISTED_REPORTS} listed reports were nearly all of
 * that work, while a joining report changes at most one of them: so each report is encoded once while it stays listed.
 * The reports themselves are never changed (they are the values read from the event-reports topic).
 */
final class ListedReports extends AbstractList<EventReport> implements RandomAccess, KeptItemBinaries {

    private static final ListedReports NONE = new ListedReports(new EventReport[0], new byte[0][], null);

    private final EventReport[] reports;
    private final byte[][] binaries;
    /** The report schema the kept binaries were written with (null: none kept yet). */
    private Schema keptFor;

    private ListedReports(EventReport[] reports, byte[][] binaries, Schema keptFor) {
        this.reports = reports;
        this.binaries = binaries;
        this.keptFor = keptFor;
    }

    /** The list of one report. */
    static ListedReports of(EventReport report) {
        return new ListedReports(new EventReport[] {report}, new byte[1][], null);
    }

    /** The list of one report, with its Avro binary in {@code itemSchema} when known (null: not known). */
    static ListedReports of(EventReport report, byte[] binary, Schema itemSchema) {
        return binary == null
                ? of(report)
                : new ListedReports(new EventReport[] {report}, new byte[][] {binary}, itemSchema);
    }

    /** {@code reports} as listed reports: the same object when it is one, else its reports with no binary kept yet. */
    static ListedReports of(List<EventReport> reports) {
        if (reports instanceof ListedReports listed) {
            return listed;
        }
        return reports.isEmpty()
                ? NONE
                : new ListedReports(reports.toArray(new EventReport[0]), new byte[reports.size()][], null);
    }

    /** Collects the reports of a merge in order, with the binaries their lists kept for one schema. */
    static final class Merged {
        private final EventReport[] reports;
        private final byte[][] binaries;
        private final Schema keptFor;
        private int size;

        /** @param a, b the two lists merged: the binaries kept for the schema of the first that kept any are carried */
        Merged(int capacity, ListedReports a, ListedReports b) {
            reports = new EventReport[capacity];
            binaries = new byte[capacity][];
            keptFor = a.keptFor != null ? a.keptFor : b.keptFor;
        }

        int size() {
            return size;
        }

        /** Appends the report at {@code index} of {@code from}, with its kept binary when kept for this schema. */
        void add(ListedReports from, int index) {
            reports[size] = from.reports[index];
            binaries[size] = from.keptFor == keptFor ? from.binaries[index] : null;
            size++;
        }

        ListedReports build() {
            return size == reports.length
                    ? new ListedReports(reports, binaries, keptFor)
                    : new ListedReports(Arrays.copyOf(reports, size), Arrays.copyOf(binaries, size), keptFor);
        }
    }

    @Override
    public EventReport get(int index) {
        return reports[index];
    }

    @Override
    public int size() {
        return reports.length;
    }

    @Override
    public byte[] binary(int index, Schema itemSchema) {
        return itemSchema == keptFor ? binaries[index] : null;
    }

    @Override
    public void keep(int index, Schema itemSchema, byte[] binary) {
        if (itemSchema != keptFor) { // written with another schema: the binaries kept so far are not this one's
            Arrays.fill(binaries, null);
            keptFor = itemSchema;
        }
        binaries[index] = binary;
    }
}
