package dev.scoreline.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One mistake, one error: recovery never adds a follow-on error for what a broken line may have said. */
class RecoveryTest {

    private static void onlyError(String text, String code, int line) {
        assertThat(ScoreParser.parse("t.score", text).diagnostics())
                .extracting(d -> d.position().line() + ":" + d.code())
                .containsExactly(line + ":" + code);
    }

    @Test
    void aBrokenRuleIsNotAlsoAnEmptyGroup() {
        onlyError("score \"S\" on contact\n type fit\n group \"G\"\n add 1 if x equals 1\n", "SL203", 4);
    }

    @Test
    void aBrokenRuleDoesNotMakeDecayLookUseless() {
        onlyError("score \"S\" on contact\n type engagement\n group \"G\"\n decay 50% every 1 month\n add 1 for each e in the last 2 parsecs\n",
                "SL205", 5);
    }

    @Test
    void aBrokenTypeLineIsNotAlsoAMissingType() {
        onlyError("score \"S\" on contact\n type fitt\n group \"G\"\n add 1 if x is 1\n", "SL204", 2);
        onlyError("score \"S\" on contact\n typ fit\n group \"G\"\n add 1 if x is 1\n", "SL201", 2);
    }

    @Test
    void aBrokenGroupLineStillOpensAGroup() {
        onlyError("score \"S\" on contact\n type fit\n group G\n add 1 if x is 1\n add 2 if y is 1\n", "SL202", 3);
        onlyError("score \"S\" on contact\n type fit\n grup \"G\"\n add 1 if x is 1\n", "SL201", 3);
    }

    @Test
    void aBrokenGroupLineOfAHealthScoreDoesNotGiveASumError() {
        onlyError("score \"S\" on company\n type health\n group \"A\" limit 50\n add 1 if x is 1\n group \"B\" limit 5O\n add 1 if x is 1\n",
                "SL103", 5);
    }

    @Test
    void aBrokenScoreLineStillOpensAScore() {
        onlyError("score Lead on contact\n type fit\n group \"G\"\n add 1 if x is 1\n", "SL202", 1);
    }

    @Test
    void rulesBeforeAnyGroupAreReportedOnce() {
        onlyError("score \"S\" on contact\n type fit\n add 1 if x is 1\n add 2 if x is 2\n add 3 if x is 3\n", "SL302", 3);
    }

    @Test
    void statementsBeforeAnyScoreAreReportedOnce() {
        onlyError("type fit\ngroup \"G\"\nadd 1 if x is 1\n", "SL301", 1);
    }

    @Test
    void aTypeAfterTheGroupsCountsButIsOutOfOrder() {
        onlyError("score \"S\" on contact\n group \"G\"\n add 1 if x is 1\n type fit\n", "SL303", 4);
    }

    @Test
    void everyLineWithAMistakeIsReported() {
        assertThat(ScoreParser.parse("t.score", """
                score "S" on contact
                  type fit
                  group "G"
                    add 1 if x equals 1
                    add 2 if y is "open
                    add 3 if z >> 4
                    add 4 if w is 4
                """).diagnostics()).extracting(d -> d.position().line()).containsExactly(4, 5, 6);
    }
}
