package eu.clusternews.app.run;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The host this instance tells its peers to call for interactive queries ({@code application.server}): what the user
 * gave, else the bound address, and for a bind to all interfaces a name or address another host can reach, never a
 * loopback one. As Kafka does for a listener without a host: the machine's canonical host name when it does not
 * resolve to loopback (Debian maps the host name to 127.0.1.1), else the address of an interface that is up.
 */
public final class AdvertisedHost {

    private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "[::]", "0:0:0:0:0:0:0:0", "");

    private final Supplier<InetAddress> localHost;
    private final Supplier<List<InetAddress>> interfaceAddresses;

    AdvertisedHost(Supplier<InetAddress> localHost, Supplier<List<InetAddress>> interfaceAddresses) {
        this.localHost = localHost;
        this.interfaceAddresses = interfaceAddresses;
    }

    /** Over this machine's host name and network interfaces. */
    public static AdvertisedHost ofThisMachine() {
        return new AdvertisedHost(AdvertisedHost::localHostOrNull, AdvertisedHost::upInterfaceAddresses);
    }

    public static boolean isWildcard(String bindHost) {
        return WILDCARDS.contains(bindHost.trim());
    }

    /**
     * @param bindHost   the address the HTTP API listens on
     * @param advertised the user's choice ({@code --advertised-host}), or null
     */
    public String resolve(String bindHost, String advertised) {
        if (advertised != null && !advertised.isBlank()) {
            return advertised.trim();
        }
        if (!isWildcard(bindHost)) {
            return bindHost;
        }
        InetAddress local = localHost.get();
        if (local != null && !local.isLoopbackAddress()) {
            return local.getCanonicalHostName();
        }
        return interfaceAddresses.get().stream()
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress() && !a.isAnyLocalAddress())
                // IPv4 first: the address users and their firewalls expect
                .min(Comparator.comparing((InetAddress a) -> a instanceof Inet4Address ? 0 : 1))
                .map(InetAddress::getHostAddress)
                .orElseThrow(() -> new IllegalStateException("The HTTP API listens on all interfaces (" + bindHost
                        + ") but this machine has no address other than loopback for the other instances to call; give the"
                        + " address they should use with --advertised-host HOST (or application.server=HOST:PORT)."));
    }

    private static InetAddress localHostOrNull() {
        try {
            return InetAddress.getLocalHost();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static List<InetAddress> upInterfaceAddresses() {
        List<InetAddress> addresses = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp() && !nic.isLoopback() && !nic.isVirtual()) {
                    addresses.addAll(Collections.list(nic.getInetAddresses()));
                }
            }
        } catch (SocketException e) {
            // none found: resolve() says what to do
        }
        return addresses;
    }
}
