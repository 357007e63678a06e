package eu.clusternews.ingest.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.clusternews.avro.Consortium;
import eu.clusternews.avro.Organisation;
import eu.clusternews.avro.Programme;
import eu.clusternews.ingest.reference.ReferenceData;

/**
 * Synthetic but realistic news as JSON lines ({@code clusternews generate --count N --seed S}), for benchmarks
 * and tests: press releases of 2–3 KB in German, English, Polish, French, Spanish and Italian, published
 * 2014–2026, by the reference clusters about their consortia and programmes, with event dates and cities,
 * persons, some clusters the reference data does not know (about 1 in 8), some news without a publication date
 * (1 in 25) and some exact duplicates of an earlier item (1 in 30) — the stable id must count those once.
 * The same count and seed always give the same lines. The JSON-lines reader reads them back (fields
 * {@code title, body, url, publishedAt, source, publisher}; language is left to detection).
 */
public final class NewsGenerator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LANGUAGES = List.of("de", "en", "pl", "fr", "es", "it");
    private static final List<String> CITIES = List.of(
            "Berlin",
            "Brussels",
            "Lublin",
            "Toulouse",
            "Zaragoza",
            "Barcelona",
            "Pardubice",
            "Greifswald",
            "Sofia",
            "Kraków",
            "Montpellier",
            "Leeuwarden",
            "Milan",
            "Lisbon",
            "Vienna");
    private static final Map<String, String> POLISH_LOCATIVE = Map.ofEntries(
            Map.entry("Berlin", "Berlinie"),
            Map.entry("Brussels", "Brukseli"),
            Map.entry("Lublin", "Lublinie"),
            Map.entry("Toulouse", "Tuluzie"),
            Map.entry("Zaragoza", "Saragossie"),
            Map.entry("Barcelona", "Barcelonie"),
            Map.entry("Pardubice", "Pardubicach"),
            Map.entry("Greifswald", "Greifswaldzie"),
            Map.entry("Sofia", "Sofii"),
            Map.entry("Kraków", "Krakowie"),
            Map.entry("Montpellier", "Montpellier"),
            Map.entry("Leeuwarden", "Leeuwarden"),
            Map.entry("Milan", "Mediolanie"),
            Map.entry("Lisbon", "Lizbonie"),
            Map.entry("Vienna", "Wiedniu"));
    private static final List<String> UNKNOWN_CLUSTERS = List.of(
            "Cluster Nordlicht Photonik",
            "Klaster Innowacji Medycznych Pomorze",
            "Pôle Véhicule du Futur Alsace",
            "Clúster Marítimo de Cantabria",
            "Cluster Agroalimentare Marche",
            "Baltic Food Cluster Association",
            "Cluster Wasserstoff Lausitz",
            "Klaster Energii Odnawialnej Mazowsze");
    private static final List<String> PERSONS = List.of(
            "Anna Nowak",
            "Thomas Becker",
            "Marie Dubois",
            "Javier Romero",
            "Giulia Bianchi",
            "Kinga Kowalska",
            "Stefan Hoffmann",
            "Laura Martínez",
            "Piotr Zieliński",
            "Sophie Laurent");
    private static final String[] KINDS = {
        "training",
        "meeting",
        "conference",
        "study_visit",
        "label_award",
        "funding",
        "project_launch",
        "call",
        "partnership"
    };

    private final List<Organisation> clusters;
    private final List<Consortium> consortia;
    private final ReferenceData reference;

    public NewsGenerator(ReferenceData reference) {
        this.reference = reference;
        this.clusters = reference.organisations().stream()
                .filter(o -> reference.isCluster(o.getId()))
                .toList();
        this.consortia = reference.consortia();
    }

    /** {@code count} JSON lines (without line breaks), deterministic for the seed. */
    public Stream<String> jsonLines(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> produced = new ArrayList<>();
        return IntStream.range(0, count).mapToObj(i -> {
            String line;
            if (!produced.isEmpty() && random.nextInt(30) == 0) {
                line = produced.get(random.nextInt(produced.size()));
            } else {
                line = toJson(item(random, seed));
                if (produced.size() < 1000) {
                    produced.add(line);
                }
            }
            return line;
        });
    }

    /** Writes {@code count} lines to {@code out}. */
    public void write(int count, long seed, Writer out) {
        jsonLines(count, seed).forEach(line -> {
            try {
                out.write(line);
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private ObjectNode item(SplittableRandom r, long seed) {
        String lang = LANGUAGES.get(r.nextInt(LANGUAGES.size()));
        Consortium cons = consortia.get(r.nextInt(consortia.size()));
        List<String> memberIds = reference.memberIds(cons.getId());
        Organisation publisher = memberIds.isEmpty() || r.nextInt(4) == 0
                ? clusters.get(r.nextInt(clusters.size()))
                : reference
                        .organisation(memberIds.get(r.nextInt(memberIds.size())))
                        .orElseThrow();
        Organisation partner = clusters.get(r.nextInt(clusters.size()));
        String unknown = r.nextInt(8) == 0 ? UNKNOWN_CLUSTERS.get(r.nextInt(UNKNOWN_CLUSTERS.size())) : null;
        List<Programme> chain =
                cons.getProgrammeId() == null ? List.of() : reference.programmeChain(cons.getProgrammeId());
        String programme = chain.isEmpty() ? "COSME" : chain.get(0).getName();
        String parent = chain.size() > 1 ? chain.get(1).getShortName() : "COSME";
        String kind = KINDS[r.nextInt(KINDS.length)];
        int year = 2014 + r.nextInt(13);
        LocalDate published = LocalDate.of(year, 1 + r.nextInt(12), 1 + r.nextInt(28));
        LocalDate start = published.minusDays(3 + r.nextInt(40));
        LocalDate end = start.plusDays(r.nextInt(4));
        String city = CITIES.get(r.nextInt(CITIES.size()));
        String person = PERSONS.get(r.nextInt(PERSONS.size()));
        Texts t = Texts.of(lang);
        String title = publisher.getName() + ": " + t.title(kind, cons.getAcronym(), city);
        StringBuilder body = new StringBuilder();
        body.append(t.opening(
                        kind,
                        start,
                        end,
                        city,
                        POLISH_LOCATIVE.getOrDefault(city, city),
                        cons.getAcronym(),
                        partner.getName()))
                .append("\n\n");
        body.append(t.programme(cons.getAcronym(), programme, parent)).append(' ');
        body.append(t.quote(person, publisher.getName())).append("\n\n");
        if (unknown != null) {
            body.append(t.guest(unknown)).append("\n\n");
        }
        int target = 2048 + r.nextInt(1024);
        while (body.length() < target) {
            body.append(t.filler(r)).append(' ');
            if (r.nextInt(4) == 0) {
                body.append("\n\n");
            }
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("title", title);
        o.put("body", body.toString().strip());
        o.put(
                "url",
                "https://news.example.eu/" + lang + "/" + year + "/" + Integer.toHexString(title.hashCode()) + "-"
                        + r.nextInt(1_000_000));
        if (r.nextInt(25) != 0) {
            o.put("publishedAt", published.toString());
        }
        o.put("source", "generator:seed=" + seed);
        o.put("publisher", publisher.getName());
        return o;
    }

    private static String toJson(ObjectNode o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
