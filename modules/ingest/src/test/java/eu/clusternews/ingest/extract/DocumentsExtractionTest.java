package eu.clusternews.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import eu.clusternews.avro.NewsKind;
import eu.clusternews.ingest.TestData;
import eu.clusternews.ingest.read.DocumentFormat;
import eu.clusternews.ingest.read.DocumentReaders;
import eu.clusternews.ingest.read.ReadResult;
import org.junit.jupiter.api.Test;

/** The test documents under src/test/resources/documents, one hard case or more each. */
class DocumentsExtractionTest {

    private final DocumentReaders readers = new DocumentReaders();

    private List<Extraction> extract(String name) {
        ReadResult result = readers.read(Path.of("src/test/resources/documents", name));
        return result.documents().stream().map(TestData.extractor()::extract).toList();
    }

    private Extraction one(String name) {
        List<Extraction> all = extract(name);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @Test
    void aGermanWindows1252ReleaseWithCrlfAndAWrappedTitleIsReadWithInflectedNamesAndThePastNovemberBeforeIt() {
        Extraction e = one("de_pressemitteilung_cp1252_crlf.txt");
        assertThat(e.title())
                .isEqualTo("Inno-Drop-Partner trainieren gemeinsam: Zweite Schulung des Cluster Excellence-Programms");
        assertThat(e.language()).isEqualTo("de");
        assertThat(e.publishedAt()).isEqualTo(LocalDate.of(2018, 5, 17));
        // "Am 6. und 7. November trafen sich" in a release of 17 May 2018: the November before it
        assertThat(e.eventStart()).isEqualTo(LocalDate.of(2017, 11, 6));
        assertThat(e.eventEnd()).isEqualTo(LocalDate.of(2017, 11, 7));
        assertThat(e.city()).isEqualTo("Hamburg");
        assertThat(e.organiserId()).as("Gastgeber war ...").isEqualTo("org:bnpt");
        assertThat(e.kind()).isEqualTo(NewsKind.TRAINING);
        assertThat(e.consortiumIds()).containsExactly("cons:inno-drop", "cons:clusgrid");
        assertThat(e.programmeIds()).contains("prog:cosme-cluster-excellence", "prog:cosme");
        assertThat(e.organisationIds()).contains("org:bnpt", "org:european-commission");
        assertThat(e.mentions()).anyMatch(m -> m.surface().equals("BalticNet - PlasmaTec e. V."));
        assertThat(e.persons()).containsExactly("Sabine Köhler");
        assertThat(e.unresolved()).containsExactly("Cluster Nanotechnologie Sachsen");
        assertThat(e.body()).doesNotContain("\r");
    }

    @Test
    void anEnglishReleaseWithABomTakesTheSubmittedOnDateAndAMonthFirstRange() {
        Extraction e = one("en_news_bom.txt");
        assertThat(e.title()).startsWith("ZINNAE and Water");
        assertThat(e.publishedAt()).isEqualTo(LocalDate.of(2017, 6, 23));
        assertThat(e.eventStart()).isEqualTo(LocalDate.of(2017, 4, 25));
        assertThat(e.eventEnd()).isEqualTo(LocalDate.of(2017, 4, 28));
        assertThat(e.kind()).isEqualTo(NewsKind.STUDY_VISIT);
        assertThat(e.city()).isEqualTo("Zaragoza");
        assertThat(e.country()).isEqualTo("ES");
        assertThat(e.organisationIds()).containsExactly("org:zinnae", "org:wsm", "org:ecict");
        assertThat(e.unresolved())
                .containsExactly("Aragon Automotive Cluster Association", "Hidrogeno Aragon Foundation");
        assertThat(e.persons()).containsExactly("Laura Martinez");
    }

    @Test
    void aPolishReleaseLinksGenitiveAndAccusativeFormsAndLegalForms() {
        Extraction e = one("pl_komunikat.txt");
        assertThat(e.language()).isEqualTo("pl");
        assertThat(e.publishedAt()).isEqualTo(LocalDate.of(2019, 3, 12));
        assertThat(e.eventStart()).isEqualTo(LocalDate.of(2019, 5, 14));
        assertThat(e.city()).isEqualTo("Lublin");
        assertThat(e.organiserId()).as("Wschodni Klaster ICT gospodarzem ...").isEqualTo("org:ecict");
        assertThat(e.organisationIds()).containsExactly("org:ecict", "org:eda", "org:european-commission");
        assertThat(e.mentions())
                .anyMatch(m -> m.surface().equals("Wschodnia Agencja Rozwoju Sp. z o.o")
                        || m.surface().equals("Wschodnia Agencja Rozwoju Sp. z o.o."));
        assertThat(e.unresolved()).containsExactly("Klastra Innowacji Medycznych Pomorze");
        assertThat(e.persons()).containsExactly("Piotr Zieliński");
        assertThat(e.kind()).isEqualTo(NewsKind.MEETING);
    }

    @Test
    void aFrenchHtmlPageInLatin1GivesItsTextWithoutScriptsAndTheLesSixEtSeptRange() {
        Extraction e = one("fr_actualite.html");
        assertThat(e.format()).isEqualTo("html");
        assertThat(e.title()).isEqualTo("Le Pôle SCS reçoit le label Or de l'ESCA");
        assertThat(e.body())
                .doesNotContain("pas du texte")
                .doesNotContain("Accueil")
                .doesNotContain("color:red");
        assertThat(e.url()).isEqualTo("https://www.pole-scs.org/actualites/label-or-2018");
        assertThat(e.publishedAt()).isEqualTo(LocalDate.of(2018, 10, 3));
        assertThat(e.eventStart()).as("accueillera: the coming November").isEqualTo(LocalDate.of(2018, 11, 6));
        assertThat(e.city()).isEqualTo("Sophia Antipolis");
        assertThat(e.organiserId()).isEqualTo("org:pole-scs");
        assertThat(e.kind()).isEqualTo(NewsKind.LABEL_AWARD);
        assertThat(e.publisherId()).isEqualTo("org:pole-scs");
        assertThat(e.programmeIds()).containsExactly("prog:cluster-management-excellence-labels");
        assertThat(e.unresolved()).containsExactly("Pôle Mer Méditerranée", "Association Numérique Azur");
        assertThat(e.persons()).containsExactly("Sophie Laurent");
    }

    @Test
    void aSpanishHtmlPageTakesThePublishedMetaAndDiacriticVariantsOfNames() {
        Extraction e = one("es_noticia.html");
        assertThat(e.language()).isEqualTo("es");
        assertThat(e.publishedAt()).isEqualTo(LocalDate.of(2017, 5, 2));
        assertThat(e.eventStart()).isEqualTo(LocalDate.of(2017, 4, 25));
        assertThat(e.eventEnd()).isEqualTo(LocalDate.of(2017, 4, 28));
        assertThat(e.city()).isEqualTo("Berlin");
        assertThat(e.country()).isEqualTo("DE");
        assertThat(e.kind()).isEqualTo(NewsKind.TRAINING);
        assertThat(e.consortiumIds()).containsExactly("cons:clusgrid");
        assertThat(e.organisationIds()).containsExactly("org:secpho", "org:solartys", "org:cet");
        assertThat(e.unresolved()).containsExactly("Asociación Clúster de Automoción de Aragón");
    }

    @Test
    void anRssFeedGivesOneDocumentPerItemInItsLanguage() {
        List<Extraction> items = extract("en_de_feed.rss");
        assertThat(items).extracting(Extraction::format).containsOnly("rss");
        assertThat(items).extracting(Extraction::language).containsExactly("en", "de");
        assertThat(items)
                .extracting(Extraction::publishedAt)
                .containsExactly(LocalDate.of(2020, 2, 11), LocalDate.of(2020, 4, 20));
        assertThat(items.get(0).kind()).isEqualTo(NewsKind.PARTNERSHIP);
        assertThat(items.get(0).programmeIds()).containsExactly("prog:escp-4x");
        assertThat(items.get(0).url()).isEqualTo("https://example.org/bnpt/escp-4x");
        assertThat(items.get(1).eventEnd()).isEqualTo(LocalDate.of(2020, 4, 24));
        assertThat(items.get(1).city()).isEqualTo("Hanover");
        assertThat(items.get(1).kind()).isEqualTo(NewsKind.CONFERENCE);
    }

    @Test
    void anAtomFeedUsesPublishedButNeverUpdatedAsThePublicationDate() {
        List<Extraction> items = extract("fr_es_feed.atom");
        assertThat(items).extracting(Extraction::format).containsOnly("atom");
        assertThat(items).extracting(Extraction::language).containsExactly("fr", "es");
        assertThat(items.get(0).publishedAt()).isEqualTo(LocalDate.of(2017, 6, 30));
        assertThat(items.get(0).organisationIds()).containsExactly("org:aqua-valley", "org:wsm");
        assertThat(items.get(1).publishedAt()).isNull();
        assertThat(items.get(1).kind()).isEqualTo(NewsKind.CALL);
        assertThat(items.get(1).programmeIds()).containsExactly("prog:clusterxchange");
    }

    @Test
    void jsonLinesAreReadLineByLineAndBadLinesAreRejectedWithTheirNumber() {
        ReadResult result = readers.read(Path.of("src/test/resources/documents/mixed.jsonl"));
        assertThat(result.documents()).hasSize(3);
        assertThat(result.rejections())
                .extracting(r -> r.source())
                .containsExactly(
                        "src/test/resources/documents/mixed.jsonl:3", "src/test/resources/documents/mixed.jsonl:5");
        assertThat(result.rejections().get(1).reason()).contains("\"body\" must be a string");
        List<Extraction> e =
                result.documents().stream().map(TestData.extractor()::extract).toList();
        assertThat(e.get(0).source()).isEqualTo("crawler:test");
        assertThat(e.get(0).publisherId()).isEqualTo("org:srednogorie");
        assertThat(e.get(0).eventStart()).isEqualTo(LocalDate.of(2018, 11, 6));
        assertThat(e.get(0).city()).isEqualTo("Sofia");
        assertThat(e.get(0).persons()).isEmpty();
        assertThat(e.get(1).language()).isEqualTo("pl");
        assertThat(e.get(1).publishedAt()).isEqualTo(LocalDate.of(2019, 12, 5));
        assertThat(e.get(1).organisationIds()).containsExactly("org:klsk");
        assertThat(e.get(1).city()).isEqualTo("Kraków");
        assertThat(e.get(2).publishedAt()).isEqualTo(LocalDate.of(2017, 5, 17));
        assertThat(e.get(2).publisherId()).isEqualTo("org:bnpt");
    }

    @Test
    void aDocumentWithoutADateHasNoPublicationDateAndNoEventYearIsGuessed() {
        Extraction e = one("de_ohne_datum.txt");
        assertThat(e.publishedAt()).isNull();
        assertThat(e.eventStart()).isNull();
        assertThat(e.organisationIds()).containsExactly("org:bnpt");
    }

    @Test
    void aRangeAcrossMonthsAndShortAcronymsOnlyInCapitals() {
        Extraction e = one("en_cross_month.txt");
        assertThat(e.eventStart()).isEqualTo(LocalDate.of(2019, 4, 30));
        assertThat(e.eventEnd()).isEqualTo(LocalDate.of(2019, 5, 2));
        assertThat(e.city()).isEqualTo("Las Palmas");
        assertThat(e.mentions())
                .filteredOn(m -> m.entityId().equals("org:cet"))
                .extracting(Extraction.Mention::surface)
                .containsExactly("CET");
        assertThat(e.kind()).isEqualTo(NewsKind.LABEL_AWARD);
    }

    @Test
    void italianCzechAndBulgarianReleasesAreDetectedAndDated() {
        Extraction it = one("it_comunicato.txt");
        assertThat(it.language()).isEqualTo("it");
        assertThat(it.eventStart()).isEqualTo(LocalDate.of(2019, 11, 6));
        assertThat(it.city()).isEqualTo("Milan");
        assertThat(it.persons()).containsExactly("Marco Rossi");
        Extraction cs = one("cs_zprava.txt");
        assertThat(cs.language()).isEqualTo("cs");
        assertThat(cs.publishedAt()).isEqualTo(LocalDate.of(2018, 6, 5));
        assertThat(cs.eventEnd()).isEqualTo(LocalDate.of(2018, 6, 21));
        assertThat(cs.city()).isEqualTo("Pardubice");
        Extraction bg = one("bg_novina.txt");
        assertThat(bg.language()).isEqualTo("bg");
        assertThat(bg.publishedAt()).isEqualTo(LocalDate.of(2018, 5, 10));
        assertThat(bg.city()).isEqualTo("Plovdiv");
    }

    @Test
    void aFileWithoutExtensionIsSniffed() {
        assertThat(DocumentReaders.sniff("<html><p>x</p></html>".getBytes())).isEqualTo(DocumentFormat.HTML);
        Extraction e = one("sniffed_no_extension");
        assertThat(e.format()).isEqualTo("html");
        assertThat(e.publishedAt()).isEqualTo(LocalDate.of(2016, 1, 15));
        assertThat(e.kind()).isEqualTo(NewsKind.PROJECT_LAUNCH);
        assertThat(e.consortiumIds()).containsExactly("cons:adpack");
        assertThat(e.city()).isEqualTo("Stockholm");
    }
}
