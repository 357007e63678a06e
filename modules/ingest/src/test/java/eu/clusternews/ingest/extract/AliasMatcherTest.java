package eu.clusternews.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import eu.clusternews.ingest.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AliasMatcherTest {

    private final AliasMatcher matcher = TestData.extractor().aliasMatcher();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Das Projekt INNO-DROP startet|cons:inno-drop",
                "Das Projekt Inno-Drop startet|cons:inno-drop",
                "Das Projekt INNODROP startet|cons:inno-drop",
                "Das Projekt INNO DROP startet|cons:inno-drop",
                "Das Projekt „INNO-DROP“ startet|cons:inno-drop",
                "Das Projekt Inno   Drop startet|cons:inno-drop",
                "Mitglied der BalticNet - PlasmaTec e. V.|org:bnpt",
                "Mitglied der Balticnet-Plasmatec e.V.|org:bnpt",
                "Mitglied der BalticNet-PlasmaTec GmbH|org:bnpt",
                "Ziel des Cluster Excellence-Programms|prog:cosme-cluster-excellence",
                "z Komisją Europejską|org:european-commission",
                "Komisji Europejskiej|org:european-commission",
                "partner Wschodniego Klastra ICT|org:ecict",
                "we Wschodnim Klastrze ICT|org:ecict",
                "Cluster para el uso eficiente del agua|org:zinnae",
                "el Clúster Canarias Excelencia Tecnológica|org:cet",
                "Pole SCS in Sophia|org:pole-scs",
                "Wschodnia Agencja Rozwoju Sp. z o.o. organizuje|org:eda",
                "the VDI/VDE-IT team|org:vdivde-it",
                "Certified by ESCA|org:esca",
                "the \"Secpho\" cluster|org:secpho",
                "Horizont 2020|prog:horizon-2020",
                "AdPack² partners|cons:adpack2",
                "the Clus-Grid partners|cons:clusgrid",
                "the ClusGrid partners|cons:clusgrid",
                "Nano Progress from Pardubice|org:nanoprogress",
                // a long legal name the source cut off mid-word still matches the whole word in text
                "ASOCIATION ESPANOLA PARA LA INTERNACIONALIZACION Y LA INNOVACION DE LAS EMPRESAS|org:solartys",
                // the reference's note in brackets and parentheses is not part of the name
                "la Asociación Española para la Internacionalización y la Innovación de las Empresas Solares|org:solartys",
                "das Bundesministerium für Wirtschaft und Klimaschutz teilt mit|org:bmwk",
                "la Comisión Europea|org:european-commission"
            })
    void linksWrittenVariantsToTheirReferenceId(String text, String id) {
        List<AliasMatcher.Match> found = matcher.find(text);
        assertThat(found).extracting(m -> m.ids().get(0)).contains(id);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "cet événement est important",
                "we dare to innovate",
                "the esca pe",
                "green energy is cheap",
                "Cluster Excellence Management Training",
                "scs and np are lower case",
                "the webinar starts at 10:00 CET",
                "Beginn 14.30 CET",
                "the EC ICT budget",
                "the clus grid idea",
                "Die Partner trafen sich"
            })
    void doesNotTakeCommonWordsForNames(String text) {
        assertThat(matcher.find(text)).isEmpty();
    }
}
