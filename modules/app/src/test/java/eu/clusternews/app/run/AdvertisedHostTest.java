package eu.clusternews.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;

class AdvertisedHostTest {

    private static InetAddress address(String host, String ip) {
        try {
            return InetAddress.getByAddress(host, InetAddress.getByName(ip).getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Debian's /etc/hosts maps the host name to 127.0.1.1: InetAddress.getLocalHost() is loopback there. */
    private final AdvertisedHost debian = new AdvertisedHost(
            () -> address("box", "127.0.1.1"),
            () -> List.of(address(null, "fe80::1"), address(null, "127.0.0.1"), address(null, "192.0.2.2")));

    @Test
    void advertisesAnInterfaceAddressRatherThanLoopbackWhenBoundToAllInterfaces() {
        assertThat(debian.resolve("0.0.0.0", null)).isEqualTo("192.0.2.2");
        assertThat(debian.resolve("::", null)).isEqualTo("192.0.2.2");
    }

    @Test
    void advertisesTheBoundAddressItselfWhenBoundToOneAddressLoopbackIncluded() {
        assertThat(debian.resolve("127.0.0.3", null)).isEqualTo("127.0.0.3");
        assertThat(debian.resolve("192.0.2.2", null)).isEqualTo("192.0.2.2");
    }

    @Test
    void advertisesWhatTheUserGave() {
        assertThat(debian.resolve("0.0.0.0", "node-7.example.org")).isEqualTo("node-7.example.org");
    }

    @Test
    void advertisesTheMachinesOwnNameOrAddressWhenItIsNotLoopback() {
        AdvertisedHost named = new AdvertisedHost(() -> address("box.example.org", "192.0.2.7"), List::of);
        assertThat(named.resolve("0.0.0.0", null)).isIn("box.example.org", "192.0.2.7");
    }

    @Test
    void refusesToAdvertiseLoopbackForAllInterfacesAndSaysWhatToSet() {
        AdvertisedHost loopbackOnly =
                new AdvertisedHost(() -> address("box", "127.0.1.1"), () -> List.of(address(null, "127.0.0.1")));
        assertThatThrownBy(() -> loopbackOnly.resolve("0.0.0.0", null)).hasMessageContaining("--advertised-host");
    }
}
