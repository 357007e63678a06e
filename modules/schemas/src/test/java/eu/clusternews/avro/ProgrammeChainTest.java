package eu.clusternews.avro;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ProgrammeChainTest {

    private static Programme programme(String id, String parentId) {
        return Programme.newBuilder()
                .setId(id)
                .setName(id)
                .setParentId(parentId)
                .build();
    }

    private static List<String> ids(List<Programme> chain) {
        return chain.stream().map(Programme::getId).toList();
    }

    @Test
    void walksFromTheProgrammeUpToTheTopNearestFirst() {
        Map<String, Programme> known = Map.of(
                "prog:cep", programme("prog:cep", "prog:cosme"),
                "prog:cosme", programme("prog:cosme", null));

        assertThat(ids(ProgrammeChain.of("prog:cep", known::get))).containsExactly("prog:cep", "prog:cosme");
    }

    @Test
    void anUnknownProgrammeOrParentEndsTheChain() {
        Map<String, Programme> known = Map.of("prog:cep", programme("prog:cep", "prog:missing"));

        assertThat(ids(ProgrammeChain.of("prog:cep", known::get))).containsExactly("prog:cep");
        assertThat(ProgrammeChain.of("prog:nope", known::get)).isEmpty();
        assertThat(ProgrammeChain.of(null, known::get)).isEmpty();
    }

    @Test
    void aLoopInTheParentsEndsTheWalkInsteadOfRunningForever() {
        Map<String, Programme> known = Map.of(
                "prog:a", programme("prog:a", "prog:b"),
                "prog:b", programme("prog:b", "prog:a"));

        assertThat(ids(ProgrammeChain.of("prog:a", known::get))).containsExactly("prog:a", "prog:b");
    }

    @Test
    void stopsAtTheDepthLimit() {
        Map<String, Programme> known = Map.of(
                "prog:1", programme("prog:1", "prog:2"),
                "prog:2", programme("prog:2", "prog:3"),
                "prog:3", programme("prog:3", null));

        assertThat(ids(ProgrammeChain.of("prog:1", known::get, 2))).containsExactly("prog:1", "prog:2");
    }
}
