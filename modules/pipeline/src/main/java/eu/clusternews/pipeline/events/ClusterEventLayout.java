package eu.clusternews.pipeline.events;

import static eu.clusternews.pipeline.internal.BinaryLayout.enumIndex;
import static eu.clusternews.pipeline.internal.BinaryLayout.nullableDate;
import static eu.clusternews.pipeline.internal.BinaryLayout.strings;
import static eu.clusternews.pipeline.internal.BinaryLayout.writeNullable;
import static eu.clusternews.pipeline.internal.BinaryLayout.writeStrings;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import eu.clusternews.avro.ClusterEvent;
import eu.clusternews.avro.EventReport;
import eu.clusternews.avro.NewsKind;
import eu.clusternews.pipeline.internal.BinaryLayout;
import eu.clusternews.registry.KeptItemBinaries;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;

/**
 * ClusterEvent's binary, field by field: every event a commit changed is written back (to its changelog, and the same
 * bytes to cluster-events), and Avro's generic writer made that 4.5 % of a rebuild's stream thread. The listed reports
 * are written from the binaries their {@link ListedReports} keep, each report encoded once while it stays listed.
 */
public final class ClusterEventLayout implements BinaryLayout<ClusterEvent> {

    public static final ClusterEventLayout INSTANCE = new ClusterEventLayout();

    private static final NewsKind[] KINDS = NewsKind.values();

    /** What the kept report binaries are kept for: the item schema Avro's writer of ClusterEvent uses too. */
    static final Schema REPORT_SCHEMA =
            ClusterEvent.getClassSchema().getField("reports").schema().getElementType();

    private ClusterEventLayout() {}

    @Override
    public List<String> fields() {
        return List.of(
                "id string",
                "kind NewsKind",
                "kindVotes map<long>",
                "start null|date",
                "end null|date",
                "location null|Location(city null|string, country null|string)",
                "placeVotes map<long>",
                "consortiumIds array<string>",
                "clusterIds array<string>",
                "programmeIds array<string>",
                "languages array<string>",
                "firstReportedAt null|date",
                "lastReportedAt null|date",
                "reportCount long",
                // each report as EventReportLayout writes it (its own test ties that to EventReport's schema)
                "reports array<EventReport(" + String.join(", ", EventReportLayout.INSTANCE.fields()) + ")>");
    }

    @Override
    public void write(ClusterEvent e, BinaryEncoder out) throws IOException {
        out.writeString(e.getId());
        out.writeEnum(e.getKind().ordinal());
        writeVotes(e.getKindVotes(), out);
        writeNullable(e.getStart(), out);
        writeNullable(e.getEnd(), out);
        EventReportLayout.writeLocation(e.getLocation(), out);
        writeVotes(e.getPlaceVotes(), out);
        writeStrings(e.getConsortiumIds(), out);
        writeStrings(e.getClusterIds(), out);
        writeStrings(e.getProgrammeIds(), out);
        writeStrings(e.getLanguages(), out);
        writeNullable(e.getFirstReportedAt(), out);
        writeNullable(e.getLastReportedAt(), out);
        out.writeLong(e.getReportCount());
        writeReports(e.getReports(), out);
    }

    @Override
    public ClusterEvent read(BinaryDecoder in) throws IOException {
        ClusterEvent e = new ClusterEvent();
        e.setId(in.readString());
        e.setKind(KINDS[enumIndex(in, KINDS.length)]);
        e.setKindVotes(votes(in));
        e.setStart(nullableDate(in));
        e.setEnd(nullableDate(in));
        e.setLocation(EventReportLayout.location(in));
        e.setPlaceVotes(votes(in));
        e.setConsortiumIds(strings(in));
        e.setClusterIds(strings(in));
        e.setProgrammeIds(strings(in));
        e.setLanguages(strings(in));
        e.setFirstReportedAt(nullableDate(in));
        e.setLastReportedAt(nullableDate(in));
        e.setReportCount(in.readLong());
        e.setReports(reports(in));
        return e;
    }

    /** A {@code map<long>} in the map's own order, as Avro's writer iterates it. */
    private static void writeVotes(Map<String, Long> votes, BinaryEncoder out) throws IOException {
        out.writeMapStart();
        out.setItemCount(votes.size());
        for (Map.Entry<String, Long> vote : votes.entrySet()) {
            out.startItem();
            out.writeString(vote.getKey());
            out.writeLong(vote.getValue());
        }
        out.writeMapEnd();
    }

    /** Sorted, as {@link EventAssembly} makes them: an event read and written again gives the same bytes. */
    private static Map<String, Long> votes(BinaryDecoder in) throws IOException {
        Map<String, Long> votes = new TreeMap<>();
        for (long n = in.readMapStart(); n > 0; n = in.mapNext()) {
            for (long i = 0; i < n; i++) {
                String key = in.readString();
                votes.put(key, in.readLong());
            }
        }
        return votes;
    }

    private static void writeReports(List<EventReport> reports, BinaryEncoder out) throws IOException {
        KeptItemBinaries kept = reports instanceof KeptItemBinaries k ? k : null;
        out.writeArrayStart();
        out.setItemCount(reports.size());
        for (int i = 0; i < reports.size(); i++) {
            out.startItem();
            if (kept == null) {
                EventReportLayout.INSTANCE.write(reports.get(i), out);
            } else {
                out.writeFixed(
                        kept.binary(i, REPORT_SCHEMA, index -> EventReportLayout.INSTANCE.binary(reports.get(index))));
            }
        }
        out.writeArrayEnd();
    }

    private static List<EventReport> reports(BinaryDecoder in) throws IOException {
        long n = in.readArrayStart();
        List<EventReport> reports = new ArrayList<>((int) Math.min(n, EventAssembly.MAX_LISTED_REPORTS));
        for (; n > 0; n = in.arrayNext()) {
            for (long i = 0; i < n; i++) {
                reports.add(EventReportLayout.INSTANCE.read(in));
            }
        }
        return reports;
    }
}
