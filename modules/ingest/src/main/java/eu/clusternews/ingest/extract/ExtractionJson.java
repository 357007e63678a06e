package eu.clusternews.ingest.extract;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The output of {@code clusternews extract}: with {@code --format json} one JSON object per document per line
 * with the fields {@code id, source, language, publishedAt, title, kind, eventStart, eventEnd,
 * location{city,country}, mentions{organisations,consortia,programmes}, unresolved, persons} (plus
 * {@code url}, {@code format}, {@code publisher} and {@code organiser}); dates are ISO {@code yyyy-MM-dd} or null, kind is lower
 * case. With {@code --format text} a short block per document for people.
 */
public final class ExtractionJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExtractionJson() {}

    /** The JSON object of one extraction. */
    public static ObjectNode toJson(Extraction e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", e.id());
        o.put("source", e.source());
        o.put("language", e.language());
        o.put("publishedAt", iso(e.publishedAt()));
        o.put("title", e.title());
        o.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
        o.put("eventStart", iso(e.eventStart()));
        o.put("eventEnd", iso(e.eventEnd()));
        ObjectNode location = o.putObject("location");
        location.put("city", e.city());
        location.put("country", e.country());
        ObjectNode mentions = o.putObject("mentions");
        strings(mentions.putArray("organisations"), e.organisationIds());
        strings(mentions.putArray("consortia"), e.consortiumIds());
        strings(mentions.putArray("programmes"), e.programmeIds());
        strings(o.putArray("unresolved"), e.unresolved());
        strings(o.putArray("persons"), e.persons());
        o.put("publisher", e.publisherId());
        o.put("organiser", e.organiserId());
        o.put("url", e.url());
        o.put("format", e.format());
        return o;
    }

    /** One line of JSON, without a line break. */
    public static String toJsonLine(Extraction e) {
        try {
            return JSON.writeValueAsString(toJson(e));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write JSON for " + e.id(), ex);
        }
    }

    /** A readable block, ending with a blank line. */
    public static String toText(Extraction e) {
        StringBuilder b = new StringBuilder();
        b.append(e.title()).append('\n');
        line(b, "id", e.id());
        line(b, "source", e.source());
        line(b, "language", e.language());
        line(b, "published", iso(e.publishedAt()));
        line(b, "kind", e.kind().name().toLowerCase(Locale.ROOT));
        if (e.eventStart() != null) {
            line(
                    b,
                    "event",
                    e.eventStart().equals(e.eventEnd())
                            ? iso(e.eventStart())
                            : iso(e.eventStart()) + " .. " + iso(e.eventEnd()));
        }
        if (e.city() != null) {
            line(b, "location", e.city() + (e.country() == null ? "" : ", " + e.country()));
        }
        line(b, "publisher", e.publisherId());
        if (e.organiserId() != null) {
            line(b, "organiser", e.organiserId());
        }
        list(b, "organisations", e.organisationIds());
        list(b, "consortia", e.consortiumIds());
        list(b, "programmes", e.programmeIds());
        list(b, "unresolved", e.unresolved());
        list(b, "persons", e.persons());
        return b.append('\n').toString();
    }

    private static void line(StringBuilder b, String name, String value) {
        b.append("  ")
                .append(String.format(Locale.ROOT, "%-15s", name + ":"))
                .append(value == null ? "-" : value)
                .append('\n');
    }

    private static void list(StringBuilder b, String name, List<String> values) {
        line(b, name, values.isEmpty() ? "-" : String.join(", ", values));
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static String iso(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
