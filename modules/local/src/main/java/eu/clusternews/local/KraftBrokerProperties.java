package eu.clusternews.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration of a single-node KRaft broker that is also its own controller, listening on 127.0.0.1
 * only, sized for one machine: every replication factor and minimum ISR is 1 (so transactions and
 * exactly-once work), consumer groups start without delay and topics are only created on purpose.
 */
final class KraftBrokerProperties {

    static final String BROKER_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    private KraftBrokerProperties() {}

    /**
     * @param logDir        where the broker keeps its logs and metadata
     * @param brokerPort    the client listener's port
     * @param controllerPort the controller listener's port
     * @param overrides     extra properties that win over the defaults (e.g. SASL listeners and an authorizer)
     */
    static Map<String, String> of(Path logDir, int brokerPort, int controllerPort, Map<String, String> overrides) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put(
                "listeners",
                BROKER_LISTENER + "://127.0.0.1:" + brokerPort + "," + CONTROLLER_LISTENER + "://127.0.0.1:"
                        + controllerPort);
        p.put("advertised.listeners", BROKER_LISTENER + "://127.0.0.1:" + brokerPort);
        p.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", BROKER_LISTENER);
        p.put("log.dirs", logDir.toAbsolutePath().toString());

        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // fewer internal partitions than the defaults (50 each): creating them is what makes the first
        // consumer group or transaction slow on a small machine, and one broker gains nothing from more
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.num.partitions", "4");
        p.put("group.initial.rebalance.delay.ms", "0");
        // an exactly-once producer starts its next transaction while the broker still writes the last one's markers:
        // retry adding a partition to it here until they are written (a few ms) instead of answering
        // CONCURRENT_TRANSACTIONS after 100 ms, which the producer retries only after its 100 ms backoff and which
        // made the latency tail (BENCHMARKS.md, session 28)
        p.put("add.partitions.to.txn.retry.backoff.max.ms", "1000");
        p.putAll(overrides);
        return p;
    }
}
