package eu.clusternews.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryDistributionTest {

    @TempDir
    Path temp;

    @Test
    void theBuildPutsTheDistributionWhereLocateFindsIt() {
        Path home = RegistryDistribution.locate();

        assertThat(home.resolve(RegistryDistribution.RUNNER_JAR)).isRegularFile();
        assertThat(home.resolve("lib")).isDirectory();
    }

    @Test
    void aConfiguredHomeWinsOverEveryOtherPlace() throws IOException {
        Path configured = fakeDistribution(temp.resolve("configured"));
        Path cached = fakeDistribution(temp.resolve("cached"));

        assertThat(RegistryDistribution.locate(
                        Optional.of(configured), List.of(cached), temp.resolve("user"), temp.resolve("m2")))
                .isEqualTo(configured);
    }

    @Test
    void aConfiguredHomeWithoutTheRunnerJarIsRejectedNamingTheDirectoryAndTheSetting() {
        Path empty = temp.resolve("empty");

        assertThatThrownBy(() -> RegistryDistribution.locate(
                        Optional.of(empty), List.of(), temp.resolve("user"), temp.resolve("m2")))
                .hasMessageContaining(empty.toString())
                .hasMessageContaining(RegistryDistribution.HOME_PROPERTY)
                .hasMessageContaining(RegistryDistribution.HOME_ENV);
    }

    @Test
    void theFirstCacheDirectoryHoldingADistributionIsUsed() throws IOException {
        Path missing = temp.resolve("missing");
        Path second = fakeDistribution(temp.resolve("second"));

        assertThat(RegistryDistribution.locate(
                        Optional.empty(), List.of(missing, second), temp.resolve("user"), temp.resolve("m2")))
                .isEqualTo(second);
    }

    @Test
    void withoutAnUnpackedCopyTheArchiveInTheMavenRepositoryIsUnpackedOnceIntoTheUserCache() throws IOException {
        Path repository = temp.resolve("m2");
        Path archive = repository.resolve("io/apicurio/apicurio-registry-app/" + RegistryDistribution.VERSION
                + "/apicurio-registry-app-" + RegistryDistribution.VERSION + "-all.tar.gz");
        writeTarGz(archive, RegistryDistribution.RUNNER_JAR, "lib/some.jar");
        Path userCache = temp.resolve("user/apicurio");

        Path home =
                RegistryDistribution.locate(Optional.empty(), List.of(temp.resolve("missing")), userCache, repository);

        assertThat(home).isEqualTo(userCache);
        assertThat(userCache.resolve("lib/some.jar")).hasContent("lib/some.jar");
        Files.delete(archive);
        assertThat(RegistryDistribution.locate(Optional.empty(), List.of(), userCache, repository))
                .isEqualTo(userCache);
    }

    @Test
    void whenNothingIsFoundTheErrorSaysWhatToRun() {
        assertThatThrownBy(() -> RegistryDistribution.locate(
                        Optional.empty(), List.of(temp.resolve("missing")), temp.resolve("user"), temp.resolve("m2")))
                .hasMessageContaining("mvn -q install -DskipTests")
                .hasMessageContaining("mvn dependency:get -Dartifact=io.apicurio:apicurio-registry-app:"
                        + RegistryDistribution.VERSION + ":tar.gz:all")
                .hasMessageContaining(temp.resolve("missing").toString());
    }

    @Test
    void anArchiveEntryPointingOutsideTheTargetIsRefused() throws IOException {
        Path archive = temp.resolve("evil.tar.gz");
        writeTarGz(archive, "../escaped.txt");

        assertThatThrownBy(() -> TarGzArchive.unpack(archive, temp.resolve("target")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("../escaped.txt");
        assertThat(temp.resolve("escaped.txt")).doesNotExist();
    }

    private static Path fakeDistribution(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve(RegistryDistribution.RUNNER_JAR), "jar");
        return dir;
    }

    /** A .tar.gz whose files contain their own names. */
    private static void writeTarGz(Path archive, String... names) throws IOException {
        Files.createDirectories(archive.getParent());
        try (OutputStream file = Files.newOutputStream(archive);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
            for (String name : names) {
                byte[] content = name.getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(name, true);
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
    }
}
