package org.adcckb.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The budget's arithmetic: counting sets before they are drawn, drawing them one at a time, capping bounds. */
class BudgetTest {

    @Test
    void combinationsAreCountedExactlyAndSaturateInsteadOfOverflowing() {
        assertThat(Budget.choose(779, 1)).isEqualTo(779);
        assertThat(Budget.choose(779, 2)).isEqualTo(303_031);
        assertThat(Budget.choose(779, 3)).isEqualTo(78_485_029);
        assertThat(Budget.choose(5, 6)).isZero();
        assertThat(WhyNotSearch.combinations(779, 3)).isEqualTo(78_788_839);
        assertThat(WhyNotSearch.combinations(11, 2)).isEqualTo(66);
        assertThat(WhyNotSearch.combinations(2, 4)).as("no set larger than the candidates").isEqualTo(3);
        assertThat(Budget.choose(100_000, 4)).as("fits, though n^4 does not").isEqualTo(4_166_416_671_249_975_000L);
        assertThat(Budget.choose(1_000_000, 4)).isEqualTo(Long.MAX_VALUE);
        assertThat(Budget.times(Long.MAX_VALUE / 2, 3)).isEqualTo(Long.MAX_VALUE);
        assertThat(Budget.plus(Long.MAX_VALUE, 1)).isEqualTo(Long.MAX_VALUE);
        assertThat(Budget.count(78_788_839)).isEqualTo("78,788,839");
    }

    @Test
    void subsetsComeOneAtATimeInLexicographicOrder() {
        List<String> drawn = new ArrayList<>();
        WhyNotSearch.Subsets s = new WhyNotSearch.Subsets(4, 2);
        while (s.hasNext()) {
            drawn.add(Arrays.toString(s.next()));
        }
        assertThat(drawn).containsExactly("[0, 1]", "[0, 2]", "[0, 3]", "[1, 2]", "[1, 3]", "[2, 3]");
        assertThat(new WhyNotSearch.Subsets(2, 3).hasNext()).as("no 3-subset of 2 things").isFalse();
    }

    @Test
    void aRequestCanLowerTheServersBoundsButNotRaiseThem() {
        Budget server = new Budget(100_000, 60_000, 1_000);
        assertThat(new Budget(5, 1_000_000, 10).within(server)).isEqualTo(new Budget(5, 60_000, 10));
        assertThat(new Budget(Long.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE).within(server)).isEqualTo(server);
    }

    @Test
    void everyBoundIsPositiveAndAHugeTimeDoesNotOverflowTheDeadline() {
        assertThatThrownBy(() -> new Budget(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Budget.DEFAULT.withMaxMillis(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Budget.DEFAULT.withMaxSolutions(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Budget.DEFAULT.withMaxMillis(Long.MAX_VALUE).start().passed()).isFalse();
        assertThat(Budget.DEFAULT.start().passed()).isFalse();
    }

    @Test
    void aRefusalNamesTheOptionsOnTheCommandLineAndTheFieldsInARequest() {
        BudgetException e = new BudgetException("over the budget of 5 ({maxCombinations}); narrow with {agents} or {max}");
        assertThat(e.getMessage()).isEqualTo("over the budget of 5 (--max-combinations); narrow with --agents or --max");
        assertThat(e.inRequest().getMessage())
                .isEqualTo("over the budget of 5 ($.budget.maxCombinations); narrow with $.agents or $.max");
    }
}
