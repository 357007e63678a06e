package eu.clusternews.pipeline.events;

import static eu.clusternews.pipeline.internal.BinaryLayout.enumIndex;
import static eu.clusternews.pipeline.internal.BinaryLayout.nullableDate;
import static eu.clusternews.pipeline.internal.BinaryLayout.nullableString;
import static eu.clusternews.pipeline.internal.BinaryLayout.present;
import static eu.clusternews.pipeline.internal.BinaryLayout.strings;
import static eu.clusternews.pipeline.internal.BinaryLayout.writeNullable;
import static eu.clusternews.pipeline.internal.BinaryLayout.writeStrings;

import java.io.IOException;
import java.util.List;

import eu.clusternews.avro.EventReport;
import eu.clusternews.avro.Location;
import eu.clusternews.avro.NewsKind;
import eu.clusternews.pipeline.internal.BinaryLayout;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;

/**
 * EventReport's binary, field by field: one report per news goes through the event-reports topic, and Avro's generic
 * writer made encoding it 9 % of the stream thread.
 */
public final class EventReportLayout implements BinaryLayout<EventReport> {

    public static final EventReportLayout INSTANCE = new EventReportLayout();

    private static final NewsKind[] KINDS = NewsKind.values();

    private EventReportLayout() {}

    @Override
    public List<String> fields() {
        return List.of(
                "newsId string",
                "title string",
                "language null|string",
                "publisherId null|string",
                "publishedAt null|date",
                "url null|string",
                "kind NewsKind",
                "eventStart null|date",
                "eventEnd null|date",
                "location null|Location(city null|string, country null|string)",
                "consortiumIds array<string>",
                "clusterIds array<string>",
                "programmeIds array<string>");
    }

    @Override
    public void write(EventReport r, BinaryEncoder out) throws IOException {
        out.writeString(r.getNewsId());
        out.writeString(r.getTitle());
        writeNullable(r.getLanguage(), out);
        writeNullable(r.getPublisherId(), out);
        writeNullable(r.getPublishedAt(), out);
        writeNullable(r.getUrl(), out);
        out.writeEnum(r.getKind().ordinal());
        writeNullable(r.getEventStart(), out);
        writeNullable(r.getEventEnd(), out);
        writeLocation(r.getLocation(), out);
        writeStrings(r.getConsortiumIds(), out);
        writeStrings(r.getClusterIds(), out);
        writeStrings(r.getProgrammeIds(), out);
    }

    @Override
    public EventReport read(BinaryDecoder in) throws IOException {
        EventReport r = new EventReport();
        r.setNewsId(in.readString());
        r.setTitle(in.readString());
        r.setLanguage(nullableString(in));
        r.setPublisherId(nullableString(in));
        r.setPublishedAt(nullableDate(in));
        r.setUrl(nullableString(in));
        r.setKind(KINDS[enumIndex(in, KINDS.length)]);
        r.setEventStart(nullableDate(in));
        r.setEventEnd(nullableDate(in));
        r.setLocation(location(in));
        r.setConsortiumIds(strings(in));
        r.setClusterIds(strings(in));
        r.setProgrammeIds(strings(in));
        return r;
    }

    /** A {@code ["null", Location]}: reports and events both carry one. */
    static void writeLocation(Location location, BinaryEncoder out) throws IOException {
        if (location == null) {
            out.writeIndex(0);
        } else {
            out.writeIndex(1);
            writeNullable(location.getCity(), out);
            writeNullable(location.getCountry(), out);
        }
    }

    static Location location(BinaryDecoder in) throws IOException {
        if (!present(in)) {
            return null;
        }
        String city = nullableString(in);
        String country = nullableString(in);
        return new Location(city, country);
    }
}
