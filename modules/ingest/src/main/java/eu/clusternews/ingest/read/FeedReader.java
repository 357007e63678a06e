package eu.clusternews.ingest.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import eu.clusternews.ingest.DocumentRejectedException;

/**
 * RSS 0.9x/1.0/2.0 and Atom feeds (ROME): one document per entry. The entry's published date (RSS
 * pubDate, Atom published) is the publication date, taken as a calendar date in {@link #FEED_ZONE} because
 * the feed library keeps instants, not the writer's offset; Atom's "updated" is not a publication date and is
 * not used. ROME's XmlReader handles the XML encoding declaration and BOMs; DOCTYPEs are refused
 * (no external entities).
 */
public final class FeedReader {

    /** Zone in which feed timestamps are turned into calendar dates: where the European publishers are. */
    public static final ZoneId FEED_ZONE = ZoneId.of("Europe/Brussels");

    public ReadResult read(String source, byte[] bytes) {
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(new XmlReader(new ByteArrayInputStream(bytes), true));
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new DocumentRejectedException(source, "not a readable RSS or Atom feed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new DocumentRejectedException(source, "broken feed: " + e, e);
        }
        String type = feed.getFeedType() == null ? "rss" : feed.getFeedType().toLowerCase(Locale.ROOT);
        DocumentFormat format = type.startsWith("atom") ? DocumentFormat.ATOM : DocumentFormat.RSS;
        String publisher = feed.getTitle() == null ? null : HtmlText.ofFragment(feed.getTitle());
        String language = feed.getLanguage() == null || feed.getLanguage().length() < 2
                ? null
                : feed.getLanguage().substring(0, 2).toLowerCase(Locale.ROOT);
        List<RawDocument> documents = new ArrayList<>();
        List<DocumentRejectedException> rejections = new ArrayList<>();
        int index = 0;
        for (SyndEntry entry : feed.getEntries()) {
            index++;
            String title = entry.getTitle() == null ? null : HtmlText.ofFragment(entry.getTitle());
            String body = body(entry);
            if ((title == null || title.isBlank()) && body.isBlank()) {
                rejections.add(
                        new DocumentRejectedException(source + "#" + index, "feed entry has neither a title nor text"));
                continue;
            }
            documents.add(new RawDocument(
                    source,
                    format,
                    title == null || title.isBlank() ? null : title,
                    body,
                    entry.getLink(),
                    date(entry.getPublishedDate()),
                    language,
                    publisher,
                    null,
                    ""));
        }
        if (documents.isEmpty() && rejections.isEmpty()) {
            throw new DocumentRejectedException(source, "the feed has no entries");
        }
        return new ReadResult(documents, rejections);
    }

    private static String body(SyndEntry entry) {
        StringBuilder b = new StringBuilder();
        for (SyndContent c : entry.getContents()) {
            if (c != null && c.getValue() != null) {
                b.append(c.getValue()).append("\n\n");
            }
        }
        if (b.length() == 0
                && entry.getDescription() != null
                && entry.getDescription().getValue() != null) {
            b.append(entry.getDescription().getValue());
        }
        return HtmlText.ofFragment(b.toString());
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toInstant().atZone(FEED_ZONE).toLocalDate();
    }
}
