package eu.clusternews.ingest.extract;

import java.util.List;

/**
 * Legal forms written after organisation names (e.V., GmbH, Sp. z o.o., S.L., z.s., ...), as folded token
 * sequences. Names match with or without them.
 */
public final class LegalForms {

    private static final List<List<String>> FORMS = List.of(
            List.of("sp", "z", "o", "o"),
            List.of("spolka", "z", "o", "o"),
            List.of("s", "p", "a"),
            List.of("s", "r", "l"),
            List.of("s", "r", "o"),
            List.of("d", "o", "o"),
            List.of("e", "v"),
            List.of("z", "s"),
            List.of("s", "a"),
            List.of("s", "l"),
            List.of("b", "v"),
            List.of("n", "v"),
            List.of("a", "s"),
            List.of("o", "p", "s"),
            List.of("spzoo"),
            List.of("ev"),
            List.of("gmbh"),
            List.of("ggmbh"),
            List.of("mbh"),
            List.of("ag"),
            List.of("kg"),
            List.of("sarl"),
            List.of("sas"),
            List.of("srl"),
            List.of("spa"),
            List.of("ltd"),
            List.of("limited"),
            List.of("inc"),
            List.of("llc"),
            List.of("bv"),
            List.of("nv"),
            List.of("sro"),
            List.of("asbl"),
            List.of("aisbl"),
            List.of("vzw"),
            List.of("eood"),
            List.of("ood"),
            List.of("ead"),
            List.of("eeig"),
            List.of("plc"),
            List.of("kft"),
            List.of("zrt"),
            List.of("doo"),
            List.of("oy"),
            List.of("zs"));

    private static final java.util.Set<String> FIRST_TOKENS =
            FORMS.stream().map(f -> f.get(0)).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private LegalForms() {}

    /** Number of tokens from {@code from} that form a legal form (0 when none). */
    public static int lengthAt(List<String> folded, int from) {
        if (from >= folded.size() || !FIRST_TOKENS.contains(folded.get(from))) {
            return 0; // most tokens after a name start no legal form
        }
        int best = 0;
        for (List<String> form : FORMS) {
            if (form.size() > best
                    && from + form.size() <= folded.size()
                    && folded.subList(from, from + form.size()).equals(form)) {
                best = form.size();
            }
        }
        return best;
    }

    /** Number of trailing tokens that form a legal form (0 when none). */
    public static int trailingLength(List<String> folded) {
        int best = 0;
        for (List<String> form : FORMS) {
            int from = folded.size() - form.size();
            if (form.size() > best
                    && from > 0
                    && folded.subList(from, folded.size()).equals(form)) {
                best = form.size();
            }
        }
        return best;
    }
}
