package eu.clusternews.ingest.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.clusternews.avro.Consortium;
import eu.clusternews.avro.Member;
import eu.clusternews.avro.Organisation;
import eu.clusternews.avro.Programme;
import eu.clusternews.avro.ProgrammeChain;

/**
 * The reference data of {@code seeds/reference}: organisations (clusters and other bodies), consortia
 * with their members, programmes with their parent chain, and the alias table that links surface forms
 * in news text to reference ids.
 *
 * <p>Files: {@code organisations.json}, {@code consortia.json}, {@code memberships.json},
 * {@code programmes.json} and {@code aliases.json} are required; {@code calls.json} and
 * {@code label_awards.json} are optional and only checked for well-formedness. Each fact's
 * {@code provenance.*.src} source ids are collected into the records' {@code sourceIds}.
 *
 * <p>Date conventions, because the files give dates at different precisions: programme periods
 * ({@code 2014-01-01} or year-only {@code 2014}) become the first day of the period's first year and the
 * last day of its last year; consortium start/end ({@code 2016-11}, {@code 2016-11-16} or a year) become
 * {@code yyyy-MM}, a year-only start as January and a year-only end as December. Missing or null stays null.
 */
public final class ReferenceData {

    /** Organisation type marking a cluster organisation. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final Map<String, Organisation> organisations;
    private final Map<String, Consortium> consortia;
    private final Map<String, Programme> programmes;
    private final Map<String, List<String>> aliases;

    private ReferenceData(
            Map<String, Organisation> organisations,
            Map<String, Consortium> consortia,
            Map<String, Programme> programmes,
            Map<String, List<String>> aliases) {
        this.organisations = Collections.unmodifiableMap(organisations);
        this.consortia = Collections.unmodifiableMap(consortia);
        this.programmes = Collections.unmodifiableMap(programmes);
        this.aliases = Collections.unmodifiableMap(aliases);
    }

    /**
     * Loads and checks the reference data in a directory.
     *
     * @throws ReferenceDataException naming the file and the problem when anything is missing or inconsistent
     */
    public static ReferenceData load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ReferenceDataException(
                    "Reference data directory " + dir + " does not exist or is not a directory");
        }
        Map<String, Organisation> organisations = new LinkedHashMap<>();
        for (Entry e : entries(dir, "organisations.json", "organisations")) {
            JsonNode n = e.node;
            organisations.put(
                    e.id,
                    Organisation.newBuilder()
                            .setId(e.id)
                            .setName(required(e, "name"))
                            .setLegalName(text(n, "legal_name"))
                            .setShortName(text(n, "short_name"))
                            .setType(Optional.ofNullable(text(n, "org_type")).orElse("other"))
                            .setCountry(text(n, "country"))
                            .setRegion(text(n, "region"))
                            .setCity(text(n, "city"))
                            .setWebsite(text(n, "website"))
                            .setAliases(strings(n, "aliases"))
                            .setSourceIds(sourceIds(n))
                            .build());
        }

        Map<String, Programme> programmes = new LinkedHashMap<>();
        for (Entry e : entries(dir, "programmes.json", "programmes")) {
            JsonNode n = e.node;
            programmes.put(
                    e.id,
                    Programme.newBuilder()
                            .setId(e.id)
                            .setName(required(e, "name"))
                            .setShortName(text(n, "short_name"))
                            .setType(text(n, "type"))
                            .setParentId(text(n, "parent_id"))
                            .setPeriodStart(periodDate(e, "period_start", true))
                            .setPeriodEnd(periodDate(e, "period_end", false))
                            .setBudgetEur(number(e, "budget_eur"))
                            .setSuccessorId(text(n, "successor_id"))
                            .setSourceIds(sourceIds(n))
                            .build());
        }
        for (Programme p : programmes.values()) {
            requireKnown("programmes.json", p.getId(), "parent_id", p.getParentId(), programmes.keySet());
            requireKnown("programmes.json", p.getId(), "successor_id", p.getSuccessorId(), programmes.keySet());
        }
        checkNoParentCycle(programmes);

        Map<String, List<Member>> members = new LinkedHashMap<>();
        Map<String, JsonNode> consortiumNodes = new LinkedHashMap<>();
        List<Entry> consortiumEntries = entries(dir, "consortia.json", "consortia");
        consortiumEntries.forEach(e -> consortiumNodes.put(e.id, e.node));
        for (Entry e : entries(dir, "memberships.json", "memberships")) {
            String consortiumId = required(e, "consortium_id");
            String organisationId = required(e, "organisation_id");
            if (!consortiumNodes.containsKey(consortiumId)) {
                throw e.error("names consortium_id '" + consortiumId + "', which consortia.json does not define");
            }
            if (!organisations.containsKey(organisationId)) {
                throw e.error(
                        "names organisation_id '" + organisationId + "', which organisations.json does not define");
            }
            members.computeIfAbsent(consortiumId, k -> new ArrayList<>())
                    .add(Member.newBuilder()
                            .setOrganisationId(organisationId)
                            .setRole(required(e, "role"))
                            .setWorkPackages(strings(e.node, "work_packages"))
                            .build());
        }

        Map<String, Consortium> consortia = new LinkedHashMap<>();
        for (Entry e : consortiumEntries) {
            JsonNode n = e.node;
            String programmeId = text(n, "programme_id");
            String coordinatorId = text(n, "coordinator_org_id");
            requireKnown("consortia.json", e.id, "programme_id", programmeId, programmes.keySet());
            requireKnown("consortia.json", e.id, "coordinator_org_id", coordinatorId, organisations.keySet());
            consortia.put(
                    e.id,
                    Consortium.newBuilder()
                            .setId(e.id)
                            .setAcronym(required(e, "acronym"))
                            .setFullTitle(text(n, "full_title"))
                            .setProgrammeId(programmeId)
                            .setCallId(text(n, "call_id"))
                            .setCoordinatorId(coordinatorId)
                            .setStartMonth(month(e, "start_date", true))
                            .setEndMonth(month(e, "end_date", false))
                            .setTotalBudgetEur(number(e, "total_budget_eur"))
                            .setEuContributionEur(number(e, "eu_contribution_eur"))
                            .setCountries(strings(n, "countries"))
                            .setMembers(members.getOrDefault(e.id, List.of()))
                            .setSourceIds(sourceIds(n))
                            .build());
        }

        Map<String, List<String>> aliases =
                loadAliases(dir, organisations.keySet(), consortia.keySet(), programmes.keySet());
        for (String optional : List.of("calls.json", "label_awards.json")) {
            if (Files.exists(dir.resolve(optional))) {
                readTree(dir.resolve(optional));
            }
        }
        return new ReferenceData(organisations, consortia, programmes, aliases);
    }

    /** Every organisation, in file order. */
    public List<Organisation> organisations() {
        return List.copyOf(organisations.values());
    }

    /** Every consortium with its members, in file order. */
    public List<Consortium> consortia() {
        return List.copyOf(consortia.values());
    }

    /** Every programme, in file order. */
    public List<Programme> programmes() {
        return List.copyOf(programmes.values());
    }

    public Optional<Organisation> organisation(String id) {
        return Optional.ofNullable(organisations.get(id));
    }

    public Optional<Consortium> consortium(String id) {
        return Optional.ofNullable(consortia.get(id));
    }

    public Optional<Programme> programme(String id) {
        return Optional.ofNullable(programmes.get(id));
    }

    /** True when the id names a cluster ({@link eu.clusternews.avro.ClusterTypes}: the pipeline's definition too). */
    public boolean isCluster(String orgId) {
        Organisation o = organisations.get(orgId);
        return eu.clusternews.avro.ClusterTypes.isCluster(o);
    }

    /** The programme followed by its parents up to the top, e.g. Cluster Excellence Programme, COSME. */
    public List<Programme> programmeChain(String programmeId) {
        return ProgrammeChain.of(programmeId, programmes::get);
    }

    /** The member organisation ids of a consortium (empty when unknown). */
    public List<String> memberIds(String consortiumId) {
        Consortium c = consortia.get(consortiumId);
        return c == null
                ? List.of()
                : c.getMembers().stream().map(Member::getOrganisationId).toList();
    }

    /**
     * The alias table of {@code aliases.json}: lower-cased surface form to reference ids (more than one id
     * means ambiguous).
     */
    public Map<String, List<String>> aliases() {
        return aliases;
    }

    /** Whether the id is an organisation, consortium or programme of this reference data. */
    public boolean knows(String id) {
        return organisations.containsKey(id) || consortia.containsKey(id) || programmes.containsKey(id);
    }

    // ---- loading helpers -------------------------------------------------------------------------

    /** One entry of an entity array, with where it came from for error messages. */
    private record Entry(String file, int index, String id, JsonNode node) {
        ReferenceDataException error(String what) {
            return new ReferenceDataException(file + ": entry #" + (index + 1) + " (id " + id + ") " + what);
        }
    }

    private static List<Entry> entries(Path dir, String file, String arrayName) {
        JsonNode root = readTree(dir.resolve(file));
        JsonNode array = root.get(arrayName);
        if (array == null || !array.isArray()) {
            throw new ReferenceDataException(
                    file + ": expected a top-level object with an array \"" + arrayName + "\"");
        }
        List<Entry> result = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode n = array.get(i);
            if (!n.isObject()) {
                throw new ReferenceDataException(
                        file + ": entry #" + (i + 1) + " of \"" + arrayName + "\" is not an object");
            }
            String id = text(n, "id");
            if (id == null || id.isBlank()) {
                throw new ReferenceDataException(
                        file + ": entry #" + (i + 1) + " of \"" + arrayName + "\" has no \"id\"");
            }
            if (!seen.add(id)) {
                throw new ReferenceDataException(file + ": id '" + id + "' appears twice (entry #" + (i + 1) + ")");
            }
            result.add(new Entry(file, i, id, n));
        }
        return result;
    }

    private static JsonNode readTree(Path file) {
        try {
            JsonNode root = JSON.readTree(Files.readAllBytes(file));
            if (root == null || !root.isObject()) {
                throw new ReferenceDataException(file + ": expected a JSON object at the top level");
            }
            return root;
        } catch (NoSuchFileException e) {
            throw new ReferenceDataException("Reference data file " + file + " is missing");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ReferenceDataException(file + ": not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ReferenceDataException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static Map<String, List<String>> loadAliases(
            Path dir, Set<String> orgs, Set<String> cons, Set<String> progs) {
        JsonNode root = readTree(dir.resolve("aliases.json"));
        JsonNode table = root.get("aliases");
        if (table == null || !table.isObject()) {
            throw new ReferenceDataException(
                    "aliases.json: expected an object \"aliases\" mapping surface forms to id lists");
        }
        Map<String, List<String>> aliases = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> f : table.properties()) {
            if (!f.getValue().isArray() || f.getValue().isEmpty()) {
                throw new ReferenceDataException(
                        "aliases.json: alias '" + f.getKey() + "' must map to a non-empty array of ids");
            }
            List<String> ids = new ArrayList<>();
            for (JsonNode id : f.getValue()) {
                String s = id.asText();
                if (!orgs.contains(s) && !cons.contains(s) && !progs.contains(s)) {
                    throw new ReferenceDataException("aliases.json: alias '" + f.getKey() + "' names '" + s
                            + "', which no organisation, consortium or programme defines");
                }
                ids.add(s);
            }
            aliases.put(f.getKey(), List.copyOf(ids));
        }
        return aliases;
    }

    private static void requireKnown(String file, String id, String field, String value, Set<String> known) {
        if (value != null && !known.contains(value)) {
            throw new ReferenceDataException(
                    file + ": " + id + " has " + field + " '" + value + "', which is not defined");
        }
    }

    private static void checkNoParentCycle(Map<String, Programme> programmes) {
        for (Programme start : programmes.values()) {
            Set<String> seen = new LinkedHashSet<>();
            Programme p = start;
            while (p != null) {
                if (!seen.add(p.getId())) {
                    throw new ReferenceDataException(
                            "programmes.json: parent_id chain of " + start.getId() + " loops: " + seen);
                }
                p = p.getParentId() == null ? null : programmes.get(p.getParentId());
            }
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String required(Entry e, String field) {
        String v = text(e.node, field);
        if (v == null || v.isBlank()) {
            throw e.error("has no \"" + field + "\"");
        }
        return v;
    }

    private static List<String> strings(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isArray()) {
            return new ArrayList<>();
        }
        List<String> out = new ArrayList<>();
        v.forEach(x -> {
            if (!x.isNull()) {
                out.add(x.asText());
            }
        });
        return out;
    }

    private static Double number(Entry e, String field) {
        JsonNode v = e.node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw e.error("has a non-numeric \"" + field + "\": " + v);
        }
        return v.asDouble();
    }

    /** Every {@code provenance.<fact>.src} id, sorted. */
    private static List<String> sourceIds(JsonNode n) {
        Set<String> ids = new TreeSet<>();
        JsonNode provenance = n.get("provenance");
        if (provenance != null && provenance.isObject()) {
            provenance.forEach(fact -> {
                JsonNode src = fact.get("src");
                if (src != null && src.isArray()) {
                    src.forEach(s -> ids.add(s.asText()));
                } else if (src != null && src.isTextual()) {
                    ids.add(src.asText());
                }
            });
        }
        return new ArrayList<>(ids);
    }

    private static LocalDate periodDate(Entry e, String field, boolean start) {
        String v = text(e.node, field);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            if (YEAR.matcher(v).matches()) {
                int year = Integer.parseInt(v);
                return start ? LocalDate.of(year, 1, 1) : LocalDate.of(year, 12, 31);
            }
            if (YEAR_MONTH.matcher(v).matches()) {
                YearMonth ym = YearMonth.parse(v);
                return start ? ym.atDay(1) : ym.atEndOfMonth();
            }
            if (DATE.matcher(v).matches()) {
                return LocalDate.parse(v);
            }
        } catch (DateTimeParseException ex) {
            // falls through to the error below
        }
        throw e.error("has \"" + field + "\" '" + v + "', expected yyyy, yyyy-MM or yyyy-MM-dd");
    }

    private static String month(Entry e, String field, boolean start) {
        LocalDate d = periodDate(e, field, start);
        return d == null ? null : YearMonth.from(d).toString();
    }
}
