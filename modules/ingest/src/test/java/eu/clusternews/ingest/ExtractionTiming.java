package eu.clusternews.ingest;

import java.util.List;

import eu.clusternews.ingest.extract.Extractor;
import eu.clusternews.ingest.generate.NewsGenerator;
import eu.clusternews.ingest.read.DocumentReaders;
import eu.clusternews.ingest.read.RawDocument;

/**
 * A rough timing of extraction on generated 2–3 KB documents, run by hand (not a test; the JMH benchmark
 * belongs in the bench module): {@code java -cp ... eu.clusternews.ingest.ExtractionTiming [count]}.
 */
public final class ExtractionTiming {
    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        Extractor extractor = TestData.extractor();
        String lines = String.join(
                "\n",
                new NewsGenerator(TestData.reference()).jsonLines(count, 1L).toList());
        List<RawDocument> docs = new DocumentReaders().read("-", lines).documents();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        for (int round = 0; round < rounds; round++) {
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            long mentions = 0;
            for (RawDocument d : docs) {
                mentions += extractor.extract(d).mentions().size();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
            System.out.printf(
                    "round %d: %d documents in %.2f s wall = %.0f documents/s; per CPU second of one thread %.0f documents/s (%d mentions)%n",
                    round, docs.size(), s, docs.size() / s, docs.size() / cpu, mentions);
        }
        long t0 = System.nanoTime();
        new DocumentReaders().read("-", lines);
        System.out.printf("reading the JSON lines: %.0f documents/s%n", docs.size() / ((System.nanoTime() - t0) / 1e9));
    }
}
