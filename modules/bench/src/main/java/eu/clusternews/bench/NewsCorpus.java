package eu.clusternews.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import eu.clusternews.avro.EnrichedNews;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.pipeline.Enricher;
import eu.clusternews.pipeline.FanOut;
import eu.clusternews.pipeline.ReferenceLookup;
import eu.clusternews.pipeline.events.EventReports;
import eu.clusternews.registry.ConfluentWireFormat;
import eu.clusternews.topics.TopicSpec;
import org.apache.avro.io.BinaryData;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Generated news, serialized once as cluster-news values, that any number of records can be drawn from: record
 * {@code i} is document {@code i % size} under news id {@code id} in the first round and {@code id~r} in round
 * {@code r = i / size}, so a long stream never repeats an id across rounds (dedupe would drop it) while the
 * generator's own duplicates inside a round stay duplicates.
 *
 * <p>It also knows how many aggregate updates each record causes (contributions per cluster, consortium and
 * programme, as the pipeline's {@link Enricher} and {@link FanOut} compute them; none for a duplicate), which is how
 * the benchmarks know when the pipeline has processed everything.
 */
final class NewsCorpus {

    private final String[] ids;
    private final byte[][] values;
    private final int[] updates;
    /** Per record, the aggregates it updates: output topic + "/" + entity id; none for a duplicate. */
    private final String[][] entities;

    private final long updatesPerRound;
    private final int distinct;

    private NewsCorpus(String[] ids, byte[][] values, String[][] entities, boolean[] eventReports, int distinct) {
        this.ids = ids;
        this.values = values;
        this.entities = entities;
        this.updates = new int[entities.length];
        for (int i = 0; i < entities.length; i++) {
            // a news that reports an event is also one report in cluster-events
            updates[i] = entities[i].length + (eventReports[i] ? 1 : 0);
        }
        long sum = 0;
        for (int u : updates) {
            sum += u;
        }
        this.updatesPerRound = sum;
        this.distinct = distinct;
    }

    /** Serializes the events as values of {@code topic} and counts the aggregate updates each one causes. */
    static NewsCorpus of(
            List<NewsEvent> events, ReferenceLookup reference, Serializer<NewsEvent> serializer, String topic) {
        Enricher enricher = new Enricher(reference);
        Instant now = Instant.now();
        int n = events.size();
        String[] ids = new String[n];
        byte[][] values = new byte[n][];
        String[][] entities = new String[n][];
        boolean[] eventReports = new boolean[n];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            NewsEvent news = events.get(i);
            ids[i] = news.getId();
            values[i] = serializer.serialize(topic, news);
            entities[i] = new String[0];
            if (seen.add(news.getId())) {
                EnrichedNews enriched = enricher.enrich(news, now);
                List<String> touched = new ArrayList<>();
                FanOut.perCluster(enriched)
                        .forEach(c -> touched.add(TopicSpec.CLUSTER_ACTIVITY.topicName() + "/" + c.getEntityId()));
                FanOut.perConsortium(enriched)
                        .forEach(c -> touched.add(TopicSpec.CONSORTIUM_ACTIVITY.topicName() + "/" + c.getEntityId()));
                FanOut.perProgramme(enriched)
                        .forEach(c -> touched.add(TopicSpec.PROGRAMME_ACTIVITY.topicName() + "/" + c.getEntityId()));
                entities[i] = touched.toArray(String[]::new);
                eventReports[i] = EventReports.of(enriched).isPresent();
            }
        }
        return new NewsCorpus(ids, values, entities, eventReports, seen.size());
    }

    /** Documents in one round. */
    int size() {
        return ids.length;
    }

    /** Distinct news ids in one round. */
    int distinctNews() {
        return distinct;
    }

    /** Mean size of a serialized value, bytes. */
    double meanValueBytes() {
        long total = 0;
        for (byte[] v : values) {
            total += v.length;
        }
        return (double) total / values.length;
    }

    /** Aggregate updates per distinct news, on average. */
    double updatesPerNews() {
        return (double) updatesPerRound / distinct;
    }

    /** The key (news id) of record {@code i}. */
    String key(long i) {
        return variantId(ids[index(i)], round(i));
    }

    /** The value of record {@code i}: the document's bytes with its news id set to {@link #key}. */
    byte[] value(long i) {
        byte[] value = values[index(i)];
        int round = round(i);
        return round == 0 ? value : withNewsId(value, key(i));
    }

    /** The aggregates record {@code i} updates (output topic + "/" + entity id): none for a duplicate. */
    String[] entities(long i) {
        return entities[index(i)];
    }

    /** Aggregate updates record {@code i} causes: 0 for a duplicate the pipeline drops. */
    int updates(long i) {
        return updates[index(i)];
    }

    /**
     * Contributions the first {@code n} records make to the aggregates and to the events: when the activities of
     * every cluster, consortium and programme count this many news and the events this many reports in all, the
     * pipeline has processed them all.
     */
    long contributions(long n) {
        long rounds = n / ids.length;
        long total = rounds * updatesPerRound;
        for (long i = rounds * ids.length; i < n; i++) {
            total += updates(i);
        }
        return total;
    }

    private int index(long i) {
        return (int) (i % ids.length);
    }

    private int round(long i) {
        return (int) (i / ids.length);
    }

    static String variantId(String id, int round) {
        return round == 0 ? id : id + "~" + round;
    }

    /**
     * The serialized NewsEvent with another id, without decoding it: {@code id} is the record's first field, an Avro
     * string (zig-zag varint length, then UTF-8) right after the Confluent header.
     */
    static byte[] withNewsId(byte[] value, String newId) {
        int pos = ConfluentWireFormat.HEADER_SIZE;
        long raw = 0;
        int shift = 0;
        int b;
        do {
            b = value[pos++] & 0xff;
            raw |= (long) (b & 0x7f) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        int oldLength = (int) ((raw >>> 1) ^ -(raw & 1));
        int rest = pos + oldLength;
        byte[] id = newId.getBytes(StandardCharsets.UTF_8);
        byte[] length = new byte[10];
        int lengthBytes = BinaryData.encodeLong(id.length, length, 0);
        byte[] out = new byte[ConfluentWireFormat.HEADER_SIZE + lengthBytes + id.length + value.length - rest];
        System.arraycopy(value, 0, out, 0, ConfluentWireFormat.HEADER_SIZE);
        System.arraycopy(length, 0, out, ConfluentWireFormat.HEADER_SIZE, lengthBytes);
        System.arraycopy(id, 0, out, ConfluentWireFormat.HEADER_SIZE + lengthBytes, id.length);
        System.arraycopy(
                value, rest, out, ConfluentWireFormat.HEADER_SIZE + lengthBytes + id.length, value.length - rest);
        return out;
    }
}
