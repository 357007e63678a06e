package eu.clusternews.ingest.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A gazetteer of European cities (resource {@code places.tsv}): canonical English name, ISO country and the
 * spellings in other languages, including Polish and Czech inflected forms ("w Lublinie", "v Praze").
 * Matches only capitalised words, so "Nice" the city is found but not "nice" the word.
 */
public final class Places {

    /** A city found in text. */
    public record Place(String city, String country, int start, int end) {}

    private record Entry(List<String> folded, String city, String country) {}

    private final Map<String, List<Entry>> byFirstToken = new HashMap<>();

    public Places() {
        try (InputStream in = Places.class.getResourceAsStream("/eu/clusternews/ingest/places.tsv")) {
            if (in == null) {
                throw new IllegalStateException("resource /eu/clusternews/ingest/places.tsv is missing from the jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                List<String> names = new ArrayList<>();
                names.add(cols[0]);
                if (cols.length > 2) {
                    names.addAll(List.of(cols[2].split("\\|")));
                }
                for (String name : names) {
                    List<String> folded =
                            Tokens.of(name).stream().map(Tokens.Token::folded).toList();
                    if (!folded.isEmpty()) {
                        byFirstToken
                                .computeIfAbsent(folded.get(0), k -> new ArrayList<>())
                                .add(new Entry(folded, cols[0], cols[1]));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byFirstToken
                .values()
                .forEach(l -> l.sort((a, b) -> b.folded().size() - a.folded().size()));
    }

    /** Every city mention in text order. */
    public List<Place> find(List<Tokens.Token> tokens) {
        List<Place> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Tokens.Token t = tokens.get(i);
            if (!t.startsUpperCase()) {
                continue;
            }
            List<Entry> candidates = byFirstToken.get(t.folded());
            if (candidates == null) {
                continue;
            }
            for (Entry e : candidates) {
                int n = e.folded().size();
                if (i + n <= tokens.size() && matches(tokens, i, e.folded())) {
                    out.add(new Place(
                            e.city(),
                            e.country(),
                            t.start(),
                            tokens.get(i + n - 1).end()));
                    i += n - 1;
                    break;
                }
            }
        }
        return out;
    }

    private static boolean matches(List<Tokens.Token> tokens, int from, List<String> folded) {
        for (int k = 0; k < folded.size(); k++) {
            if (!tokens.get(from + k).folded().equals(folded.get(k))) {
                return false;
            }
        }
        return true;
    }
}
