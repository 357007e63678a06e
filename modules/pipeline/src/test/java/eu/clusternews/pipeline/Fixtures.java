package eu.clusternews.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import eu.clusternews.avro.Consortium;
import eu.clusternews.avro.Member;
import eu.clusternews.avro.NewsEvent;
import eu.clusternews.avro.NewsKind;
import eu.clusternews.avro.Organisation;
import eu.clusternews.avro.Programme;

/** Reference entities and news of the seed (2017-05-17, BalticNet-PlasmaTec's Cluster Excellence training), built by hand. */
final class Fixtures {

    static final Instant START = Instant.parse("2026-01-05T08:00:00Z");

    static final List<String> INNO_DROP_MEMBERS = List.of("org:bnpt", "org:nanoprogress", "org:wsm", "org:zinnae");
    static final List<String> CLUSGRID_MEMBERS =
            List.of("org:ecict", "org:pole-scs", "org:cet", "org:solartys", "org:secpho", "org:srednogorie");
    /** The seed's "ten clusters": the members of INNO-DROP and CLUSGRID. */
    static final List<String> TEN_CLUSTERS = java.util.stream.Stream.concat(
                    INNO_DROP_MEMBERS.stream(), CLUSGRID_MEMBERS.stream())
            .sorted()
            .toList();

    private Fixtures() {}

    static Organisation cluster(String id, String name, String country) {
        return organisation(id, name, "cluster_organisation", country);
    }

    static Organisation organisation(String id, String name, String type, String country) {
        return Organisation.newBuilder()
                .setId(id)
                .setName(name)
                .setType(type)
                .setCountry(country)
                .setCity(id.equals("org:bnpt") ? "Greifswald" : null)
                .build();
    }

    static Consortium consortium(String id, String acronym, String programmeId, List<String> memberIds) {
        return Consortium.newBuilder()
                .setId(id)
                .setAcronym(acronym)
                .setProgrammeId(programmeId)
                .setStartMonth("2016-11")
                .setEndMonth("2018-11")
                .setTotalBudgetEur(500_000.0)
                .setMembers(memberIds.stream()
                        .map(m -> Member.newBuilder()
                                .setOrganisationId(m)
                                .setRole(m.equals(memberIds.get(0)) ? "coordinator" : "partner")
                                .build())
                        .toList())
                .build();
    }

    static Programme programme(String id, String name, String shortName, String parentId) {
        return Programme.newBuilder()
                .setId(id)
                .setName(name)
                .setShortName(shortName)
                .setParentId(parentId)
                .setPeriodStart(LocalDate.of(2014, 1, 1))
                .setPeriodEnd(LocalDate.of(2020, 12, 31))
                .setBudgetEur(parentId == null ? 2.3e9 : null)
                .build();
    }

    static Map<String, Organisation> seedOrganisations() {
        return byId(
                Organisation::getId,
                cluster("org:bnpt", "BalticNet-PlasmaTec", "DE"),
                cluster("org:nanoprogress", "Nanoprogress", "CZ"),
                cluster("org:wsm", "Water Sensors and Membranes", "FR"),
                cluster("org:zinnae", "ZINNAE", "ES"),
                cluster("org:ecict", "East Cluster ICT", "PL"),
                organisation("org:pole-scs", "Pôle SCS", "competitiveness_cluster", "FR"),
                cluster("org:cet", "Cluster d'Energia Tèrmica", "ES"),
                cluster("org:solartys", "Solartys", "ES"),
                cluster("org:secpho", "SECPhO", "ES"),
                cluster("org:srednogorie", "Srednogorie Med-Tech", "BG"),
                organisation("org:esca", "European Secretariat for Cluster Analysis", "label_body", "DE"),
                organisation("org:vdivde-it", "VDI/VDE Innovation + Technik GmbH", "consultancy", "DE"));
    }

    static Map<String, Consortium> seedConsortia() {
        return byId(
                Consortium::getId,
                consortium("cons:inno-drop", "INNO-DROP", "prog:cosme-cluster-excellence", INNO_DROP_MEMBERS),
                consortium("cons:clusgrid", "CLUSGRID", "prog:cosme-cluster-excellence", CLUSGRID_MEMBERS));
    }

    static Map<String, Programme> seedProgrammes() {
        return byId(
                Programme::getId,
                programme("prog:cosme", "Programme for the Competitiveness of Enterprises and SMEs", "COSME", null),
                programme("prog:cosme-cluster-excellence", "Cluster Excellence Programme", null, "prog:cosme"));
    }

    static ReferenceLookup seedReference() {
        return ReferenceLookup.of(seedOrganisations(), seedConsortia(), seedProgrammes());
    }

    /** The seed news as ingest would publish it. */
    static NewsEvent seedNews() {
        return news("news:seed-2017-05-17")
                .setTitle("BalticNet-PlasmaTec: Treffen europäischer Cluster zu einem"
                        + " speziellen Cluster Excellence Management Training")
                .setPublishedAt(LocalDate.of(2017, 5, 17))
                .setKind(NewsKind.TRAINING)
                .setLanguage("de")
                .setPublisherId("org:bnpt")
                .setOrganisationIds(List.of("org:bnpt", "org:esca", "org:vdivde-it"))
                .setConsortiumIds(List.of("cons:inno-drop", "cons:clusgrid"))
                .setProgrammeIds(List.of("prog:cosme", "prog:cosme-cluster-excellence"))
                .build();
    }

    /** A news builder with the required fields set. */
    static NewsEvent.Builder news(String id) {
        return NewsEvent.newBuilder()
                .setId(id)
                .setSource("test:" + id)
                .setTitle("Title of " + id)
                .setIngestedAt(START);
    }

    @SafeVarargs
    static <T> Map<String, T> byId(Function<T, String> id, T... items) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T item : items) {
            map.put(id.apply(item), item);
        }
        return map;
    }
}
