package eu.clusternews.ingest.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.clusternews.avro.Consortium;
import eu.clusternews.avro.Member;
import eu.clusternews.avro.Programme;
import eu.clusternews.ingest.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReferenceDataTest {

    private final ReferenceData reference = TestData.reference();

    @Test
    void loadsEveryOrganisationConsortiumAndProgrammeOfTheSeeds() {
        assertThat(reference.organisations()).hasSize(44);
        assertThat(reference.consortia()).hasSize(8);
        assertThat(reference.programmes()).hasSize(16);
        assertThat(reference.organisation("org:bnpt")).get().satisfies(o -> {
            assertThat(o.getName()).isEqualTo("BalticNet-PlasmaTec");
            assertThat(o.getLegalName()).isEqualTo("BalticNet-PlasmaTec e.V.");
            assertThat(o.getCity()).isEqualTo("Greifswald");
            assertThat(o.getSourceIds()).contains("S02", "S30", "S31");
            assertThat(o.getAliases()).contains("BNPT");
        });
    }

    @Test
    void theTenClustersOfTheSeedAreTheMembersOfItsTwoConsortia() throws IOException {
        JsonNode expected = new ObjectMapper().readTree(Files.readString(seedExpectation()));
        Set<String> implicit = new LinkedHashSet<>();
        expected.at("/implicit_entities/organisation_ids").forEach(n -> implicit.add(n.asText()));
        Set<String> members = new LinkedHashSet<>(reference.memberIds("cons:inno-drop"));
        members.addAll(reference.memberIds("cons:clusgrid"));
        assertThat(members).hasSize(10).containsExactlyInAnyOrderElementsOf(implicit);
    }

    @Test
    void membersCarryTheirRolesAndWorkPackages() {
        Consortium innoDrop = reference.consortium("cons:inno-drop").orElseThrow();
        Member coordinator = innoDrop.getMembers().get(0);
        assertThat(coordinator.getOrganisationId()).isEqualTo("org:bnpt");
        assertThat(coordinator.getRole()).isEqualTo("coordinator");
        assertThat(coordinator.getWorkPackages()).containsExactly("WP2", "WP5");
        assertThat(innoDrop.getCoordinatorId()).isEqualTo("org:bnpt");
        assertThat(innoDrop.getProgrammeId()).isEqualTo("prog:cosme-cluster-excellence");
        assertThat(innoDrop.getStartMonth()).isEqualTo("2016-11");
        assertThat(innoDrop.getEndMonth()).isEqualTo("2018-11");
        assertThat(reference.consortium("cons:cosmenerg").orElseThrow().getStartMonth())
                .isEqualTo("2016-11");
        assertThat(reference.consortium("cons:adpack").orElseThrow().getEndMonth())
                .isEqualTo("2017-12");
        assertThat(reference.consortium("cons:clusgrid").orElseThrow().getEndMonth())
                .isNull();
    }

    @Test
    void programmePeriodsBecomeDatesAndYearOnlyValuesCoverTheWholeYear() {
        Programme cosme = reference.programme("prog:cosme").orElseThrow();
        assertThat(cosme.getPeriodStart()).isEqualTo(LocalDate.of(2014, 1, 1));
        assertThat(cosme.getPeriodEnd()).isEqualTo(LocalDate.of(2020, 12, 31));
        assertThat(cosme.getBudgetEur()).isEqualTo(2.3e9);
        Programme excellence =
                reference.programme("prog:cosme-cluster-excellence").orElseThrow();
        assertThat(excellence.getPeriodStart()).isEqualTo(LocalDate.of(2014, 1, 1));
        assertThat(excellence.getPeriodEnd()).isEqualTo(LocalDate.of(2020, 12, 31));
        assertThat(reference.programme("prog:escp-4x").orElseThrow().getPeriodEnd())
                .isNull();
        assertThat(reference.programme("prog:go-cluster").orElseThrow().getPeriodStart())
                .isNull();
        assertThat(reference.programmeChain("prog:cosme-cluster-excellence"))
                .extracting(Programme::getId)
                .containsExactly("prog:cosme-cluster-excellence", "prog:cosme");
    }

    @Test
    void tellsClustersFromOtherBodies() {
        assertThat(reference.isCluster("org:bnpt")).isTrue();
        assertThat(reference.isCluster("org:esca")).isFalse();
        assertThat(reference.isCluster("org:unknown")).isFalse();
    }

    @Test
    void aMalformedFileIsNamedWithTheJsonPosition(@TempDir Path dir) throws IOException {
        copySeeds(dir);
        Files.writeString(dir.resolve("memberships.json"), "{\n \"memberships\": [\n  {\"id\": \"x\",, }\n ]\n}");
        assertThatThrownBy(() -> ReferenceData.load(dir))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessageContaining("memberships.json")
                .hasMessageContaining("line 3");
    }

    static Stream<Arguments> brokenEntries() {
        return Stream.of(
                Arguments.of(
                        "an entry without id",
                        "programmes.json",
                        "\"id\": \"prog:ecei\",",
                        "",
                        List.of("has no \"id\"")),
                Arguments.of(
                        "a membership of a consortium that does not exist",
                        "memberships.json",
                        "\"consortium_id\": \"cons:clusgrid\"",
                        "\"consortium_id\": \"cons:nowhere\"",
                        List.of("cons:nowhere", "consortia.json does not define")),
                Arguments.of(
                        "an alias of an unknown entity",
                        "aliases.json",
                        "\"org:accio\"",
                        "\"org:ghost\"",
                        List.of("org:ghost")),
                Arguments.of(
                        "a bad date",
                        "programmes.json",
                        "\"period_start\": \"2014-01-01\"",
                        "\"period_start\": \"Jan 2014\"",
                        List.of("period_start", "Jan 2014")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenEntries")
    void aBrokenEntryIsRejectedNamingItsFileAndWhatIsWrong(
            String broken, String file, String from, String to, List<String> named, @TempDir Path dir)
            throws IOException {
        copySeeds(dir);
        replace(dir.resolve(file), from, to);
        assertThatThrownBy(() -> ReferenceData.load(dir))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessageContaining(file)
                .hasMessageContainingAll(named.toArray(String[]::new));
    }

    @Test
    void aMissingFileOrDirectoryIsNamed(@TempDir Path dir) throws IOException {
        copySeeds(dir);
        Files.delete(dir.resolve("consortia.json"));
        assertThatThrownBy(() -> ReferenceData.load(dir))
                .hasMessageContaining("consortia.json")
                .hasMessageContaining("missing");
        assertThatThrownBy(() -> ReferenceData.load(dir.resolve("nope"))).hasMessageContaining("nope");
    }

    /** The original seed's expectation (the one that lists the ten clusters it implies). */
    static Path seedExpectation() {
        return TestData.seeds()
                .resolve("news")
                .resolve("2017-05-17_de_balticnet-plasmatec_cluster-excellence-training.expected.json");
    }

    private static void copySeeds(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(TestData.seeds().resolve("reference"))) {
            s.forEach(files::add);
        }
        for (Path f : files) {
            Files.copy(f, dir.resolve(f.getFileName().toString()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String s = Files.readString(file);
        assertThat(s).contains(from);
        Files.writeString(file, s.replaceFirst(java.util.regex.Pattern.quote(from), to));
    }
}
