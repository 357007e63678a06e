package eu.clusternews.ingest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Two builds of the extractor compared in one JVM, run by hand (not a test): each build's classes in a class loader
 * of its own, rounds alternated (ABBA) over the same generated documents, CPU time of this thread, and the ratio of
 * the medians, so load on the machine touches both alike. Each class path is a whole build's: its ingest classes (a
 * jar or target/classes), its test classes (for {@link TestData}), its schemas jar and the dependencies
 * ({@code mvn dependency:build-classpath}). Run from modules/ingest (the seeds are found from there):
 * {@code java -cp target/test-classes eu.clusternews.ingest.ExtractionComparison BEFORE_CLASSPATH AFTER_CLASSPATH
 * [count] [rounds]}.
 */
public final class ExtractionComparison {
    record Variant(String name, Object extractor, Method extract, List<?> docs) {}

    static Variant load(String name, String paths, int count) throws Exception {
        URL[] urls = Arrays.stream(paths.split(":"))
                .map(p -> {
                    try {
                        return Path.of(p).toUri().toURL();
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                })
                .toArray(URL[]::new);
        // no parent but the platform's: each build sees only its own classes, loaded and compiled apart
        ClassLoader l = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
        Class<?> td = l.loadClass("eu.clusternews.ingest.TestData");
        Object extractor = td.getMethod("extractor").invoke(null);
        Object reference = td.getMethod("reference").invoke(null);
        Class<?> gen = l.loadClass("eu.clusternews.ingest.generate.NewsGenerator");
        Object g = gen.getConstructors()[0].newInstance(reference);
        @SuppressWarnings("unchecked")
        Stream<String> lines = (Stream<String>)
                gen.getMethod("jsonLines", int.class, long.class).invoke(g, count, 1L);
        String jsonl = String.join("\n", lines.toList());
        Class<?> readers = l.loadClass("eu.clusternews.ingest.read.DocumentReaders");
        Object rr = readers.getMethod("read", String.class, String.class)
                .invoke(readers.getConstructor().newInstance(), "-", jsonl);
        List<?> docs = (List<?>) rr.getClass().getMethod("documents").invoke(rr);
        Method extract =
                extractor.getClass().getMethod("extract", l.loadClass("eu.clusternews.ingest.read.RawDocument"));
        return new Variant(name, extractor, extract, docs);
    }

    public static void main(String[] a) throws Exception {
        int count = a.length > 2 ? Integer.parseInt(a[2]) : 3000;
        int rounds = a.length > 3 ? Integer.parseInt(a[3]) : 12;
        List<Variant> vs = List.of(load("before", a[0], count), load("after", a[1], count));
        ThreadMXBean t = ManagementFactory.getThreadMXBean();
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            for (Variant v : (r % 2 == 0 ? vs : List.of(vs.get(1), vs.get(0)))) {
                long c0 = t.getCurrentThreadCpuTime();
                for (Object d : v.docs()) v.extract().invoke(v.extractor(), d);
                double cpu = (t.getCurrentThreadCpuTime() - c0) / 1e9;
                double rate = v.docs().size() / cpu;
                System.out.printf("round %d %s: %.0f documents per CPU-second%n", r, v.name(), rate);
                if (r >= 2)
                    rates.computeIfAbsent(v.name(), k -> new ArrayList<>()).add(rate);
            }
        }
        double b = median(rates.get("before")), af = median(rates.get("after"));
        System.out.printf(
                "median of rounds 2..%d: before %.0f, after %.0f documents per CPU-second; after/before %.3f%n",
                rounds - 1, b, af, af / b);
    }

    static double median(List<Double> l) {
        List<Double> s = new ArrayList<>(l);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
