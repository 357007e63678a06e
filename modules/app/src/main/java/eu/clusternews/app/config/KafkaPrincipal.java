package eu.clusternews.app.config;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Who the Kafka clients of a configuration authenticate as, for messages about refused access; never the password. */
public final class KafkaPrincipal {

    private static final Pattern USERNAME = Pattern.compile("username\\s*=\\s*\"([^\"]*)\"");

    private KafkaPrincipal() {}

    /** E.g. {@code User:clusternews (SASL_SSL, SCRAM-SHA-256)}, or {@code the PLAINTEXT principal (ANONYMOUS)}. */
    public static String describe(Map<String, ?> clientConfig) {
        Object configured = clientConfig.get("security.protocol");
        String protocol = configured == null ? "PLAINTEXT" : configured.toString();
        Object jaas = clientConfig.get("sasl.jaas.config");
        if (protocol.startsWith("SASL") && jaas != null) {
            Matcher username = USERNAME.matcher(jaas.toString());
            Object mechanism =
                    clientConfig.get("sasl.mechanism") == null ? "GSSAPI" : clientConfig.get("sasl.mechanism");
            return (username.find() ? "User:" + username.group(1) : "the principal of sasl.jaas.config") + " ("
                    + protocol + ", " + mechanism + ")";
        }
        return "the " + protocol + " principal" + ("PLAINTEXT".equals(protocol) ? " (ANONYMOUS)" : "");
    }
}
