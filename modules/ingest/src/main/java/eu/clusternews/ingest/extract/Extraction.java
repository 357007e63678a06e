package eu.clusternews.ingest.extract;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import eu.clusternews.avro.Location;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.NewsKind;

/**
 * What one document reports, as extracted: the fields of a {@link NewsEvent} without the ingest time.
 *
 * @param id              stable news id ({@link NewsId})
 * @param source          where it was read from (the path as given, or the JSON-lines {@code source})
 * @param url             link to the original, or null
 * @param format          reader: text, html, rss, atom or jsonl
 * @param language        ISO 639-1 code, or null when not detected
 * @param title           the title
 * @param body            plain text of the body
 * @param publishedAt     publication date as stated, or null (never guessed)
 * @param kind            what it reports
 * @param eventStart      first day of the reported event, or null
 * @param eventEnd        last day of the reported event, or null
 * @param city            event city (canonical name), or null
 * @param country         ISO country of the event city, or null
 * @param publisherId     reference id of the publisher, or null when unknown
 * @param organiserId     reference id of the organisation or consortium the text says organised or hosted the event,
 *                        or null
 * @param organisationIds mentioned organisations (reference ids, first mention order, no repeats)
 * @param consortiumIds   mentioned consortia
 * @param programmeIds    mentioned programmes
 * @param unresolved      probable organisation names the reference data does not know
 * @param persons         names of persons mentioned (without titles)
 * @param mentions        every linked mention with its surface form, for explanations and tests
 */
public record Extraction(
        String id,
        String source,
        String url,
        String format,
        String language,
        String title,
        String body,
        LocalDate publishedAt,
        NewsKind kind,
        LocalDate eventStart,
        LocalDate eventEnd,
        String city,
        String country,
        String publisherId,
        String organiserId,
        List<String> organisationIds,
        List<String> consortiumIds,
        List<String> programmeIds,
        List<String> unresolved,
        List<String> persons,
        List<Mention> mentions) {

    /** A surface form in the text linked to a reference id. */
    public record Mention(String surface, String entityId) {}

    public Extraction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        body = body == null ? "" : body;
        organisationIds = List.copyOf(organisationIds);
        consortiumIds = List.copyOf(consortiumIds);
        programmeIds = List.copyOf(programmeIds);
        unresolved = List.copyOf(unresolved);
        persons = List.copyOf(persons);
        mentions = List.copyOf(mentions);
    }

    /** The Avro record for topic cluster-news; {@code ingestedAt} is the clock's now. */
    public NewsEvent toNewsEvent(Clock clock) {
        return NewsEvent.newBuilder()
                .setId(id)
                .setSource(source)
                .setUrl(url)
                .setFormat(format)
                .setLanguage(language)
                .setTitle(title)
                .setBody(body)
                .setPublishedAt(publishedAt)
                .setIngestedAt(clock.instant())
                .setKind(kind)
                .setEventStart(eventStart)
                .setEventEnd(eventEnd)
                .setLocation(city == null && country == null ? null : new Location(city, country))
                .setPublisherId(publisherId)
                .setOrganiserId(organiserId)
                .setOrganisationIds(organisationIds)
                .setConsortiumIds(consortiumIds)
                .setProgrammeIds(programmeIds)
                .setUnresolved(unresolved)
                .setPersons(persons)
                .build();
    }
}
