package eu.clusternews.pipeline;

import java.util.Objects;

import eu.clusternews.avro.NewsEvent;
import eu.clusternews.pipeline.internal.NewsWithoutBody;
import eu.clusternews.pipeline.internal.WithNewsBytes;
import eu.clusternews.registry.RegistryUnreachableException;
import eu.clusternews.registry.SpecificAvroDeserializer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Decodes a cluster-news value and checks that the pipeline can use it, or says why not with an
 * {@link InvalidNewsException}.
 *
 * <p>A registry outage is not the record's fault: a {@link RegistryUnreachableException} (no answer,
 * timeout, 5xx, 401/403, an answer that is not the registry's; the client has already retried) is
 * rethrown as it is, so the task fails and the record is read again, instead of good news going to
 * the dead-letter topic. Only bytes that are not the wire format, an id the registry itself answers
 * "not found" for, and undecodable or incomplete news are bad input.
 */
public final class NewsValidator {

    /**
     * The longest news id accepted, in characters. Ingest's ids are about 25 ({@code news:} and a hash); the id is
     * the key of every record the news gives, so a longer one is refused rather than cut (a cut id would be another
     * news). There is no limit on a news' size: whatever the broker accepted is processed, its enriched copy bounded
     * by {@link EnrichmentBounds}.
     */
    public static final int MAX_ID_CHARS = 256;

    private final Deserializer<NewsEvent> deserializer;
    private final NewsWithoutBody withoutBody = new NewsWithoutBody();

    public NewsValidator(Deserializer<NewsEvent> deserializer) {
        this.deserializer = Objects.requireNonNull(deserializer, "deserializer");
    }

    /**
     * The decoded news event, with the value when it is in our schema's binary layout, so that its Avro binary can be
     * copied into the enriched copy instead of encoding the news again; the body of such a news is not decoded (null:
     * {@link NewsWithoutBody}).
     *
     * @throws InvalidNewsException when the value is null, cannot be decoded, lacks its id or title, has an id over
     *                              {@link #MAX_ID_CHARS},
     *                              or the key is not the news id (dedupe relies on news-id keys)
     * @throws RegistryUnreachableException when the registry gives no usable answer for the writer's schema
     */
    public WithNewsBytes<NewsEvent> validate(String topic, String key, byte[] value) {
        if (value == null) {
            throw new InvalidNewsException("null value (a tombstone) in " + topic + ": news are never deleted");
        }
        NewsEvent news;
        boolean inOurLayout;
        try {
            inOurLayout = deserializer instanceof SpecificAvroDeserializer<NewsEvent> confluent
                    && confluent.inReaderLayout(topic, value);
            news = inOurLayout ? withoutBody.read(topic, value) : deserializer.deserialize(topic, value);
        } catch (RuntimeException e) {
            if (RegistryUnreachableException.foundIn(e)) {
                // the registry is down, timed out, refused the credentials or answered nonsense: not the record's
                // fault. Rethrown as it is, so the task fails and the record is read again; never dead-lettered
                throw e;
            }
            // SerializationException: not the wire format, an id the registry itself does not know, corrupt Avro;
            // anything else: Avro resolution and decoding errors that a deserializer did not wrap
            throw new InvalidNewsException(
                    "undecodable value: " + (e instanceof SerializationException ? e.getMessage() : e.toString()), e);
        }
        if (news == null) {
            throw new InvalidNewsException("value decoded to null");
        }
        if (news.getId() == null || news.getId().isBlank()) {
            throw new InvalidNewsException("missing required field id");
        }
        if (news.getId().length() > MAX_ID_CHARS) {
            throw new InvalidNewsException("id of " + news.getId().length() + " characters is over the limit of "
                    + MAX_ID_CHARS + " (news ids are hashes, like news:3f2a…)");
        }
        if (news.getTitle() == null || news.getTitle().isBlank()) {
            throw new InvalidNewsException("missing required field title (news " + news.getId() + ")");
        }
        if (key == null) {
            throw new InvalidNewsException(
                    "no key; records of " + topic + " are keyed by news id (" + news.getId() + ")");
        }
        if (!key.equals(news.getId())) {
            throw new InvalidNewsException("key '" + key + "' is not the news id '" + news.getId() + "'; records of "
                    + topic + " are keyed by news id");
        }
        return new WithNewsBytes<>(news, inOurLayout ? value : null);
    }
}
