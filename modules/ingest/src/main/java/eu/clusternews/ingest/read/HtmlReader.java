package eu.clusternews.ingest.read;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * HTML pages (jsoup): title from og:title, the first h1 or &lt;title&gt;; the main text of article, main or
 * body without navigation, scripts, asides and footers; the canonical URL; the publisher (og:site_name);
 * the declared language; the publication date from article:published_time, date/DC.date meta,
 * itemprop=datePublished or &lt;time datetime&gt;, else left to the extractor (visible date lines go to the
 * header).
 */
public final class HtmlReader {

    private static final Pattern ISO_DATE = Pattern.compile("^\\s*(\\d{4}-\\d{2}-\\d{2})");
    private static final String DATE_META = "meta[property=article:published_time], meta[name=article:published_time], "
            + "meta[name=date], meta[name=DC.date], meta[name=dc.date], meta[name=DC.date.issued], meta[name=dcterms.date], "
            + "meta[name=dcterms.issued], meta[itemprop=datePublished], meta[name=publication_date], meta[name=pubdate]";

    public RawDocument read(String source, String html) {
        Document doc = Jsoup.parse(html);
        String title = firstNonBlank(
                meta(doc, "meta[property=og:title], meta[name=twitter:title]"),
                textOf(doc.selectFirst("article h1, main h1, h1")),
                doc.title());
        String url =
                firstNonBlank(attr(doc.selectFirst("link[rel=canonical]"), "href"), meta(doc, "meta[property=og:url]"));
        String publisher = firstNonBlank(
                meta(doc, "meta[property=og:site_name]"), meta(doc, "meta[name=publisher], meta[name=DC.publisher]"));
        String lang = attr(doc.selectFirst("html[lang]"), "lang");
        if (lang != null) {
            lang = lang.strip().toLowerCase(Locale.ROOT);
            lang = lang.length() >= 2 ? lang.substring(0, 2) : null;
        }
        StringBuilder header = new StringBuilder();
        LocalDate published = isoDate(meta(doc, DATE_META));
        if (published == null) {
            Element time =
                    doc.selectFirst("time[pubdate], [itemprop=datePublished], article time[datetime], time[datetime]");
            if (time != null) {
                published = isoDate(firstNonBlank(time.attr("datetime"), time.attr("content")));
                if (published == null && time.closest("article, header, main") != null) {
                    header.append(time.text()).append('\n');
                }
            }
        }
        Element root = firstOf(doc, "article", "main", "[role=main]", "#content", ".content", "body");
        if (root == null) {
            root = doc;
        }
        root = root.clone();
        root.select("script, style, noscript, template, nav, aside, footer, form, iframe, svg, button, object, embed")
                .remove();
        for (Element dateish : root.select("[class*=date], [class*=meta], [class*=byline], time")) {
            if (dateish.text().length() <= 80) {
                header.append(dateish.text()).append('\n');
            }
        }
        Element h1 = root.selectFirst("h1");
        if (h1 != null && title != null && h1.text().strip().equals(title.strip())) {
            h1.remove();
        }
        String body = HtmlText.of(root);
        return new RawDocument(
                source,
                DocumentFormat.HTML,
                title == null ? null : HtmlText.normalise(title),
                body,
                url,
                published,
                lang,
                publisher,
                null,
                header.toString().strip());
    }

    private static Element firstOf(Document doc, String... selectors) {
        for (String s : selectors) {
            Element e = doc.selectFirst(s);
            if (e != null && !e.text().isBlank()) {
                return e;
            }
        }
        return null;
    }

    static LocalDate isoDate(String s) {
        if (s == null) {
            return null;
        }
        Matcher m = ISO_DATE.matcher(s);
        if (!m.find()) {
            return null;
        }
        try {
            return LocalDate.parse(m.group(1));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String meta(Document doc, String selector) {
        Element e = doc.selectFirst(selector);
        return e == null ? null : blankToNull(e.attr("content"));
    }

    private static String attr(Element e, String name) {
        return e == null ? null : blankToNull(e.attr(name));
    }

    private static String textOf(Element e) {
        return e == null ? null : blankToNull(e.text());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
