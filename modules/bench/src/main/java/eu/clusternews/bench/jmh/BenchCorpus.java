package eu.clusternews.bench.jmh;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.ClusterContribution;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.bench.GeneratedNews;
import eu.clusternews.bench.ReferenceMaps;
import eu.clusternews.ingest.extract.Extractor;
import eu.clusternews.ingest.read.RawDocument;
import eu.clusternews.ingest.reference.ReferenceData;
import eu.clusternews.pipeline.ActivityAggregator;
import eu.clusternews.pipeline.Enricher;
import eu.clusternews.pipeline.FanOut;
import eu.clusternews.pipeline.ReferenceLookup;

/** The inputs of the JMH benchmarks, built once per fork from generated news and the seed reference data. */
final class BenchCorpus {

    static final int DOCUMENTS = 1_000;
    static final long SEED = 7L;

    final ReferenceData reference;
    final ReferenceLookup lookup;
    final Extractor extractor;
    final List<RawDocument> documents;
    final List<NewsEvent> events;

    private static BenchCorpus instance;

    private BenchCorpus() {
        reference = GeneratedNews.reference();
        lookup = ReferenceMaps.lookup(reference);
        extractor = new Extractor(reference);
        documents = GeneratedNews.documents(reference, DOCUMENTS, SEED);
        events = GeneratedNews.events(reference, extractor, DOCUMENTS, SEED);
    }

    static synchronized BenchCorpus get() {
        if (instance == null) {
            instance = new BenchCorpus();
        }
        return instance;
    }

    /** A typical news event: the one whose serialized size is the median of the corpus (about 2.5 KB of text). */
    NewsEvent typicalNews() {
        return events.stream()
                .sorted((a, b) ->
                        Integer.compare(a.getBody().length(), b.getBody().length()))
                .toList()
                .get(events.size() / 2);
    }

    /** The activity of the busiest cluster after aggregating every news of the corpus: the largest realistic value. */
    ClusterActivity busiestClusterActivity() {
        Enricher enricher = new Enricher(lookup);
        ActivityAggregator aggregator = new ActivityAggregator();
        Map<String, ClusterActivity> byCluster = new HashMap<>();
        for (NewsEvent news : events) {
            for (ClusterContribution c : FanOut.perCluster(enricher.enrich(news, Instant.EPOCH), lookup)) {
                byCluster.put(c.getEntityId(), aggregator.addToCluster(byCluster.get(c.getEntityId()), c));
            }
        }
        return byCluster.values().stream()
                .max((a, b) -> Long.compare(a.getNewsCount(), b.getNewsCount()))
                .orElseThrow();
    }
}
