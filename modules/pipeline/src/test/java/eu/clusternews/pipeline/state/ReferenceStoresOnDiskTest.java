package eu.clusternews.pipeline.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceStoresOnDiskTest {

    @TempDir
    Path stateDir;

    private Properties app(String applicationId) {
        Properties p = new Properties();
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        return p;
    }

    @Test
    void anEarlierReleasesGlobalCheckpointAndRocksDbStoresAreRemovedAndTheTasksStateIsKept() throws IOException {
        Path global = stateDir.resolve("clusternews/global");
        Path store = Files.createDirectories(global.resolve("rocksdb/ref-organisations-store"));
        Files.writeString(store.resolve("000010.sst"), "sst");
        Files.writeString(global.resolve(".checkpoint"), "0\n1\nref-organisations 0 44\n");
        Path taskStore = Files.createDirectories(stateDir.resolve("clusternews/3_0/rocksdb/enriched-news-store"));
        Files.writeString(taskStore.resolve("000010.sst"), "sst");

        assertThat(ReferenceStoresOnDisk.removeLeftovers(app("clusternews"))).isTrue();

        assertThat(global.resolve(".checkpoint")).doesNotExist();
        assertThat(global.resolve("rocksdb")).doesNotExist();
        assertThat(taskStore.resolve("000010.sst")).exists();
    }

    @Test
    void anotherApplicationsGlobalStateIsLeftAlone() throws IOException {
        Path other = Files.createDirectories(stateDir.resolve("other-app/global/rocksdb/some-store"));
        Files.writeString(stateDir.resolve("other-app/global/.checkpoint"), "0\n0\n");

        assertThat(ReferenceStoresOnDisk.removeLeftovers(app("clusternews"))).isFalse();

        assertThat(other).exists();
        assertThat(stateDir.resolve("other-app/global/.checkpoint")).exists();
    }

    @Test
    void withoutAStateDirectoryOrAnythingLeftThereIsNothingToRemove() {
        assertThat(ReferenceStoresOnDisk.removeLeftovers(new Properties())).isFalse();
        assertThat(ReferenceStoresOnDisk.removeLeftovers(app("clusternews"))).isFalse();
    }
}
