package eu.clusternews.avro;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build-time contract check: the schemas in schemas/ keep the newest release in schemas/releases/ readable both
 * ways (see {@link ReleaseCompatibility} for why FULL), and the check does fail, naming file, record and field, on
 * incompatible changes.
 */
class ReleasedSchemaCompatibilityTest {

    private static final Path SCHEMAS = Path.of("../../schemas");
    private static final Path RELEASES = SCHEMAS.resolve("releases");

    @TempDir
    Path temp;

    @Test
    void everySchemaInSchemasIsFullyCompatibleWithTheNewestRelease() {
        Path release = ReleaseCompatibility.newestRelease(RELEASES)
                .orElseThrow(() -> new AssertionError("No released schemas in " + RELEASES.toAbsolutePath()
                        + "; copy schemas/*.avsc to schemas/releases/<version>/"));

        List<String> problems = ReleaseCompatibility.problems(SCHEMAS, release);

        assertThat(problems)
                .as(
                        "schemas/ breaks the contract of release %s; give new fields a default, keep released fields and types, "
                                + "or make a new topic",
                        release.getFileName())
                .isEmpty();
    }

    @Test
    void theNewestReleaseIsChosenByVersionNumberNotByName() throws IOException {
        for (String version : List.of("0.9.0", "0.10.0", "0.2.1")) {
            Files.createDirectories(temp.resolve(version));
        }
        assertThat(ReleaseCompatibility.newestRelease(temp)).contains(temp.resolve("0.10.0"));
    }

    @Test
    void aNewFieldWithoutADefaultFailsBackwardNamingTheFileTheRecordAndTheField() throws IOException {
        Path changed = currentSchemasWith(
                "NewsEvent.avsc",
                text -> text.replace(
                        "\"fields\": [",
                        "\"fields\": [\n    {\"name\": \"region\", \"type\": \"string\", \"doc\": \"Required, so old records cannot fill it.\"},"));

        assertThat(String.join("\n", ReleaseCompatibility.problems(changed, releaseCopy())))
                .contains("NewsEvent.avsc")
                .contains("eu.clusternews.avro.NewsEvent")
                .contains("not BACKWARD compatible")
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
                .contains("field region");
    }

    @Test
    void aChangedFieldTypeFailsBothWaysNamingTheField() throws IOException {
        Path changed = currentSchemasWith(
                "Organisation.avsc",
                text -> text.replace(
                        "{\"name\": \"name\", \"type\": \"string\"", "{\"name\": \"name\", \"type\": \"int\""));

        List<String> problems = ReleaseCompatibility.problems(changed, releaseCopy());

        assertThat(problems)
                .anySatisfy(p -> assertThat(p)
                        .contains("Organisation.avsc")
                        .contains("not BACKWARD compatible")
                        .contains("TYPE_MISMATCH at field name"));
        assertThat(problems)
                .anySatisfy(p -> assertThat(p)
                        .contains("Organisation.avsc")
                        .contains("not FORWARD compatible")
                        .contains("at field name"));
    }

    @Test
    void aRemovedRequiredFieldFailsForwardBecauseReadersOfTheReleaseStillNeedIt() throws IOException {
        Path changed =
                currentSchemasWith("Headline.avsc", text -> text.replaceAll("\\s*\\{\"name\": \"title\"[^}]*},?", ""));

        assertThat(String.join("\n", ReleaseCompatibility.problems(changed, releaseCopy())))
                .contains("Headline.avsc")
                .contains("eu.clusternews.avro.Headline")
                .contains("not FORWARD compatible")
                .contains("field title");
    }

    @Test
    void aNewOptionalFieldWithADefaultKeepsTheContract() throws IOException {
        Path changed = currentSchemasWith(
                "NewsEvent.avsc",
                text -> text.replace(
                        "\"fields\": [",
                        "\"fields\": [\n    {\"name\": \"sentiment\", \"type\": [\"null\", \"string\"], \"default\": null, \"doc\": \"Added later.\"},"));

        assertThat(ReleaseCompatibility.problems(changed, releaseCopy())).isEmpty();
    }

    @Test
    void aReleasedSchemaThatIsGoneIsReported() throws IOException {
        Path changed = copyOfCurrentSchemas();
        Files.delete(changed.resolve("ProgrammeActivity.avsc"));

        assertThat(ReleaseCompatibility.problems(changed, releaseCopy()))
                .anySatisfy(
                        p -> assertThat(p).contains("ProgrammeActivity.avsc").contains("is gone"));
    }

    /** The current schemas as the release: the check runs against an unchanged contract whatever the real release is. */
    private Path releaseCopy() throws IOException {
        Path release = temp.resolve("release");
        copyAvsc(SCHEMAS, release);
        return release;
    }

    private Path copyOfCurrentSchemas() throws IOException {
        Path copy = temp.resolve("current");
        copyAvsc(SCHEMAS, copy);
        return copy;
    }

    private Path currentSchemasWith(String file, java.util.function.UnaryOperator<String> edit) throws IOException {
        Path copy = copyOfCurrentSchemas();
        String before = Files.readString(copy.resolve(file));
        String after = edit.apply(before);
        assertThat(after).as("the edit of %s changed it", file).isNotEqualTo(before);
        Files.writeString(copy.resolve(file), after);
        return copy;
    }

    private static void copyAvsc(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".avsc"))
                    .toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
