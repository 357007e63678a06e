package eu.clusternews.bench.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;

import eu.clusternews.ingest.extract.Extraction;
import eu.clusternews.ingest.extract.Extractor;
import eu.clusternews.ingest.read.RawDocument;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Extraction throughput on one thread (documents/s per core): the ingest module's Extractor on 1 000 generated 2–3 KB
 * documents in six languages, taken in turn (language detection, alias linking, dates, places, persons, kind, id).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Threads(1)
@Fork(1)
public class ExtractionBenchmark {

    private Extractor extractor;
    private List<RawDocument> documents;
    private int next;

    @Setup
    public void setUp() {
        BenchCorpus corpus = BenchCorpus.get();
        extractor = corpus.extractor;
        documents = corpus.documents;
    }

    @Benchmark
    public Extraction extractOneDocument() {
        RawDocument doc = documents.get(next);
        next = next + 1 == documents.size() ? 0 : next + 1;
        return extractor.extract(doc);
    }
}
