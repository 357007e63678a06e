package eu.clusternews.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.clusternews.avro.Consortium;
import eu.clusternews.avro.Member;
import eu.clusternews.avro.Organisation;
import eu.clusternews.avro.Programme;

/**
 * The reference records of {@code seeds/reference/*.json}, read with Jackson. A test's own reading (the ingest
 * module, written at the same time, owns the real loader); dates follow its conventions: months as yyyy-MM,
 * year-only programme periods from 1 January to 31 December.
 */
record SeedReference(List<Organisation> organisations, List<Consortium> consortia, List<Programme> programmes) {

    /** seeds/reference of the project, seen from the module directory Maven runs tests in. */
    static final Path DIR = Path.of("../../seeds/reference");

    static SeedReference load() {
        ObjectMapper json = new ObjectMapper();
        try {
            List<Organisation> organisations = new ArrayList<>();
            for (JsonNode n :
                    json.readTree(DIR.resolve("organisations.json").toFile()).get("organisations")) {
                organisations.add(Organisation.newBuilder()
                        .setId(n.get("id").asText())
                        .setName(n.get("name").asText())
                        .setLegalName(text(n, "legal_name"))
                        .setShortName(text(n, "short_name"))
                        .setType(n.hasNonNull("org_type") ? n.get("org_type").asText() : "other")
                        .setCountry(text(n, "country"))
                        .setRegion(text(n, "region"))
                        .setCity(text(n, "city"))
                        .build());
            }
            Map<String, List<Member>> members = new LinkedHashMap<>();
            for (JsonNode n :
                    json.readTree(DIR.resolve("memberships.json").toFile()).get("memberships")) {
                members.computeIfAbsent(n.get("consortium_id").asText(), k -> new ArrayList<>())
                        .add(Member.newBuilder()
                                .setOrganisationId(n.get("organisation_id").asText())
                                .setRole(n.get("role").asText())
                                .setWorkPackages(strings(n, "work_packages"))
                                .build());
            }
            List<Consortium> consortia = new ArrayList<>();
            for (JsonNode n :
                    json.readTree(DIR.resolve("consortia.json").toFile()).get("consortia")) {
                String id = n.get("id").asText();
                consortia.add(Consortium.newBuilder()
                        .setId(id)
                        .setAcronym(n.get("acronym").asText())
                        .setFullTitle(text(n, "full_title"))
                        .setProgrammeId(text(n, "programme_id"))
                        .setCallId(text(n, "call_id"))
                        .setCoordinatorId(text(n, "coordinator_org_id"))
                        .setStartMonth(month(text(n, "start_date")))
                        .setEndMonth(month(text(n, "end_date")))
                        .setTotalBudgetEur(
                                n.hasNonNull("total_budget_eur")
                                        ? n.get("total_budget_eur").asDouble()
                                        : null)
                        .setCountries(strings(n, "countries"))
                        .setMembers(members.getOrDefault(id, List.of()))
                        .build());
            }
            List<Programme> programmes = new ArrayList<>();
            for (JsonNode n :
                    json.readTree(DIR.resolve("programmes.json").toFile()).get("programmes")) {
                programmes.add(Programme.newBuilder()
                        .setId(n.get("id").asText())
                        .setName(n.get("name").asText())
                        .setShortName(text(n, "short_name"))
                        .setType(text(n, "type"))
                        .setParentId(text(n, "parent_id"))
                        .setPeriodStart(day(text(n, "period_start"), true))
                        .setPeriodEnd(day(text(n, "period_end"), false))
                        .setBudgetEur(
                                n.hasNonNull("budget_eur") ? n.get("budget_eur").asDouble() : null)
                        .setSuccessorId(text(n, "successor_id"))
                        .build());
            }
            return new SeedReference(organisations, consortia, programmes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the seed reference data in " + DIR.toAbsolutePath(), e);
        }
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    private static List<String> strings(JsonNode n, String field) {
        List<String> out = new ArrayList<>();
        if (n.hasNonNull(field)) {
            n.get(field).forEach(v -> out.add(v.asText()));
        }
        return out;
    }

    private static String month(String date) {
        return date == null || date.length() < 7 ? null : date.substring(0, 7);
    }

    private static LocalDate day(String date, boolean start) {
        if (date == null) {
            return null;
        }
        if (date.length() == 4) {
            int year = Integer.parseInt(date);
            return start ? LocalDate.of(year, 1, 1) : LocalDate.of(year, 12, 31);
        }
        return LocalDate.parse(date);
    }
}
