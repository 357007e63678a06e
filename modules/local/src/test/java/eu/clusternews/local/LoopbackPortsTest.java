package eu.clusternews.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LoopbackPortsTest {

    @Test
    void picksComeFromBelowTheEphemeralRangeSoThatNoOutgoingConnectionTakesThemBeforeTheServerBinds() {
        int ephemeralStart = LoopbackPorts.ephemeralRangeStart();
        for (int i = 0; i < 50; i++) {
            assertThat(LoopbackPorts.pickFree()).isBetween(1_024, ephemeralStart - 1);
        }
    }

    @Test
    void aJvmNeverPicksTheSamePortTwiceEvenBeforeTheFirstIsBound() {
        Set<Integer> picked = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            assertThat(picked.add(LoopbackPorts.pickFree()))
                    .as("pick %d is new", i)
                    .isTrue();
        }
    }

    @Test
    void aPickIsFreeAndATakenPortIsNot() throws IOException {
        int port = LoopbackPorts.pickFree();
        assertThat(LoopbackPorts.isFree(port)).isTrue();
        try (ServerSocket taken = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(LoopbackPorts.isFree(port)).isFalse();
        }
    }
}
