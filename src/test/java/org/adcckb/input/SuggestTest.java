package org.adcckb.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Did you mean": the suggestion a biologist would have meant, or none. */
class SuggestTest {

    private static final List<String> AGENTS = List.of("atra", "cd38_nanobody", "daratumumab", "ifn_alpha");

    @Test
    void aShortenedNameSuggestsTheFullOne() {
        assertThat(Suggest.closest("dara", AGENTS)).contains("daratumumab");
        assertThat(Suggest.closest("ifn", AGENTS)).contains("ifn_alpha");
    }

    @Test
    void theRightCharactersInAnotherOrderSuggestTheRightValue() {
        assertThat(Suggest.closest("V158", List.of("none", "158F", "158V"))).contains("158V");
    }

    @Test
    void theSameNameInOtherCaseBeatsALongerNameThatStartsWithIt() {
        assertThat(Suggest.closest("read", List.of("READ", "READ-2nd", "RECALL", "INFER"))).contains("READ");
        assertThat(Suggest.closest("High", List.of("none", "low", "medium", "high"))).contains("high");
    }

    @Test
    void aNearSpellingIsSuggested() {
        assertThat(Suggest.closest("atr", AGENTS)).contains("atra");
        assertThat(Suggest.closest("hihg", List.of("none", "low", "medium", "high"))).contains("high");
    }

    @Test
    void nothingCloseMeansNoSuggestion() {
        assertThat(Suggest.closest("rituximab", AGENTS)).isEmpty();
        assertThat(Suggest.hint("rituximab", AGENTS)).isEmpty();
    }
}
