package eu.clusternews.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import eu.clusternews.ingest.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrganisersTest {

    private static String organiser(String text) {
        List<Tokens.Token> tokens = Tokens.of(text);
        List<AliasMatcher.Match> matches = TestData.extractor().aliasMatcher().find(text, tokens);
        return Organisers.find(text, tokens, matches, id -> !id.startsWith("prog:"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "The training was organised by BalticNet-PlasmaTec in Berlin.|org:bnpt",
                "Die Schulung wurde von ZINNAE organisiert.|org:zinnae",
                "Das Treffen wird von Nanoprogress veranstaltet.|org:nanoprogress",
                "La formación, organizada por Solartys, reunió a diez clústeres.|org:solartys",
                "La réunion, organisée par le Pôle SCS, a eu lieu à Nice.|org:pole-scs",
                "L'incontro è stato organizzato da DARE a Milano.|org:dare",
                "Spotkanie zorganizowane przez Wschodni Klaster ICT odbyło się w Lublinie.|org:ecict",
                "Gastgeber war BalticNet-PlasmaTec aus Greifswald.|org:bnpt",
                "CET hosts the ECRI consortium in the Canary Islands.|org:cet",
                "INNO-DROP war verantwortlich für die Organisation des Trainings.|cons:inno-drop",
                // a cluster described as an organisation is no organiser
                "BalticNet-PlasmaTec is a cluster organisation from Greifswald.|-",
                // a name the reference data does not know gives none: no guess
                "The meeting was organised by the Plasma Society of Ruritania.|-",
                // the organiser must stand in the same sentence as the cue
                "ZINNAE took part. The training was organised by the two universities.|-"
            })
    void findsTheOrganiserTheTextStates(String text, String expected) {
        assertThat(organiser(text)).isEqualTo(expected);
    }
}
