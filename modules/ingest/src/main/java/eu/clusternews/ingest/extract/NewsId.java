package eu.clusternews.ingest.extract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The stable news id: {@code news:} + the first 20 hex digits (80 bits) of SHA-256 over
 * {@code normalisedSource + "\n" + normalisedTitle + "\n" + (publishedAt ISO or "")}.
 *
 * <p>Normalisation, so that the same document re-encoded (UTF-8, Windows-1252, with or without BOM, CRLF)
 * or re-wrapped (title lines broken differently, another container: text file, HTML page, feed entry,
 * JSON line) gets the same id:
 * <ul>
 *   <li>source = who published it, not where we read it: the publisher's reference id when known, else the
 *       host of the document URL (lower case, without "www."), else the stated publisher name, else empty;
 *       the file path is never part of it;</li>
 *   <li>text (source name and title) = Unicode NFKC, lower case, typographic quotes, apostrophes and dashes
 *       unified, every run of whitespace one space, trimmed, trailing full stop dropped.</li>
 * </ul>
 */
public final class NewsId {

    private static final String QUOTES = "„“”«»\"″";
    private static final String APOSTROPHES = "‚‘’′`´";
    private static final String DASHES = "‐‑‒–—―−";

    private NewsId() {}

    public static String of(String normalisedSource, String title, LocalDate publishedAt) {
        String input = normalisedSource + "\n" + normaliseText(title) + "\n"
                + (publishedAt == null ? "" : publishedAt.toString());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
            return "news:" + HexFormat.of().formatHex(hash, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The source part: publisher id, else URL host, else publisher name, else "". */
    public static String source(String publisherId, String url, String publisherName) {
        if (publisherId != null) {
            return publisherId;
        }
        String host = host(url);
        if (host != null) {
            return host;
        }
        return publisherName == null ? "" : normaliseText(publisherName);
    }

    static String host(String url) {
        if (url == null) {
            return null;
        }
        try {
            String h = java.net.URI.create(url.strip()).getHost();
            if (h == null) {
                return null;
            }
            h = h.toLowerCase(Locale.ROOT);
            return h.startsWith("www.") ? h.substring(4) : h;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Typographic quotes, apostrophes and dashes unified and every run of whitespace (\\s, no-break and
     * zero-width spaces) one space, in one pass: no replacement makes a char another one would replace.
     */
    static String unify(String s) {
        StringBuilder b = null;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            char r = c;
            if (QUOTES.indexOf(c) >= 0) {
                r = '"';
            } else if (APOSTROPHES.indexOf(c) >= 0) {
                r = '\'';
            } else if (DASHES.indexOf(c) >= 0) {
                r = '-';
            } else if (isSpace(c)) {
                int j = i + 1;
                while (j < n && isSpace(s.charAt(j))) {
                    j++;
                }
                if (j > i + 1 || c != ' ') {
                    if (b == null) {
                        b = new StringBuilder(n).append(s, 0, i);
                    }
                    b.append(' ');
                    i = j - 1;
                    continue;
                }
            }
            if (b == null && r != c) {
                b = new StringBuilder(n).append(s, 0, i);
            }
            if (b != null) {
                b.append(r);
            }
        }
        return b == null ? s : b.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' '
                || c == '\t'
                || c == '\n'
                || c == '\u000B'
                || c == '\f'
                || c == '\r'
                || c == '\u00A0'
                || c == '\u200B';
    }

    public static String normaliseText(String s) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        n = unify(n).strip();
        while (n.endsWith(".")) {
            n = n.substring(0, n.length() - 1).stripTrailing();
        }
        return n;
    }
}
