package eu.clusternews.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * A schema registry in memory that behaves like the real one where clusternews depends on it: global ids shared by
 * equal schemas, versions per subject, the compatibility levels (default BACKWARD, checked with Avro's
 * {@link SchemaCompatibility}) and the same exceptions as {@link RestSchemaRegistryClient}. For unit tests; shared
 * registries per scope come from {@link MockSchemaRegistry}.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

    static final Set<String> LEVELS = Set.of(
            "NONE", "BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD", "FORWARD_TRANSITIVE", "FULL", "FULL_TRANSITIVE");

    private final String url;
    private final Map<String, Integer> idsByCanonical = new HashMap<>();
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, List<RegisteredSchema>> versionsBySubject = new HashMap<>();
    private final Map<String, String> levelBySubject = new HashMap<>();
    private String globalLevel = "BACKWARD";
    private int nextId = 1;
    /** The HTTP status of a simulated outage (-1: no answer), or null while the registry is up. */
    private volatile Integer outageStatus;

    /** An unshared registry. */
    public InMemorySchemaRegistryClient() {
        this("mock://in-memory");
    }

    InMemorySchemaRegistryClient(String url) {
        this.url = url;
    }

    @Override
    public String url() {
        return url;
    }

    /**
     * Until {@link #endOutage}, every call fails as {@link RestSchemaRegistryClient} fails when the registry is down
     * after its retries: a {@link RegistryUnreachableException} with this HTTP status (503, 401, ...; -1 for no answer
     * at all). For tests of what callers do during an outage.
     */
    public void simulateOutage(int status) {
        outageStatus = status;
    }

    /** The registry answers again, with everything it held before the outage. */
    public void endOutage() {
        outageStatus = null;
    }

    private void failIfDown() {
        Integer status = outageStatus;
        if (status == null) {
            return;
        }
        if (status < 0) {
            throw new RegistryUnreachableException(
                    url, 1, new java.net.ConnectException("Connection refused (simulated)"));
        }
        throw new RegistryUnreachableException(
                "The schema registry at " + url + " answered " + status + " (simulated outage)", url, status, null);
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        failIfDown();
        List<RegisteredSchema> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        for (RegisteredSchema version : versions) {
            if (AvroSchemas.sameCanonical(version.schema(), schema)) {
                return version.id();
            }
        }
        List<String> problems = incompatibilities(subject, schema, versions);
        if (!problems.isEmpty()) {
            if (versions.isEmpty()) {
                versionsBySubject.remove(subject);
            }
            throw new IncompatibleSchemaException(subject, url, problems);
        }
        int id = idsByCanonical.computeIfAbsent(AvroSchemas.canonical(schema), canonical -> nextId++);
        schemasById.putIfAbsent(id, schema);
        versions.add(new RegisteredSchema(subject, id, versions.size() + 1, schema));
        return id;
    }

    @Override
    public synchronized int getId(String subject, Schema schema) {
        failIfDown();
        List<RegisteredSchema> versions = versionsBySubject.get(subject);
        if (versions == null) {
            throw new SubjectNotFoundException(subject, url);
        }
        return versions.stream()
                .filter(version -> AvroSchemas.sameCanonical(version.schema(), schema))
                .findFirst()
                .map(RegisteredSchema::id)
                .orElseThrow(() -> new SchemaNotRegisteredException(subject, url));
    }

    @Override
    public synchronized Schema getById(int id) {
        failIfDown();
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new UnknownSchemaIdException(id, url);
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema getLatest(String subject) {
        failIfDown();
        List<RegisteredSchema> versions = versionsBySubject.get(subject);
        if (versions == null) {
            throw new SubjectNotFoundException(subject, url);
        }
        return versions.get(versions.size() - 1);
    }

    /** Every version of the subject, oldest first. */
    public synchronized List<RegisteredSchema> versions(String subject) {
        failIfDown();
        List<RegisteredSchema> versions = versionsBySubject.get(subject);
        if (versions == null) {
            throw new SubjectNotFoundException(subject, url);
        }
        return List.copyOf(versions);
    }

    @Override
    public synchronized CompatibilityResult testCompatibility(String subject, Schema schema) {
        failIfDown();
        List<String> problems = incompatibilities(subject, schema, versionsBySubject.getOrDefault(subject, List.of()));
        return new CompatibilityResult(problems.isEmpty(), problems);
    }

    @Override
    public synchronized String getCompatibility(String subjectOrNullForGlobal) {
        failIfDown();
        return subjectOrNullForGlobal == null
                ? globalLevel
                : levelBySubject.getOrDefault(subjectOrNullForGlobal, globalLevel);
    }

    @Override
    public synchronized void setCompatibility(String subjectOrNullForGlobal, String level) {
        failIfDown();
        String normalized = level == null ? "" : level.toUpperCase(Locale.ROOT);
        if (!LEVELS.contains(normalized)) {
            throw new InvalidSchemaException(
                    subjectOrNullForGlobal == null ? "(global)" : subjectOrNullForGlobal,
                    url,
                    "invalid compatibility level '" + level + "' (levels: "
                            + String.join(", ", LEVELS.stream().sorted().toList()) + ")");
        }
        if (subjectOrNullForGlobal == null) {
            globalLevel = normalized;
        } else {
            levelBySubject.put(subjectOrNullForGlobal, normalized);
        }
    }

    @Override
    public synchronized List<String> subjects() {
        failIfDown();
        return versionsBySubject.keySet().stream().sorted().toList();
    }

    @Override
    public String toString() {
        return "InMemorySchemaRegistryClient[" + url + "]";
    }

    /** What stops the candidate from joining the subject under its compatibility level; empty when it may. */
    private List<String> incompatibilities(String subject, Schema candidate, List<RegisteredSchema> versions) {
        if (versions.isEmpty()) {
            return List.of();
        }
        String level = getCompatibility(subject);
        if (level.equals("NONE")) {
            return List.of();
        }
        List<RegisteredSchema> against =
                level.endsWith("_TRANSITIVE") ? versions : List.of(versions.get(versions.size() - 1));
        boolean backward = level.startsWith("BACKWARD") || level.startsWith("FULL");
        boolean forward = level.startsWith("FORWARD") || level.startsWith("FULL");
        List<String> problems = new ArrayList<>();
        for (RegisteredSchema existing : against) {
            if (backward) {
                // the new schema must read what the existing one wrote
                describe(
                        SchemaCompatibility.checkReaderWriterCompatibility(candidate, existing.schema()),
                        existing,
                        "new schema cannot read data written with",
                        problems);
            }
            if (forward) {
                describe(
                        SchemaCompatibility.checkReaderWriterCompatibility(existing.schema(), candidate),
                        existing,
                        "data written with the new schema cannot be read with",
                        problems);
            }
        }
        return problems;
    }

    private static void describe(
            SchemaCompatibility.SchemaPairCompatibility pair,
            RegisteredSchema existing,
            String direction,
            List<String> problems) {
        for (Incompatibility incompatibility : pair.getResult().getIncompatibilities()) {
            problems.add(incompatibility.getType() + " at " + incompatibility.getLocation() + ": "
                    + incompatibility.getMessage() + " (" + direction + " version " + existing.version() + ", id "
                    + existing.id() + ")");
        }
    }
}
