package eu.clusternews.ingest.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import eu.clusternews.avro.NewsKind;
import eu.clusternews.ingest.DocumentRejectedException;
import eu.clusternews.ingest.read.DocumentFormat;
import eu.clusternews.ingest.read.RawDocument;
import eu.clusternews.ingest.reference.ReferenceData;

/**
 * Turns a {@link RawDocument} into an {@link Extraction}: title, publication date (stated or null), language,
 * kind, event dates and place, linked mentions, unresolved organisation names, persons, publisher and the
 * stable id. Built once per reference data (the alias trie, gazetteer, language profiles and patterns are
 * prepared in the constructor); {@link #extract} is thread-safe.
 */
public final class Extractor {

    static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=\\s+[\\p{Lu}\"„«])|\\n");
    private static final Set<String> LOCATIVE =
            Set.of("in", "im", "a", "à", "en", "w", "we", "v", "ve", "в", "во", "at", "au", "nach", "do", "to", "na");
    private static final int MAX_TITLE = 300;
    /** Text beyond this many characters of a body is kept but not analysed: bounds the work on hostile input. */
    static final int MAX_ANALYSED = 200_000;

    private final ReferenceData reference;
    private final AliasMatcher aliases;
    private final DateFinder dates = new DateFinder();
    private final LanguageDetector languages = new LanguageDetector();
    private final KindClassifier kinds = new KindClassifier();
    private final Places places = new Places();
    private final PersonFinder persons = new PersonFinder();
    private final OrganisationNameFinder organisationNames = new OrganisationNameFinder();

    public Extractor(ReferenceData reference) {
        this.reference = reference;
        this.aliases = new AliasMatcher(reference);
    }

    /** The alias matcher over this reference data. */
    public AliasMatcher aliasMatcher() {
        return aliases;
    }

    /**
     * Extracts one document.
     *
     * @throws DocumentRejectedException when it has no text to extract from
     */
    public Extraction extract(RawDocument doc) {
        String body = doc.body();
        String title = doc.title() == null || doc.title().isBlank()
                ? firstSentence(body)
                : doc.title().strip();
        if (title == null || title.isBlank()) {
            throw new DocumentRejectedException(doc.source(), "no title and no text to take one from");
        }
        if (title.length() > MAX_TITLE) {
            title = title.substring(0, MAX_TITLE).strip();
        }
        LocalDate published = doc.publishedAt() != null ? doc.publishedAt() : dates.publicationDate(doc.header(), body);

        String language =
                doc.format() == DocumentFormat.JSONL && doc.languageHint() != null ? doc.languageHint() : null;
        if (language == null) {
            language = languages.detect(title + "\n" + body);
        }
        if (language == null) {
            language = doc.languageHint();
        }

        String text = title + "\n\n" + (body.length() > MAX_ANALYSED ? body.substring(0, MAX_ANALYSED) : body);
        List<Tokens.Token> tokens = Tokens.of(text);
        List<AliasMatcher.Match> matches = aliases.find(text, tokens);
        Set<String> organisations = new LinkedHashSet<>();
        Set<String> consortia = new LinkedHashSet<>();
        Set<String> programmes = new LinkedHashSet<>();
        List<Extraction.Mention> mentions = new ArrayList<>();
        Set<String> unresolved = new LinkedHashSet<>();
        for (AliasMatcher.Match m : matches) {
            if (m.ids().size() > 1) {
                unresolved.add(m.surface()); // ambiguous alias: listed, not guessed
                continue;
            }
            String id = m.ids().get(0);
            mentions.add(new Extraction.Mention(m.surface(), id));
            if (reference.consortium(id).isPresent()) {
                consortia.add(id);
            } else if (reference.programme(id).isPresent()) {
                programmes.add(id);
            } else {
                organisations.add(id);
            }
        }

        Spans linked = new Spans(
                matches.stream().mapToInt(AliasMatcher.Match::start).toArray(),
                matches.stream().mapToInt(AliasMatcher.Match::end).toArray());
        List<PersonFinder.Person> people = persons.find(text, tokens).stream()
                .filter(p -> !linked.overlap(p.start(), p.end()))
                .toList();
        Spans named = new Spans(
                people.stream().mapToInt(PersonFinder.Person::start).toArray(),
                people.stream().mapToInt(PersonFinder.Person::end).toArray());
        List<Places.Place> cities = places.find(tokens).stream()
                .filter(c -> !linked.overlap(c.start(), c.end()) && !named.overlap(c.start(), c.end()))
                .toList();
        for (OrganisationNameFinder.Candidate c : organisationNames.find(text, language, tokens)) {
            boolean known = linked.overlap(c.start(), c.end()) || named.overlap(c.start(), c.end());
            if (!known) {
                unresolved.add(c.name());
            }
        }

        NewsKind kind = kinds.classify(title, body);
        Optional<DateFinder.Span> event = dates.eventDates(text, published, language);
        if (event.isEmpty()) {
            event = Optional.ofNullable(RelativeDates.find(tokens, published, language));
        }
        String organiserId = Organisers.find(
                text,
                tokens,
                matches,
                ref -> reference.organisation(ref).isPresent()
                        || reference.consortium(ref).isPresent());
        Places.Place place = eventPlace(text, tokens, cities, event.orElse(null));
        String publisherId = publisher(doc.publisher(), title);
        String id = doc.externalId() != null
                ? doc.externalId()
                : NewsId.of(NewsId.source(publisherId, doc.url(), doc.publisher()), title, published);

        return new Extraction(
                id,
                doc.source(),
                doc.url(),
                doc.format().wireName(),
                language,
                title,
                body,
                published,
                kind,
                event.map(DateFinder.Span::start).orElse(null),
                event.map(DateFinder.Span::end).orElse(null),
                place == null ? null : place.city(),
                place == null ? null : place.country(),
                publisherId,
                organiserId,
                new ArrayList<>(organisations),
                new ArrayList<>(consortia),
                new ArrayList<>(programmes),
                dedupe(unresolved),
                people.stream().map(PersonFinder.Person::name).distinct().toList(),
                mentions);
    }

    /** The first city in the sentence of the event date; else the first city after "in", "w", "à", "en" ... */
    private static Places.Place eventPlace(
            String text, List<Tokens.Token> tokens, List<Places.Place> cities, DateFinder.Span event) {
        if (cities.isEmpty()) {
            return null;
        }
        if (event != null) {
            int start = 0;
            int end = text.length();
            for (int at = sentenceEnd(text, 0); at >= 0; at = sentenceEnd(text, at + 1)) {
                if (at + 1 <= event.offset()) {
                    start = at + 1;
                } else if (at >= event.endOffset()) {
                    end = at;
                    break;
                }
            }
            for (Places.Place c : cities) {
                if (c.start() >= start && c.end() <= end) {
                    return c;
                }
            }
        }
        int[] starts = tokens.stream().mapToInt(Tokens.Token::start).toArray();
        for (Places.Place c : cities) {
            int i = java.util.Arrays.binarySearch(starts, c.start());
            Tokens.Token before = i > 0 ? tokens.get(i - 1) : null;
            if (before != null
                    && LOCATIVE.contains(before.text().toLowerCase(java.util.Locale.ROOT))
                    && text.substring(before.end(), c.start()).isBlank()) {
                return c;
            }
        }
        return null;
    }

    /**
     * Where the next match of {@link #SENTENCE_END} starts at or after {@code from} (it is one char long), or -1:
     * the same positions as the pattern's search, by a scan that looks ahead only after a full stop, exclamation
     * or question mark.
     */
    static int sentenceEnd(String text, int from) {
        int n = text.length();
        for (int i = from; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return i;
            }
            if (c == '.' || c == '!' || c == '?') {
                int j = i + 1;
                while (j < n && isSpace(text.charAt(j))) {
                    j++;
                }
                if (j > i + 1 && j < n) {
                    char next = text.charAt(j);
                    if (next == '"'
                            || next == '„'
                            || next == '«'
                            || Character.getType(text.codePointAt(j)) == Character.UPPERCASE_LETTER) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }

    /** What \\s matches without UNICODE_CHARACTER_CLASS. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** The publisher's reference id: the stated publisher if it resolves, else a "Name:" prefix of the title. */
    private String publisher(String statedPublisher, String title) {
        if (statedPublisher != null) {
            String s = statedPublisher.strip();
            if (reference.organisation(s).isPresent()) {
                return s;
            }
            String resolved = wholeOrganisation(s);
            if (resolved != null) {
                return resolved;
            }
        }
        int colon = title.indexOf(':');
        if (colon > 0 && colon <= 80) {
            return wholeOrganisation(title.substring(0, colon));
        }
        return null;
    }

    /** The organisation id when the whole text is one organisation alias (a legal form may follow). */
    private String wholeOrganisation(String text) {
        List<AliasMatcher.Match> m = aliases.find(text);
        if (m.size() == 1
                && m.get(0).ids().size() == 1
                && reference.organisation(m.get(0).ids().get(0)).isPresent()
                && text.substring(0, m.get(0).start()).isBlank()
                && text.substring(m.get(0).end()).replaceAll("[\\s.,]", "").isEmpty()) {
            return m.get(0).ids().get(0);
        }
        return null;
    }

    private static List<String> dedupe(Set<String> names) {
        Map<String, String> byKey = new LinkedHashMap<>();
        names.forEach(n -> byKey.putIfAbsent(NewsId.normaliseText(n), n));
        return new ArrayList<>(byKey.values());
    }

    /** Non-overlapping spans sorted by start, asked for overlap by binary search. */
    private record Spans(int[] starts, int[] ends) {
        boolean overlap(int start, int end) {
            int i = java.util.Arrays.binarySearch(starts, end);
            int last = i >= 0 ? i - 1 : -i - 2; // the last span starting before end
            return last >= 0 && ends[last] > start;
        }
    }

    private static String firstSentence(String body) {
        String b = body.strip();
        if (b.isEmpty()) {
            return null;
        }
        int end = b.length();
        int nl = b.indexOf('\n');
        if (nl > 0) {
            end = nl;
        }
        Matcher m = SENTENCE_END.matcher(b);
        if (m.find() && m.start() < end) {
            end = m.start() + 1;
        }
        return b.substring(0, Math.min(end, 200)).strip();
    }
}
