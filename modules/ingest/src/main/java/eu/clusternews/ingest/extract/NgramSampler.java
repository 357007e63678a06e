package eu.clusternews.ingest.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.NgramFrequencyData;
import com.optimaize.langdetect.cybozu.util.Util;
import com.optimaize.langdetect.profiles.LanguageProfile;

/**
 * The Optimaize detector's long-text estimate (version 0.6, as {@link LanguageDetector} builds it: 1- to 3-grams,
 * the standard n-gram filter, space padding, alpha 0.5, seed 42, probability threshold 0.1), computed without a
 * string per n-gram: the n-grams of the text are packed into longs and looked up in a table of the same
 * frequency data, and the random sampling draws the same numbers in the same order and multiplies the same
 * doubles, so the probabilities are the library's to the last bit ({@code LanguageDetectorTest} compares them).
 * The library makes and hashes a string for every n-gram of the text, which cost about as much as the sampling.
 *
 * <p>Texts of {@value #SHORT_TEXT} chars or fewer take the library's short-text algorithm: callers pass those to
 * the library.
 */
final class NgramSampler {

    /** Texts up to this length take the library's short-text algorithm. */
    static final int SHORT_TEXT = 50;

    private static final double ALPHA = 0.5;
    private static final double ALPHA_WIDTH = 0.05;
    private static final int ITERATION_LIMIT = 1000;
    private static final double CONV_THRESHOLD = 0.99999;
    private static final int BASE_FREQ = 10000;
    private static final int N_TRIAL = 7;
    private static final double PROBABILITY_THRESHOLD = 0.1;

    private final NgramFrequencyData data;
    private final long seed;
    private final int languages;
    /* open addressing: packed n-gram -> the language probabilities of the frequency data */
    private final long[] keys;
    private final double[][] values;
    private final int mask;

    NgramSampler(List<LanguageProfile> profiles, long seed) {
        // the builder collects the profiles in a HashSet and numbers the languages in its order; the sums over
        // languages (normalisation) round differently in another order, so the same set, filled the same way
        java.util.Set<LanguageProfile> asTheBuilderHoldsThem = new java.util.HashSet<>();
        asTheBuilderHoldsThem.addAll(profiles);
        this.data = NgramFrequencyData.create(asTheBuilderHoldsThem, List.of(1, 2, 3));
        this.seed = seed;
        this.languages = data.getLanguageList().size();
        List<String> grams = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (LanguageProfile p : profiles) {
            for (int n = 1; n <= 3; n++) {
                for (Map.Entry<String, Integer> e : p.iterateGrams(n)) {
                    if (seen.add(e.getKey())) {
                        grams.add(e.getKey());
                    }
                }
            }
        }
        int size = Integer.highestOneBit(Math.max(16, grams.size() * 2)) * 2;
        keys = new long[size];
        values = new double[size][];
        mask = size - 1;
        for (String g : grams) {
            double[] p = data.getProbabilities(g);
            if (p != null && g.length() >= 1 && g.length() <= 3) {
                put(pack(g, 0, g.length()), p);
            }
        }
    }

    /** The language order of {@link #probabilities}. */
    String language(int index) {
        return data.getLanguage(index).getLanguage();
    }

    /**
     * The library's {@code getProbabilities} for a text longer than {@value #SHORT_TEXT} chars, already through
     * the text object (normalised): the languages at or above the threshold, most probable first.
     */
    List<DetectedLanguage> probabilities(CharSequence text) {
        return probabilities(text.toString().toCharArray());
    }

    /** {@link #probabilities(CharSequence)} of the text object's chars. */
    List<DetectedLanguage> probabilities(char[] text) {
        char[] padded = pad(text);
        int n = padded.length;
        long[] grams = new long[Math.max(0, n) + Math.max(0, n - 1) + Math.max(0, n - 2)];
        int count = 0;
        // as pack would pack them, 1-grams, then 2-grams, then 3-grams; the standard filter: no 1-gram of a space,
        // no 3-gram with a space in the middle
        for (int i = 0; i < n; i++) {
            if (padded[i] != ' ') {
                grams[count++] = (1L << 16) | padded[i];
            }
        }
        for (int i = 0; i + 2 <= n; i++) {
            grams[count++] = (2L << 32) | ((long) padded[i] << 16) | padded[i + 1];
        }
        for (int i = 0; i + 3 <= n; i++) {
            if (padded[i + 1] != ' ') {
                grams[count++] = (3L << 48) | ((long) padded[i] << 32) | ((long) padded[i + 1] << 16) | padded[i + 2];
            }
        }
        if (count == 0) {
            return List.of();
        }
        double[] langprob = new double[languages];
        Lcg rand = new Lcg(seed);
        for (int t = 0; t < N_TRIAL; ++t) {
            double[] prob = new double[languages];
            for (int i = 0; i < prob.length; ++i) {
                prob[i] = 1.0 / languages;
            }
            double alpha = ALPHA + (rand.nextGaussian() * ALPHA_WIDTH);
            double weight = alpha / BASE_FREQ;
            for (int i = 0; i < ITERATION_LIMIT; i++) {
                int r = rand.nextInt(count);
                double[] p = get(grams[r]);
                if (p != null) {
                    for (int j = 0; j < prob.length; ++j) {
                        prob[j] *= (weight + p[j]);
                    }
                }
                if (i % 5 == 0 && normalizeProb(prob) > CONV_THRESHOLD) {
                    break;
                }
            }
            for (int j = 0; j < langprob.length; ++j) {
                langprob[j] += prob[j] / N_TRIAL;
            }
        }
        List<DetectedLanguage> list = new ArrayList<>();
        for (int j = 0; j < langprob.length; ++j) {
            if (langprob[j] >= PROBABILITY_THRESHOLD) {
                list.add(new DetectedLanguage(data.getLanguage(j), langprob[j]));
            }
        }
        if (list.size() >= 2) {
            Collections.sort(list, (a, b) -> Double.compare(b.getProbability(), a.getProbability()));
        }
        return list;
    }

    /**
     * {@link Util#normalizeProb}: the same sum in the same order, the same quotients and the same maximum, with the
     * divisions in a loop of their own (the library's loop also keeps the maximum, which keeps the JIT from doing
     * several divisions at once).
     */
    static double normalizeProb(double[] prob) {
        double sump = 0;
        for (int i = 0; i < prob.length; ++i) {
            sump += prob[i];
        }
        for (int i = 0; i < prob.length; ++i) {
            prob[i] = prob[i] / sump;
        }
        double maxp = 0;
        for (int i = 0; i < prob.length; ++i) {
            if (maxp < prob[i]) {
                maxp = prob[i];
            }
        }
        return maxp;
    }

    /**
     * {@link java.util.Random} as its documentation specifies it (the 48-bit linear congruential generator,
     * {@code nextInt(bound)} and the polar method of {@code nextGaussian}), without the atomic update a shared
     * generator needs: the same numbers from the same seed, for one call on one thread.
     */
    static final class Lcg {
        private static final long MULTIPLIER = 0x5DEECE66DL;
        private static final long ADDEND = 0xBL;
        private static final long MASK = (1L << 48) - 1;
        private long state;
        private double nextNextGaussian;
        private boolean haveNextNextGaussian;

        Lcg(long seed) {
            state = (seed ^ MULTIPLIER) & MASK;
        }

        private int next(int bits) {
            state = (state * MULTIPLIER + ADDEND) & MASK;
            return (int) (state >>> (48 - bits));
        }

        int nextInt(int bound) {
            int r = next(31);
            int m = bound - 1;
            if ((bound & m) == 0) {
                return (int) ((bound * (long) r) >> 31);
            }
            for (int u = r; u - (r = u % bound) + m < 0; u = next(31)) {
                // rejected: draw again, as Random does
            }
            return r;
        }

        double nextDouble() {
            return (((long) (next(26)) << 27) + next(27)) * 0x1.0p-53;
        }

        double nextGaussian() {
            if (haveNextNextGaussian) {
                haveNextNextGaussian = false;
                return nextNextGaussian;
            }
            double v1;
            double v2;
            double s;
            do {
                v1 = 2 * nextDouble() - 1;
                v2 = 2 * nextDouble() - 1;
                s = v1 * v1 + v2 * v2;
            } while (s >= 1 || s == 0);
            double multiplier = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
            nextNextGaussian = v2 * multiplier;
            haveNextNextGaussian = true;
            return v1 * multiplier;
        }
    }

    /** A space before and after, unless the text already starts and ends with one. */
    private static char[] pad(char[] s) {
        int len = s.length;
        if (len == 0) {
            return s;
        }
        int before = s[0] != ' ' ? 1 : 0;
        int after = s[len - 1] != ' ' ? 1 : 0;
        if (before + after == 0) {
            return s;
        }
        char[] out = new char[len + before + after];
        System.arraycopy(s, 0, out, before, len);
        if (before == 1) {
            out[0] = ' ';
        }
        if (after == 1) {
            out[out.length - 1] = ' ';
        }
        return out;
    }

    private static long pack(CharSequence s, int from, int len) {
        long k = len;
        for (int i = 0; i < len; i++) {
            k = (k << 16) | s.charAt(from + i);
        }
        return k;
    }

    private static int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private void put(long key, double[] value) {
        int i = slot(key) & mask;
        while (values[i] != null && keys[i] != key) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
    }

    private double[] get(long key) {
        int i = slot(key) & mask;
        while (values[i] != null) {
            if (keys[i] == key) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        return null;
    }
}
