package eu.clusternews.local.testing;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import eu.clusternews.local.LocalStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates topics with unique names, so tests sharing one broker never see each other's records. */
public final class TestTopics {

    private TestTopics() {}

    /** Creates {@code <prefix>-<random>} with one partition on the stack's broker and returns its name. */
    public static String create(LocalStack local, String prefix) {
        return create(local.bootstrapServers(), prefix, 1, Map.of());
    }

    /** Creates {@code <prefix>-<random>} with the given partitions and topic configs and returns its name. */
    public static String create(String bootstrapServers, String prefix, int partitions, Map<String, String> configs) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "Cannot create topic " + name + " on " + bootstrapServers + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + name, e);
        }
        return name;
    }
}
