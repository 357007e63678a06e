package eu.clusternews.app.deploy;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import eu.clusternews.app.config.Settings;
import eu.clusternews.registry.SchemaRegistryConfig;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** What the build says, for checking the deployment files against it: versions, and the settings the app reads. */
final class BuildFacts {

    private BuildFacts() {}

    /** The repository's top level, from a test running in modules/app. */
    static Path root() {
        Path root = Path.of("../..").toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("modules/app"))) {
            throw new IllegalStateException("Tests run from modules/app and expect the project at " + root);
        }
        return root;
    }

    /** A property of the parent pom, e.g. kafka.version. */
    static String pomProperty(String name) throws IOException {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</")
                .matcher(Files.readString(root().resolve("pom.xml")));
        if (!m.find()) {
            throw new IllegalStateException("no <" + name + "> in pom.xml");
        }
        return m.group(1).trim();
    }

    /** The property an environment variable sets in the app (Settings' spelling), or empty when the app ignores it. */
    static Optional<String> propertyOf(String variable) {
        String probe = "probe-" + variable.hashCode();
        return Settings.resolve(null, Map.of(variable, probe), Map.of()).asStrings().entrySet().stream()
                .filter(e -> e.getValue().equals(probe))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** Every property the app passes on and some client or the registry client understands. */
    static Set<String> knownProperties() {
        Set<String> known = new HashSet<>();
        known.addAll(ConsumerConfig.configNames());
        known.addAll(ProducerConfig.configNames());
        known.addAll(AdminClientConfig.configNames());
        known.addAll(StreamsConfig.configDef().names());
        for (Field field : SchemaRegistryConfig.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    String value = (String) field.get(null);
                    if (value.matches("[a-z][a-z0-9.\\-_]*\\.[a-z0-9.\\-_]+")) {
                        known.add(value);
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return known;
    }

    /** Whether a property is one the app or its clients read: a known name, or a prefixed client one (ssl., sasl.). */
    static boolean isKnown(String property) {
        return knownProperties().contains(property)
                || property.startsWith("ssl.")
                || property.startsWith("sasl.")
                || property.startsWith("consumer.")
                || property.startsWith("producer.")
                || property.startsWith("admin.")
                || property.startsWith("main.consumer.")
                || property.startsWith("restore.consumer.");
    }
}
