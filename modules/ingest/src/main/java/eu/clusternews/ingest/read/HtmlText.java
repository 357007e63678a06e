package eu.clusternews.ingest.read;

import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Plain text of an HTML fragment or element with paragraph breaks at block elements. Walks the tree
 * iteratively (jsoup's NodeTraversor), so deeply nested markup cannot overflow the stack.
 */
final class HtmlText {

    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "section",
            "article",
            "main",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "li",
            "ul",
            "ol",
            "blockquote",
            "figcaption",
            "figure",
            "pre",
            "dd",
            "dt",
            "dl",
            "table",
            "tr",
            "td",
            "th",
            "br",
            "header",
            "footer",
            "address",
            "hr");

    private HtmlText() {}

    static String ofFragment(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return normalise(html);
        }
        return of(Jsoup.parseBodyFragment(html).body());
    }

    static String of(Element root) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode t) {
                            out.append(t.getWholeText());
                        } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                            out.append("\n\n");
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                            out.append("\n\n");
                        }
                    }
                },
                root);
        return normalise(out.toString());
    }

    /** Spaces collapsed within lines, at most one blank line between paragraphs, trimmed. */
    static String normalise(String text) {
        StringBuilder b = new StringBuilder(text.length());
        int newlines = 0;
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                newlines++;
                space = false;
            } else if (Character.isWhitespace(c) || c == '\u00A0' || Character.isISOControl(c)) {
                space = true;
            } else {
                if (b.length() > 0) {
                    if (newlines > 0) {
                        b.append(newlines > 1 ? "\n\n" : "\n");
                    } else if (space) {
                        b.append(' ');
                    }
                }
                newlines = 0;
                space = false;
                b.append(c);
            }
        }
        return b.toString();
    }
}
