package eu.clusternews.ingest.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Plain-text press releases like the seed: an optional document-type line ("Meldung", "Press release",
 * "Komunikat prasowy", ...), optional date or byline lines, the title (the first paragraph, its lines joined,
 * so a re-wrapped title reads the same), then the body. Lines inside a paragraph are joined; photo credits
 * ("©", "Foto:", "Photo:") stay as their own paragraph; a caption repeating the title is dropped.
 */
public final class TextReader {

    private static final Set<String> DOC_TYPES = Set.of(
            "meldung",
            "pressemitteilung",
            "pressemeldung",
            "kurzmeldung",
            "aktuelles",
            "nachricht",
            "news",
            "press release",
            "press-release",
            "pressrelease",
            "komunikat",
            "komunikat prasowy",
            "aktualnosci",
            "aktualności",
            "wiadomosci",
            "communiqué",
            "communiqué de presse",
            "communique de presse",
            "actualité",
            "actualités",
            "nota de prensa",
            "comunicado de prensa",
            "noticia",
            "noticias",
            "comunicato stampa",
            "notizia",
            "tisková zpráva",
            "съобщение",
            "новина");
    private static final Pattern DATE_LINE = Pattern.compile(
            "(?iu)^\\s*(?:(?:submitted|published|posted|updated|date|datum|stand|veröffentlicht|data|publié|publicado|pubblicato|opublikowano)\\b[^\\n]{0,40})?"
                    + "[\\d.\\s/-]*\\p{L}*[\\d.,\\s/-]*\\d{4}\\s*$");
    private static final Pattern DIGIT_GROUPS = Pattern.compile("\\d+");
    private static final Pattern CREDIT = Pattern.compile(
            "(?iu)^\\s*(?:©|\\(c\\)|foto\\s*:|fot\\.|photo\\s*:|bild\\s*:|crédits?\\s*:|crédito\\s*:|zdjęcie\\s*:)");

    /** Reads one document from decoded text. */
    public RawDocument read(String source, String text) {
        List<String> lines = List.of(Decoding.lines(text).split("\n", -1));
        int i = skipBlank(lines, 0);
        StringBuilder header = new StringBuilder();
        if (i < lines.size() && DOC_TYPES.contains(lines.get(i).strip().toLowerCase(Locale.ROOT))) {
            header.append(lines.get(i).strip()).append('\n');
            i = skipBlank(lines, i + 1);
        }
        while (i < lines.size() && isDateLine(lines.get(i))) {
            header.append(lines.get(i).strip()).append('\n');
            i = skipBlank(lines, i + 1);
        }
        List<List<String>> paragraphs = paragraphs(lines, i);
        String title = null;
        if (!paragraphs.isEmpty()) {
            String first = join(paragraphs.get(0));
            if (first.length() <= 300) {
                title = first;
                paragraphs = paragraphs.subList(1, paragraphs.size());
            }
        }
        List<String> body = new ArrayList<>();
        for (List<String> p : paragraphs) {
            List<String> running = new ArrayList<>();
            for (String line : p) {
                String s = line.strip();
                if (title != null && squash(s).equals(squash(title))) {
                    continue;
                }
                if (CREDIT.matcher(s).find()) {
                    flush(body, running);
                    body.add(s);
                } else {
                    running.add(s);
                }
            }
            flush(body, running);
        }
        return new RawDocument(
                source,
                DocumentFormat.TEXT,
                title,
                String.join("\n\n", body),
                null,
                null,
                null,
                null,
                null,
                header.toString().strip());
    }

    /** A short line that is a date (at least a day and a year), possibly after "Submitted on" and the like. */
    private static boolean isDateLine(String line) {
        return line.strip().length() <= 80
                && DATE_LINE.matcher(line).matches()
                && DIGIT_GROUPS.matcher(line).results().count() >= 2;
    }

    private static void flush(List<String> body, List<String> running) {
        if (!running.isEmpty()) {
            body.add(join(running));
            running.clear();
        }
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static int skipBlank(List<String> lines, int i) {
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        return i;
    }

    private static List<List<String>> paragraphs(List<String> lines, int from) {
        List<List<String>> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                if (!current.isEmpty()) {
                    out.add(current);
                    current = new ArrayList<>();
                }
            } else {
                current.add(lines.get(i));
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private static String join(List<String> lines) {
        return HtmlText.normalise(String.join(" ", lines));
    }
}
