package dev.ferry.app.check;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NearestTest {

    @Test
    void picksTheCandidateWithTheSmallestEditDistance() {
        assertThat(Nearest.to("tto", List.of("toD", "to", "log", "bean"))).contains("to");
        assertThat(Nearest.to("ferry.aep.clientid", List.of("ferry.aep.client-id", "ferry.aep.client-secret",
                "ferry.aep.org-id"))).contains("ferry.aep.client-id");
    }

    @Test
    void comparesIgnoringCaseButAnswersWithTheCandidatesSpelling() {
        assertThat(Nearest.to("DATASETID", List.of("datasetId", "schemaId"))).contains("datasetId");
    }

    @Test
    void breaksTiesByTheLongerCommonPrefix() {
        // "rout" is one edit from both; "route" shares the longer prefix
        assertThat(Nearest.to("rout", List.of("rest", "route", "out"))).contains("route");
    }

    @Test
    void hasNoSuggestionWithoutCandidates() {
        assertThat(Nearest.to("x", List.of())).isEmpty();
        assertThat(Nearest.suggestion("x", List.of())).isEmpty();
        assertThat(Nearest.suggestion("tto", List.of("to"))).isEqualTo("; did you mean 'to'?");
    }
}
