package eu.clusternews.pipeline.internal;

import eu.clusternews.avro.EventReport;

/**
 * An event report as the internal decoding gives it: an {@link EventReport} that keeps its Avro binary, so that the
 * events listing it (the events store's changelog and cluster-events, written again at every commit that changes
 * the event) copy its bytes rather than encode its fields again. A report read from the event-reports topic keeps
 * the bytes it was read from; one decoded inside an event keeps the bytes of its first write.
 *
 * <p>Equal to an {@link EventReport} with the same fields ({@link #equals} compares as an EventReport; Avro's own
 * {@code equals} also wants the same class, so compare it on this side).
 */
public final class ReportWithBinary extends EventReport implements KeepsAvroBinary {

    private byte[] binary;

    private ReportWithBinary(EventReport r) {
        super(
                r.getNewsId(),
                r.getTitle(),
                r.getLanguage(),
                r.getPublisherId(),
                r.getPublishedAt(),
                r.getUrl(),
                r.getKind(),
                r.getEventStart(),
                r.getEventEnd(),
                r.getLocation(),
                r.getConsortiumIds(),
                r.getClusterIds(),
                r.getProgrammeIds());
    }

    /** The report's fields (shared, not copied) and its Avro binary in the current schema, or null if not known. */
    static ReportWithBinary of(EventReport report, byte[] binary) {
        ReportWithBinary keeper = new ReportWithBinary(report);
        keeper.binary = binary;
        return keeper;
    }

    @Override
    public byte[] keptAvroBinary() {
        return binary;
    }

    @Override
    public void keepAvroBinary(byte[] binary) {
        this.binary = binary;
    }

    /** Once the binary is kept, a change would make it wrong. */
    @Override
    public void put(int field, Object value) {
        if (binary != null) {
            throw new UnsupportedOperationException("An event report is not changed once written");
        }
        super.put(field, value);
    }

    @Override
    public boolean equals(Object other) {
        return other == this
                || other instanceof EventReport report && getSpecificData().compare(this, report, getSchema()) == 0;
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
