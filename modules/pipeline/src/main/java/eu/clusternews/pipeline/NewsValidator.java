package eu.clusternews.pipeline;

import java.util.Objects;

import eu.clusternews.avro.NewsEvent;
import eu.clusternews.registry.RegistryUnreachableException;
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
     * The largest cluster-news value accepted, in bytes (the Confluent header included). The enriched copy
     * of a news is a little larger than the news and must fit in one record of cluster-news-enriched
     * (Kafka's default limit is 1 MB); a news beyond it would fail the task on every retry instead of
     * reaching the dead-letter topic.
     */
    public static final int MAX_VALUE_BYTES = 512 * 1024;

    private final Deserializer<NewsEvent> deserializer;

    public NewsValidator(Deserializer<NewsEvent> deserializer) {
        this.deserializer = Objects.requireNonNull(deserializer, "deserializer");
    }

    /**
     * The decoded news event.
     *
     * @throws InvalidNewsException when the value is null, over {@link #MAX_VALUE_BYTES}, cannot be decoded, lacks its id or title,
     *                              or the key is not the news id (dedupe relies on news-id keys)
     * @throws RegistryUnreachableException when the registry gives no usable answer for the writer's schema
     */
    public NewsEvent validate(String topic, String key, byte[] value) {
        if (value == null) {
            throw new InvalidNewsException("null value (a tombstone) in " + topic + ": news are never deleted");
        }
        if (value.length > MAX_VALUE_BYTES) {
            throw new InvalidNewsException("value of " + value.length + " bytes is over the limit of " + MAX_VALUE_BYTES
                    + " bytes for one news (its enriched copy must fit in one Kafka record)");
        }
        NewsEvent news;
        try {
            news = deserializer.deserialize(topic, value);
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
        return news;
    }
}
