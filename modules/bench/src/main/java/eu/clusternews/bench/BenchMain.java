package eu.clusternews.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import eu.clusternews.avro.NewsEvent;
import eu.clusternews.ingest.extract.Extractor;
import eu.clusternews.ingest.reference.ReferenceData;
import eu.clusternews.pipeline.ClusterNewsTopology;
import eu.clusternews.pipeline.PipelineConfig;
import eu.clusternews.pipeline.PipelineRunner;
import eu.clusternews.topics.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * {@code clusternews bench}: in one run against one embedded broker and registry, the throughput of a Kafka Streams
 * pass-through (the machine's ceiling) and of the full clusternews pipeline on the same generated news, measured in
 * pairs one after the other, the pipeline's end-to-end latency at fixed offered loads, peak heap and RSS; the last
 * line is {@code pipeline/baseline throughput ratio: X.XX}, the median of the pairs' ratios. With
 * {@code --reprocess}: the time to rebuild every aggregate from N news (the pipeline from offset 0 under a fresh
 * application id).
 *
 * <p>Figures go to the given stream, one per line; progress and warnings go to the log (stderr).
 */
public final class BenchMain {

    /** The line that ends a throughput run, followed by the ratio with two decimals. */
    public static final String RATIO_PREFIX = "pipeline/baseline throughput ratio: ";

    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(30);
    /** Offered loads above this fraction of the measured pipeline throughput are not sustainable: not measured. */
    private static final double SUSTAINABLE_FRACTION = 1.0;

    /** Runs the benchmark with command-line arguments ({@link BenchOptions#usage()}); exit code 2 on bad arguments. */
    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "clusternews-bench-logback.xml");
        }
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(BenchOptions.usage());
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            new BenchMain().run(options, System.out);
        } catch (RuntimeException e) {
            System.err.println("Benchmark failed: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
        }
        // Kafka and registry threads are stopped; exit explicitly in case a client left a non-daemon thread behind
        System.exit(0);
    }

    /** Runs the benchmark the options describe, printing figures to {@code out}; returns them too. */
    public BenchReport run(BenchOptions options, PrintStream out) {
        try (ProcessMemory memory = new ProcessMemory()) {
            out.printf(
                    Locale.ROOT,
                    "clusternews bench: %d cores, Java %s (%s), Kafka %s, %s, %d partitions, %d stream thread(s)%n",
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"),
                    System.getProperty("java.vm.name"),
                    AppInfoParser.getVersion(),
                    options.processingGuarantee(),
                    options.partitions(),
                    options.threads());
            if (!options.streamsConfig().isEmpty()) {
                out.println("Streams/client properties for both apps: " + options.streamsConfig());
            }
            if (!options.brokerConfig().isEmpty()) {
                out.println("embedded broker properties over its defaults: " + options.brokerConfig());
            }
            ReferenceData reference = GeneratedNews.reference(options.referenceDir());
            long t = System.nanoTime();
            try (BenchStack stack = BenchStack.start(options.partitions(), reference, options.brokerConfig())) {
                out.printf(
                        Locale.ROOT,
                        "embedded broker %s and registry %s ready in %.1f s; reference data: %d organisations,"
                                + " %d consortia, %d programmes%n",
                        stack.bootstrapServers(),
                        stack.schemaRegistryUrl(),
                        seconds(System.nanoTime() - t),
                        reference.organisations().size(),
                        reference.consortia().size(),
                        reference.programmes().size());
                NewsCorpus corpus = corpus(options, reference, stack, out);
                BenchReport report = options.reprocess()
                        ? reprocess(options, stack, corpus, out)
                        : throughputAndLatency(options, stack, corpus, out);
                report = withMemory(report, memory, out);
                if (!options.reprocess()) {
                    out.printf(Locale.ROOT, "%s%.2f%n", RATIO_PREFIX, report.throughputRatio());
                }
                out.flush();
                return report;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static NewsCorpus corpus(BenchOptions options, ReferenceData reference, BenchStack stack, PrintStream out) {
        int documents = Math.min(options.events(), options.distinctDocuments());
        Extractor extractor = new Extractor(reference);
        long t = System.nanoTime();
        long cpu = CpuTime.processNanos();
        List<NewsEvent> events = GeneratedNews.events(reference, extractor, documents, options.seed());
        double extractSeconds = seconds(System.nanoTime() - t);
        double extractCpuSeconds = seconds(CpuTime.processNanos() - cpu);
        NewsCorpus corpus = NewsCorpus.of(
                events,
                ReferenceMaps.lookup(reference),
                stack.topics().news().valueSerializer(),
                TopicSpec.NEWS.topicName());
        out.printf(
                Locale.ROOT,
                "corpus: %d generated documents (%d distinct news ids) generated and extracted in %.1f s"
                        + " (%.0f documents/s on %d cores; %.0f documents per process CPU-second, JIT warm-up included);"
                        + " mean cluster-news value %.0f bytes; %.2f aggregate updates per news%n",
                documents,
                corpus.distinctNews(),
                extractSeconds,
                documents / extractSeconds,
                Runtime.getRuntime().availableProcessors(),
                documents / extractCpuSeconds,
                corpus.meanValueBytes(),
                corpus.updatesPerNews());
        if (options.events() > documents) {
            out.printf(
                    Locale.ROOT,
                    "  %d records = the documents repeated under new news ids (round r: id~r)%n",
                    options.events());
        }
        return corpus;
    }

    private BenchReport throughputAndLatency(BenchOptions options, BenchStack stack, NewsCorpus corpus, PrintStream out)
            throws InterruptedException {
        long n = options.events();
        load(stack, corpus, n, out);
        String run = UUID.randomUUID().toString().substring(0, 8);
        warmUp(options, stack, corpus, run, out);

        MeasuredPair median = measuredPairs(options, stack, corpus, run, out);
        StreamsPass.Result baseline = median.baseline();
        double baselineRate = baseline.eventsPerSecond(n);
        out.printf(
                Locale.ROOT,
                "baseline (pass-through mapValues, bytes): %d events in %.2f s: %.0f events/s%s%n",
                n,
                StreamsPass.seconds(baseline.processing()),
                baselineRate,
                incompleteNote(baseline));
        cpuLine(out, baseline, n);

        StreamsPass.Result result = median.pipeline();
        double pipelineRate = result.eventsPerSecond(n);
        out.printf(
                Locale.ROOT,
                "pipeline (validate, dedupe, enrich, fan-out, aggregate, match events): %d events (%d contributions"
                        + " counted in the aggregates) in %.2f s: %.0f events/s%s%n",
                n,
                result.records(),
                StreamsPass.seconds(result.processing()),
                pipelineRate,
                incompleteNote(result));
        cpuLine(out, result, n);

        List<BenchReport.Latency> latencies = new ArrayList<>();
        List<Integer> rates = new ArrayList<>();
        for (int rate : options.latencyRates()) {
            if (rate > pipelineRate * SUSTAINABLE_FRACTION) {
                out.printf(
                        Locale.ROOT,
                        "latency at %d events/s: not measured: above the pipeline's throughput measured"
                                + " above (%.0f events/s), so the backlog and the latency would grow for as long as it ran%n",
                        rate,
                        pipelineRate);
            } else {
                rates.add(rate);
            }
        }
        if (rates.size() < options.latencyRates().size()
                && !options.latencyRates().isEmpty()) {
            int sustainable = (int) Math.max(1, Math.floor(pipelineRate / 2 / 10) * 10);
            // a load already measured that is within a quarter of it tells the same: 1 010 after 1 000 adds nothing
            if (rates.stream().noneMatch(rate -> Math.abs(rate - sustainable) <= sustainable / 4)) {
                out.printf(
                        Locale.ROOT,
                        "  measuring at %d events/s instead (half the measured throughput)%n",
                        sustainable);
                rates.add(0, sustainable);
            }
        }
        long next = n;
        for (int rate : rates) {
            LatencyRun measured = latency(options, stack, corpus, next, rate, "bench-latency-" + rate + "-" + run);
            LatencyProbe.Result r = measured.probe();
            next += (long) rate
                    * (options.latencyWarmup().toSeconds()
                            + options.latencyDuration().toSeconds());
            BenchReport.Latency figure = new BenchReport.Latency(
                    rate,
                    r.offeredRate(),
                    r.measured(),
                    r.incomplete(),
                    r.allPercentileMillis(50),
                    r.allPercentileMillis(95),
                    r.allPercentileMillis(99));
            latencies.add(figure);
            out.printf(
                    Locale.ROOT,
                    "latency at %d events/s (%s, offered %.0f/s, %d s measured after %d s warm-up):"
                            + " p50 %d ms, p95 %d ms, p99 %d ms (first aggregate visible: p50 %d, p99 %d ms; enriched copy"
                            + " visible, the first of the two hops: p50 %d, p99 %d ms); %d news measured, %d not fully"
                            + " visible%n",
                    rate,
                    options.processingGuarantee(),
                    r.offeredRate(),
                    options.latencyDuration().toSeconds(),
                    options.latencyWarmup().toSeconds(),
                    figure.p50Millis(),
                    figure.p95Millis(),
                    figure.p99Millis(),
                    r.firstPercentileMillis(50),
                    r.firstPercentileMillis(99),
                    r.enrichedPercentileMillis(50),
                    r.enrichedPercentileMillis(99),
                    r.measured(),
                    r.incomplete());
            out.println("  the slowest tenths of a second of sending (sent at, their news' longest times): "
                    + r.slowest().stream().map(Object::toString).collect(Collectors.joining("; ")));
            out.println(r.newsProducerSends());
            out.println("  the pipeline's exactly-once commits meanwhile: "
                    + measured.commits().describe());
            out.println(measured.sends());
            out.println(measured.brokerTimes());
            out.println(measured.nodeLatency());
            out.println(measured.longestSteps());
            out.println(measured.whereSlow());
        }
        return new BenchReport(baselineRate, pipelineRate, latencies, 0, -1, 0, Double.NaN);
    }

    /** One pass of the pass-through and one of the pipeline right after it, over the same news. */
    private record MeasuredPair(StreamsPass.Result baseline, StreamsPass.Result pipeline, long news) {
        double ratio() {
            return pipeline.eventsPerSecond(news) / baseline.eventsPerSecond(news);
        }
    }

    /**
     * Measures {@code --pairs} pairs of passes, the pass-through then the pipeline, and returns the pair of the median
     * ratio (the lower one of the middle two for an even count). A pass lasts a few seconds, and this machine's speed
     * moves by half within minutes: the same jar's single pairs gave 0.30 and 0.53 ten minutes apart, the pass-through
     * alone 28 900 and 52 600 events/s, its CPU per record doubling with the machine's load. A pair's two passes run
     * back to back, so they share most of a moment's speed; the median of several pairs tells the code, not the moment.
     */
    private MeasuredPair measuredPairs(
            BenchOptions options, BenchStack stack, NewsCorpus corpus, String run, PrintStream out) {
        long n = options.events();
        List<MeasuredPair> pairs = new ArrayList<>();
        for (int pair = 1; pair <= options.pairs(); pair++) {
            MeasuredPair measured = passes(
                    options,
                    stack,
                    corpus,
                    "bench-baseline-" + pair + "-" + run,
                    "bench-pipeline-" + pair + "-" + run,
                    n);
            StreamsPass.Result baseline = measured.baseline();
            StreamsPass.Result pipeline = measured.pipeline();
            pairs.add(measured);
            if (options.pairs() > 1) {
                out.printf(
                        Locale.ROOT,
                        "measured pair %d of %d: pass-through %.0f events/s, pipeline %.0f events/s (%.0f per"
                                + " stream-thread CPU-second%s): ratio %.2f%s%s%n",
                        pair,
                        options.pairs(),
                        baseline.eventsPerSecond(n),
                        pipeline.eventsPerSecond(n),
                        pipeline.eventsPerStreamThreadCpuSecond(n),
                        pipeline.inputCommitted() == null
                                ? ""
                                : String.format(
                                        Locale.ROOT,
                                        "; its last result %.2f s after its input was committed",
                                        StreamsPass.seconds(
                                                pipeline.processing().minus(pipeline.inputCommitted()))),
                        measured.ratio(),
                        incompleteNote(baseline),
                        incompleteNote(pipeline));
            }
        }
        List<MeasuredPair> byRatio = new ArrayList<>(pairs);
        byRatio.sort(Comparator.comparingDouble(MeasuredPair::ratio));
        MeasuredPair median = byRatio.get((byRatio.size() - 1) / 2);
        if (pairs.size() > 1) {
            out.printf(Locale.ROOT, "the pair of the median ratio (pair %d), in full:%n", pairs.indexOf(median) + 1);
        }
        return median;
    }

    /** The pass-through and then the pipeline over the first {@code n} news, each under a fresh application id. */
    private MeasuredPair passes(
            BenchOptions options,
            BenchStack stack,
            NewsCorpus corpus,
            String baselineApplicationId,
            String pipelineApplicationId,
            long n) {
        StreamsPass.Result baseline = runBaseline(options, stack, baselineApplicationId, n);
        StreamsPass.Result pipeline =
                pipelinePass(options, stack, pipelineApplicationId, n, corpus.contributions(n), STALL_TIMEOUT, false);
        return new MeasuredPair(baseline, pipeline, n);
    }

    /** The JIT counts as settled once compiling took at most this share of a warm-up round's process CPU. */
    static final double SETTLED_COMPILING_SHARE = 0.10;

    /**
     * Rounds of the pass-through and the pipeline over the first news, each under its own application ids, unmeasured,
     * until the JIT has settled: a fresh JVM spends a core on compiling for a minute or more (the broker's, the
     * clients' and the pipeline's code in one process, about 85 s of C2 time on this machine), which the passes below
     * would otherwise share their two cores with and run partly uncompiled code in. A deployed pipeline pays that
     * once, at start. One pipeline pass over 100 000 news was not enough: compiling still took 25–40 % of the process
     * CPU during the measured passes after it, and moved their figures by up to half from one run to the next. The
     * CPU lines say what compiling is left.
     */
    private void warmUp(BenchOptions options, BenchStack stack, NewsCorpus corpus, String run, PrintStream out) {
        long w = Math.min(options.warmupEvents(), options.events());
        if (w == 0) {
            out.println("warm-up: none (--warmup-events 0): the passes below include the JIT's compiling");
            return;
        }
        for (int round = 1; round <= options.warmupRounds(); round++) {
            long cpuAtStart = CpuTime.processNanos();
            long compilingAtStart = CpuTime.compilationMillis();
            long startNanos = System.nanoTime();
            MeasuredPair passes = passes(
                    options,
                    stack,
                    corpus,
                    "bench-warmup-baseline-" + round + "-" + run,
                    "bench-warmup-" + round + "-" + run,
                    w);
            StreamsPass.Result baseline = passes.baseline();
            StreamsPass.Result pipeline = passes.pipeline();
            double cpuSeconds = (CpuTime.processNanos() - cpuAtStart) / 1e9;
            double compilingSeconds = (CpuTime.compilationMillis() - compilingAtStart) / 1e3;
            double share = cpuAtStart < 0 || compilingAtStart < 0 ? 0 : compilingSeconds / Math.max(cpuSeconds, 1e-9);
            boolean settled = share <= SETTLED_COMPILING_SHARE;
            out.printf(
                    Locale.ROOT,
                    "warm-up round %d (not measured): the pass-through and the pipeline over the first %d news in"
                            + " %.1f s; the JIT compiling %.1f s of %.1f process CPU-seconds (%.0f %%)%s%s%s%n",
                    round,
                    w,
                    (System.nanoTime() - startNanos) / 1e9,
                    compilingSeconds,
                    cpuSeconds,
                    100 * share,
                    settled
                            ? ": settled"
                            : round == options.warmupRounds() ? ": not settled, measuring anyway" : ": another round",
                    incompleteNote(baseline),
                    incompleteNote(pipeline));
            if (settled) {
                return;
            }
        }
    }

    /**
     * The pipeline under a fresh application id over the {@code news} records in cluster-news, until its aggregates
     * and events counted {@code expected}.
     */
    private StreamsPass.Result pipelinePass(
            BenchOptions options,
            BenchStack stack,
            String applicationId,
            long news,
            long expected,
            Duration stallTimeout,
            boolean rebuild) {
        PipelineConfig live = pipelineConfig(options, stack, applicationId, Map.of());
        // a reprocess runs as `clusternews reprocess` does
        PipelineConfig config = rebuild ? live.forRebuild() : live;
        PipelineRunner pipeline = new PipelineRunner(config);
        // made before the pass: the end offsets are asked for while it is timed
        try (Admin admin = stack.admin()) {
            return StreamsPass.run(
                    pipeline.streams(),
                    config.applicationId(),
                    pipeline::start,
                    pipeline::close,
                    new StreamsPass.ProcessedRecords(pipeline.streams(), options.threads())::get,
                    countedNews(pipeline, stack.topics().news().name(), news, expected, admin),
                    expected,
                    stallTimeout);
        }
    }

    /** The end offsets of {@code partitions}, as a read_uncommitted reader sees them (markers included). */
    private static Map<TopicPartition, Long> endOffsets(Admin admin, Set<TopicPartition> partitions) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        try {
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest)
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the repartition topics' end offsets", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read the repartition topics' end offsets: " + e.getMessage(), e);
        }
    }

    private BenchReport reprocess(BenchOptions options, BenchStack stack, NewsCorpus corpus, PrintStream out) {
        long n = options.events();
        load(stack, corpus, n, out);
        String run = UUID.randomUUID().toString().substring(0, 8);
        StreamsPass.Result result = pipelinePass(
                options, stack, "bench-reprocess-" + run, n, corpus.contributions(n), Duration.ofSeconds(60), true);
        double total = StreamsPass.seconds(result.sinceStart());
        out.printf(
                Locale.ROOT,
                "reprocess (pipeline from offset 0 under a fresh application id): %d news, %d contributions"
                        + " counted in %.1f s from start (%.1f s processing): %.0f news/s%s%n",
                n,
                result.records(),
                total,
                StreamsPass.seconds(result.processing()),
                result.eventsPerSecond(n),
                incompleteNote(result));
        cpuLine(out, result, n);
        return new BenchReport(Double.NaN, Double.NaN, List.of(), 0, -1, n, total);
    }

    private static StreamsPass.CountedNews countedNews(
            PipelineRunner pipeline, String newsTopic, long news, long expected, Admin admin) {
        return new StreamsPass.CountedNews(
                pipeline.streams(),
                List.of(
                        ClusterNewsTopology.CLUSTER_ACTIVITY_STORE,
                        ClusterNewsTopology.CONSORTIUM_ACTIVITY_STORE,
                        ClusterNewsTopology.PROGRAMME_ACTIVITY_STORE,
                        ClusterNewsTopology.EVENTS_STORE),
                newsTopic,
                news,
                expected,
                partitions -> endOffsets(admin, partitions));
    }

    private static BenchReport withMemory(BenchReport report, ProcessMemory memory, PrintStream out) {
        long heap = memory.peakHeapBytes();
        long rss = ProcessMemory.peakRssBytes().orElse(-1);
        out.printf(
                Locale.ROOT,
                "peak heap used: %d MB (max heap %d MB); process RSS: peak %s MB (VmHWM), now %s MB"
                        + " (this JVM holds the broker too; the registry is a separate process)%n",
                heap >> 20,
                memory.maxHeapBytes() >> 20,
                rss < 0 ? "?" : Long.toString(rss >> 20),
                ProcessMemory.rssBytes().stream()
                        .mapToObj(b -> Long.toString(b >> 20))
                        .findFirst()
                        .orElse("?"));
        return new BenchReport(
                report.baselineEventsPerSecond(),
                report.pipelineEventsPerSecond(),
                report.latencies(),
                heap,
                rss,
                report.reprocessedEvents(),
                report.reprocessSeconds());
    }

    /** Publishes the first {@code n} corpus records to cluster-news as fast as the producer goes. */
    private static void load(BenchStack stack, NewsCorpus corpus, long n, PrintStream out) {
        long t = System.nanoTime();
        long bytes = 0;
        Map<String, Object> fast =
                Map.of(ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        try (KafkaProducer<String, byte[]> producer = stack.newsProducer(fast)) {
            Future<?> lastSend = null;
            List<Exception> failures = new ArrayList<>();
            for (long i = 0; i < n; i++) {
                byte[] value = corpus.value(i);
                bytes += value.length;
                lastSend = producer.send(
                        new ProducerRecord<>(TopicSpec.NEWS.topicName(), corpus.key(i), value), (md, e) -> {
                            if (e != null && failures.isEmpty()) {
                                failures.add(e);
                            }
                        });
            }
            producer.flush();
            if (lastSend != null) {
                lastSend.get(60, TimeUnit.SECONDS);
            }
            if (!failures.isEmpty()) {
                throw new IllegalStateException("Loading cluster-news failed: " + failures.get(0), failures.get(0));
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Loading cluster-news failed: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading cluster-news", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("The broker did not acknowledge the loaded news within 60 s", e);
        }
        double s = seconds(System.nanoTime() - t);
        out.printf(
                Locale.ROOT,
                "loaded %d news into cluster-news in %.1f s (%.0f records/s, %.1f MB/s)%n",
                n,
                s,
                n / s,
                bytes / s / 1e6);
    }

    private static StreamsPass.Result runBaseline(
            BenchOptions options, BenchStack stack, String applicationId, long n) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, options.processingGuarantee());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, options.threads());
        props.put(StreamsConfig.STATE_DIR_CONFIG, stack.stateDir().toString());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.putAll(options.streamsConfig());
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(
                        TopicSpec.NEWS.topicName(),
                        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("news-source"))
                .mapValues(v -> v, Named.as("pass-through"))
                .to(
                        BenchStack.PASS_THROUGH_TOPIC,
                        Produced.with(Serdes.String(), Serdes.ByteArray()).withName("pass-through-sink"));
        Topology topology = builder.build();
        KafkaStreams streams = new KafkaStreams(topology, props);
        streams.setUncaughtExceptionHandler(e -> StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        return StreamsPass.run(
                streams,
                applicationId,
                options.threads(),
                TopicSpec.NEWS.topicName(),
                streams::start,
                () -> streams.close(Duration.ofSeconds(60)),
                n,
                STALL_TIMEOUT);
    }

    /** A latency measurement and what the pipeline's commits cost meanwhile. */
    private record LatencyRun(
            LatencyProbe.Result probe,
            CommitCost commits,
            String brokerTimes,
            String sends,
            String nodeLatency,
            String longestSteps,
            String whereSlow) {}

    private static LatencyRun latency(
            BenchOptions options, BenchStack stack, NewsCorpus corpus, long firstRecord, int rate, String applicationId)
            throws InterruptedException {
        // a fresh application starting at the end of cluster-news: it sees only what the probe publishes
        // the production settings: aggregate updates coalesced per entity and commit (LatencyProbe says how it tells
        // when a news is visible)
        PipelineConfig config = pipelineConfig(
                options, stack, applicationId, Map.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"));
        try (PipelineRunner pipeline = new PipelineRunner(config)) {
            pipeline.start();
            awaitRunning(pipeline.streams(), Duration.ofSeconds(120));
            CommitCost before = CommitCost.of(pipeline.streams());
            BrokerRequestTimes brokerBefore = BrokerRequestTimes.now();
            LatencyProbe.Result result;
            StringBuilder whereSlow = new StringBuilder();
            try (StreamThreadSampler sampler = new StreamThreadSampler(applicationId)) {
                result = new LatencyProbe(stack, corpus, firstRecord)
                        .measure(rate, options.latencyWarmup(), options.latencyDuration());
                for (LatencyProbe.SlowMoment moment :
                        result.slowest().subList(0, Math.min(3, result.slowest().size()))) {
                    whereSlow.append(String.format(
                            Locale.ROOT,
                            "%n    news sent at %s: the stream thread meanwhile %s",
                            moment.sentAt(),
                            sampler.during(moment.wallMillis(), moment.allVisibleMillis())));
                }
            }
            return new LatencyRun(
                    result,
                    CommitCost.of(pipeline.streams()).since(before),
                    BrokerRequestTimes.now().describeSince(brokerBefore),
                    CommitCost.producerSends(pipeline.streams())
                            + System.lineSeparator()
                            + CommitCost.consumerFetches(pipeline.streams()),
                    NodeLatency.describe(pipeline.streams()),
                    CommitCost.longestSteps(pipeline.streams()),
                    "  where the stream thread was while the slowest news waited (sampled every 5 ms):" + whereSlow);
        }
    }

    private static PipelineConfig pipelineConfig(
            BenchOptions options, BenchStack stack, String applicationId, Map<String, String> extra) {
        Map<String, String> overrides = new HashMap<>();
        overrides.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        overrides.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        overrides.put("schema.registry.url", stack.schemaRegistryUrl());
        overrides.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, options.processingGuarantee());
        overrides.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(options.threads()));
        overrides.put(StreamsConfig.STATE_DIR_CONFIG, stack.stateDir().toString());
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        overrides.putAll(options.streamsConfig());
        overrides.putAll(extra);
        return PipelineConfig.of(overrides);
    }

    private static void awaitRunning(KafkaStreams streams, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline
                    || streams.state() == KafkaStreams.State.ERROR
                    || streams.state() == KafkaStreams.State.NOT_RUNNING) {
                throw new IllegalStateException("The pipeline did not reach RUNNING within " + timeout + " (state "
                        + streams.state() + "); see the log above");
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private static void cpuLine(PrintStream out, StreamsPass.Result r, long events) {
        out.printf(
                Locale.ROOT,
                "  CPU: stream thread(s) %.1f s = %.0f events per stream-thread CPU-second; whole process"
                        + " %.1f s = %.0f events per process CPU-second (wall %.1f s); of the process CPU, the JIT"
                        + " compiling %.1f s%n",
                r.streamThreadCpuNanos() / 1e9,
                r.eventsPerStreamThreadCpuSecond(events),
                r.processCpuNanos() / 1e9,
                r.eventsPerProcessCpuSecond(events),
                StreamsPass.seconds(r.processing()),
                r.compilationMillis() / 1e3);
        if (r.inputCommitted() != null) {
            out.printf(
                    Locale.ROOT,
                    "  timeline: every input offset committed %.2f s after the first record, the last result visible"
                            + " %.2f s after that%n",
                    StreamsPass.seconds(r.inputCommitted()),
                    StreamsPass.seconds(r.processing().minus(r.inputCommitted())));
        }
        StreamThreadTimes times = r.threadTimes();
        if (times != null) {
            double offCores = Math.max(
                    0,
                    StreamsPass.seconds(r.processing()) * r.streamThreads()
                            - (times.onCoreNanos() + times.runQueueNanos()) / 1e9);
            out.printf(
                    Locale.ROOT,
                    "  the stream thread(s) over the %.2f s: on a core %.2f s, ready but waiting for a core %.2f s (the"
                            + " run queue: other threads on the same cores), off the cores %.2f s, %.2f s of it in"
                            + " the producer (flushes and transactions at commits), the rest in polls, locks and GC"
                            + " pauses%n",
                    StreamsPass.seconds(r.processing()),
                    times.onCoreNanos() / 1e9,
                    times.runQueueNanos() / 1e9,
                    offCores,
                    StreamsPass.seconds(r.blockedInProducer()));
        } else {
            out.printf(
                    Locale.ROOT,
                    "  the stream thread(s) waited in the producer %.2f s of the %.2f s (flushes and transactions at"
                            + " commits)%n",
                    StreamsPass.seconds(r.blockedInProducer()),
                    StreamsPass.seconds(r.processing()));
        }
        out.println(ThreadCpu.describe(r.cpuByThread(), events));
        out.println(r.written().describe(events));
        out.println(r.commits().describe(events));
    }

    private static String incompleteNote(StreamsPass.Result r) {
        return r.complete()
                ? ""
                : String.format(
                        Locale.ROOT,
                        " [INCOMPLETE: stalled after %d of %d expected records; figure covers what was processed]",
                        r.records(),
                        r.expected());
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
