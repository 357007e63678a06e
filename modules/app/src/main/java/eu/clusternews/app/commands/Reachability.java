package eu.clusternews.app.commands;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import eu.clusternews.app.config.Settings;
import eu.clusternews.registry.RegistryUnreachableException;
import eu.clusternews.registry.SchemaRegistryClient;
import eu.clusternews.registry.SchemaRegistryClients;
import eu.clusternews.topics.ClientConfigs;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the cluster and the registry for an answer before a command starts its work, so that a wrong address or a
 * stopped broker is named within seconds (Kafka's clients themselves retry silently for a minute, then report a
 * missing topic). One-shot commands give up ({@link #check}); long-running ones keep asking ({@link #await}).
 */
final class Reachability {

    private static final Logger log = LoggerFactory.getLogger(Reachability.class);

    private Reachability() {}

    /** Nothing answered at an address within the timeout. */
    static final class UnreachableException extends RuntimeException {
        UnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Returns when both answer; throws {@link UnreachableException} naming the one that did not. */
    static void check(Settings settings, Duration timeout) {
        kafka(settings, timeout);
        registry(settings, timeout);
    }

    /** Like {@link #check}, but an outage is waited out, with a warning naming the address after each timeout. */
    static void await(Settings settings, Duration timeout) throws InterruptedException {
        while (true) {
            try {
                check(settings, timeout);
                return;
            } catch (UnreachableException e) {
                log.warn("{} Still trying (stop with Ctrl-C).", e.getMessage());
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    static void kafka(Settings settings, Duration timeout) {
        String servers = settings.bootstrapServers();
        int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        Map<String, Object> config = ClientConfigs.admin(settings.asClientConfig());
        config.put(
                AdminClientConfig.CLIENT_ID_CONFIG,
                "clusternews-check-" + ProcessHandle.current().pid());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        Admin admin;
        try {
            admin = Admin.create(config);
        } catch (KafkaException e) {
            // e.g. "No resolvable bootstrap urls": a name that does not resolve from here
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new UnreachableException(
                    "Cannot connect to Kafka at " + servers + " (bootstrap.servers): " + cause.getMessage(), e);
        }
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(millis))
                    .clusterId()
                    .get(millis + 2_000L, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw kafkaSilent(servers, timeout, settings, e.getCause());
            }
            // refused credentials, TLS trouble: the cause says what, FriendlyErrors what to do
            throw new IllegalStateException(
                    "Kafka at " + servers + " refused: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw kafkaSilent(servers, timeout, settings, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka at " + servers, e);
        } finally {
            admin.close(Duration.ZERO);
        }
    }

    private static UnreachableException kafkaSilent(
            String servers, Duration timeout, Settings settings, Throwable cause) {
        String protocol = settings.get(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG);
        return new UnreachableException(
                "Kafka did not answer at " + servers + " within " + seconds(timeout)
                        + " (bootstrap.servers). Is the broker running and reachable from here? Check the host and port, the "
                        + "listeners the broker advertises, and security.protocol (now "
                        + (protocol == null ? "PLAINTEXT" : protocol)
                        + "); wait longer with --timeout.",
                cause);
    }

    static void registry(Settings settings, Duration timeout) {
        SchemaRegistryClient client = SchemaRegistryClients.fromConfig(settings.asClientConfig());
        // the client retries on its own schedule; the timeout bounds the whole question
        CompletableFuture<Void> answered = new CompletableFuture<>();
        Thread asking = new Thread(
                () -> {
                    try {
                        client.subjects();
                        answered.complete(null);
                    } catch (Throwable e) {
                        answered.completeExceptionally(e);
                    }
                },
                "clusternews-registry-check");
        asking.setDaemon(true);
        asking.start();
        try {
            answered.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new UnreachableException(
                    "No schema registry answered at " + client.url() + " within " + seconds(timeout)
                            + " (schema.registry.url). Is it running and reachable from here? Check the URL (Apicurio's Confluent API "
                            + "ends in /apis/ccompat/v7); wait longer with --timeout.",
                    e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RegistryUnreachableException unreachable) {
                throw new UnreachableException(unreachable.getMessage(), unreachable);
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the schema registry at " + client.url(), e);
        } finally {
            asking.interrupt();
            client.close();
        }
    }

    private static String seconds(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }
}
