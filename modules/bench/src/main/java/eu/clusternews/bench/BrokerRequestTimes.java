package eu.clusternews.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Where the embedded broker's time went for the requests of exactly-once commits, between two snapshots: the mean
 * of each part of a request's time (waiting in the request queue, handled locally, waiting for something remote —
 * the acknowledgement, a transaction's verification, a fetch's data —, waiting to be sent back) from the broker's own
 * request metrics ({@code kafka.network:type=RequestMetrics}), which the bench JVM holds because it holds the
 * broker. A histogram's count and mean cover the broker's whole life, so a window's mean is the change of their
 * product over the change of the count.
 */
final class BrokerRequestTimes {

    /** The requests a commit waits for: its sends and flush, its offsets, its end and the markers after it. */
    private static final List<String> REQUESTS =
            List.of("Produce", "AddPartitionsToTxn", "TxnOffsetCommit", "EndTxn", "WriteTxnMarkers", "FetchConsumer");

    private static final List<String> PARTS =
            List.of("TotalTimeMs", "RequestQueueTimeMs", "LocalTimeMs", "RemoteTimeMs", "ResponseQueueTimeMs");

    /** request → part → (count, sum of milliseconds). */
    private final Map<String, Map<String, double[]>> times;

    private BrokerRequestTimes(Map<String, Map<String, double[]>> times) {
        this.times = times;
    }

    /** The broker's request times so far (empty where no broker runs in this JVM). */
    static BrokerRequestTimes now() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Map<String, Map<String, double[]>> times = new LinkedHashMap<>();
        for (String request : REQUESTS) {
            Map<String, double[]> parts = new LinkedHashMap<>();
            for (String part : PARTS) {
                try {
                    ObjectName name =
                            new ObjectName("kafka.network:type=RequestMetrics,name=" + part + ",request=" + request);
                    double count = ((Number) server.getAttribute(name, "Count")).doubleValue();
                    double mean = ((Number) server.getAttribute(name, "Mean")).doubleValue();
                    parts.put(part, new double[] {count, count * mean});
                } catch (Exception absent) {
                    // not registered (no broker here, or no such request yet): left out
                }
            }
            times.put(request, parts);
        }
        return new BrokerRequestTimes(times);
    }

    /** One line: per request, how many were handled since {@code before} and the mean of each part of their time. */
    String describeSince(BrokerRequestTimes before) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Map<String, double[]>> request : times.entrySet()) {
            double[] total = request.getValue().get("TotalTimeMs");
            double[] totalBefore =
                    before.times.getOrDefault(request.getKey(), Map.of()).get("TotalTimeMs");
            if (total == null || totalBefore == null || total[0] - totalBefore[0] < 1) {
                continue;
            }
            double n = total[0] - totalBefore[0];
            List<String> parts = new ArrayList<>();
            for (String part : PARTS.subList(1, PARTS.size())) {
                double[] now = request.getValue().get(part);
                double[] then = before.times.get(request.getKey()).get(part);
                if (now != null && then != null && now[0] > then[0]) {
                    parts.add(String.format(
                            Locale.ROOT,
                            "%s %.1f",
                            part.replace("TimeMs", "").replace("Request", "").toLowerCase(Locale.ROOT),
                            (now[1] - then[1]) / (now[0] - then[0])));
                }
            }
            lines.add(String.format(
                    Locale.ROOT,
                    "%s %.0f × %.1f ms (%s)",
                    request.getKey(),
                    n,
                    (total[1] - totalBefore[1]) / n,
                    String.join(", ", parts)));
        }
        return lines.isEmpty()
                ? "  the broker's request times: not found (no broker in this JVM)"
                : "  the broker's request times meanwhile (mean per request: queue, local, remote, response queue):\n    "
                        + String.join("\n    ", lines);
    }
}
