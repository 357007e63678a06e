package eu.clusternews.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CloseablesTest {

    @Test
    void closesEveryResourceInOrderAndSkipsTheOnesNeverStarted() {
        List<String> closed = new ArrayList<>();

        Closeables.closeAll(() -> closed.add("first"), null, () -> closed.add("second"));

        assertThat(closed).containsExactly("first", "second");
    }

    @Test
    void aFailureDoesNotKeepTheOthersOpenAndIsThrownAfterwards() {
        List<String> closed = new ArrayList<>();

        assertThatThrownBy(() -> Closeables.closeAll(
                        () -> {
                            throw new IllegalStateException("first failed");
                        },
                        () -> closed.add("second"),
                        () -> {
                            throw new java.io.IOException("third failed");
                        }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("first failed")
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
        assertThat(closed).containsExactly("second");
    }
}
