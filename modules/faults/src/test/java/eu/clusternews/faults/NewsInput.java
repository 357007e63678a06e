package eu.clusternews.faults;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import eu.clusternews.avro.NewsEvent;
import eu.clusternews.ingest.extract.Extractor;
import eu.clusternews.ingest.generate.NewsGenerator;
import eu.clusternews.ingest.publish.NewsPublisher;
import eu.clusternews.ingest.read.JsonLinesReader;
import eu.clusternews.ingest.read.ReadResult;
import eu.clusternews.ingest.reference.ReferenceData;
import eu.clusternews.topics.ClusterNewsTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The input of the fault tests: {@code size} news records with duplicates, cheap to make in any number.
 *
 * <p>Extraction runs at about 500 documents/s here, so extracting 100 000 generated documents would take minutes
 * before the test even starts. Instead, {@code templates} documents from the {@link NewsGenerator} are read and
 * extracted once (the real ingest path, so the mentions, dates and kinds are realistic), and record {@code i} is
 * template {@code i % templates} under the news id {@code id~round} (round = {@code i / templates}; round 0 keeps
 * the original id). The generator's own exact duplicates (about 1 in 30) stay duplicates in every round; on top of
 * that, about 1 record in 40 is a re-send of a random earlier record, across rounds. Deterministic for the seed.
 * Generated documents dated after today are left out: the record timestamp is the publication date, and a Kafka 4
 * broker rejects timestamps more than an hour in the future ({@code log.message.timestamp.after.max.ms}).
 */
final class NewsInput {

    private static final Logger log = LoggerFactory.getLogger(NewsInput.class);

    private final List<NewsEvent> templates;
    private final int[] templateOf;
    private final int[] roundOf;

    private NewsInput(List<NewsEvent> templates, int[] templateOf, int[] roundOf) {
        this.templates = templates;
        this.templateOf = templateOf;
        this.roundOf = roundOf;
    }

    static NewsInput generate(ReferenceData reference, int generated, int size, long seed) {
        long started = System.nanoTime();
        JsonLinesReader reader = new JsonLinesReader();
        Extractor extractor = new Extractor(reference);
        Clock clock = Clock.systemUTC();
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        List<String> lines =
                new NewsGenerator(reference).jsonLines(generated, seed).toList();
        List<eu.clusternews.ingest.read.RawDocument> documents = lines.stream()
                .map(line -> {
                    ReadResult read = reader.read("generator:seed=" + seed, line);
                    if (read.documents().size() != 1) {
                        throw new IllegalStateException(
                                "The generator wrote a line its reader rejects: " + read.rejections());
                    }
                    return read.documents().get(0);
                })
                .toList();
        // the record timestamp is the publication date, and a broker rejects timestamps more than an hour ahead
        // (log.message.timestamp.after.max.ms): the generator's dates reach the end of the current year
        List<NewsEvent> templates = documents.parallelStream()
                .map(document -> extractor.extract(document).toNewsEvent(clock))
                .filter(news ->
                        news.getPublishedAt() == null || !news.getPublishedAt().isAfter(today))
                .toList();
        int templateCount = templates.size();
        SplittableRandom random = new SplittableRandom(seed);
        int[] templateOf = new int[size];
        int[] roundOf = new int[size];
        for (int i = 0; i < size; i++) {
            if (i > 0 && random.nextInt(40) == 0) {
                int earlier = random.nextInt(i);
                templateOf[i] = templateOf[earlier];
                roundOf[i] = roundOf[earlier];
            } else {
                templateOf[i] = i % templateCount;
                roundOf[i] = i / templateCount;
            }
        }
        NewsInput input = new NewsInput(templates, templateOf, roundOf);
        log.info(
                "Input: {} records, {} distinct news, from {} extracted templates ({} generated) in {} ms",
                size,
                input.distinctIds().size(),
                templateCount,
                generated,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return input;
    }

    int size() {
        return templateOf.length;
    }

    /** Record {@code i}: its template under the id of its round. */
    NewsEvent record(int i) {
        NewsEvent template = templates.get(templateOf[i]);
        int round = roundOf[i];
        return round == 0
                ? template
                : NewsEvent.newBuilder(template)
                        .setId(template.getId() + "~" + round)
                        .build();
    }

    String id(int i) {
        String id = templates.get(templateOf[i]).getId();
        return roundOf[i] == 0 ? id : id + "~" + roundOf[i];
    }

    /** Every record in order. */
    Iterable<NewsEvent> records() {
        return () -> IntStream.range(0, size()).mapToObj(this::record).iterator();
    }

    /** The distinct news ids: what the pipeline must count once each. */
    java.util.Set<String> distinctIds() {
        java.util.Set<String> ids = new HashSet<>();
        for (int i = 0; i < size(); i++) {
            ids.add(id(i));
        }
        return ids;
    }

    /**
     * Publishes records {@code [from, to)} to cluster-news with the product's {@link NewsPublisher} (idempotent,
     * acks=all), at most {@code perSecond} records a second (0: as fast as it goes); returns when all are acknowledged.
     *
     * @throws IllegalStateException when any record could not be published
     */
    void publish(Map<String, Object> clientConfig, int from, int to, int perSecond) {
        publish(clientConfig, from, to, perSecond, new java.util.concurrent.atomic.AtomicInteger());
    }

    /** As {@link #publish(Map, int, int, int)}, counting the records handed to the producer in {@code sent}. */
    void publish(
            Map<String, Object> clientConfig,
            int from,
            int to,
            int perSecond,
            java.util.concurrent.atomic.AtomicInteger sent) {
        ClusterNewsTopics topics = ClusterNewsTopics.from(clientConfig);
        AtomicLong failed = new AtomicLong();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        long started = System.nanoTime();
        try (NewsPublisher publisher = new NewsPublisher(clientConfig, topics.news())) {
            for (int i = from; i < to; i++) {
                if (perSecond > 0) {
                    pace(started, i - from, perSecond);
                }
                publisher.publish(record(i), (metadata, exception) -> {
                    if (exception != null) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, exception);
                    }
                });
                sent.incrementAndGet();
            }
            publisher.flush();
        }
        if (firstFailure.get() != null) {
            throw new IllegalStateException(
                    failed.get() + " of " + (to - from) + " news could not be published to "
                            + clientConfig.get("bootstrap.servers") + ": " + firstFailure.get(),
                    firstFailure.get());
        }
        log.info(
                "Published records {}..{} in {} ms",
                from,
                to,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /** Holds the producer back to {@code perSecond}: the records are meant to arrive while a fault happens. */
    private static void pace(long startedNanos, int sent, int perSecond) {
        long due = startedNanos + Duration.ofSeconds(1).toNanos() * sent / perSecond;
        long wait = due - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while publishing", e);
            }
        }
    }
}
