package dev.scoreline.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link ScoreParser#header} and {@link ScoreParser#headers} read score lines as the parser does. */
class ScoreHeaderTest {

    @Test
    void readsNameAndObjectTypeWithEscapesDecoded() {
        ScoreHeader h = ScoreParser.header("# about it\nscore \"Lead \\\"A\\\" \\\\ B\" on contact\n  type engagement\n")
                .orElseThrow();
        assertThat(h.name()).isEqualTo("Lead \"A\" \\ B");
        assertThat(h.objectType()).isEqualTo("contact");
        assertThat(h.line()).isEqualTo(2);
        assertThat(h.nameLine()).isEqualTo(2);
        assertThat(h.nameColumn()).isEqualTo(7);
        assertThat(h.nameLength()).isEqualTo("\"Lead \\\"A\\\" \\\\ B\"".length());
    }

    @Test
    void findsEveryScoreLineInOrderAndFollowsContinuations() {
        String text = "score \"A\" on contact\n  type fit\n\n# score \"Commented\" on deal\n"
                + "score \\\n  \"B\" on company.child-1\n  description \"score \\\"C\\\" on deal\"\n";
        assertThat(ScoreParser.headers(text)).extracting(ScoreHeader::name, ScoreHeader::objectType, ScoreHeader::line,
                        ScoreHeader::nameLine, ScoreHeader::nameColumn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A", "contact", 1, 1, 7),
                        org.assertj.core.groups.Tuple.tuple("B", "company.child-1", 5, 6, 3));
    }

    @Test
    void leavesOutBrokenScoreLines() {
        assertThat(ScoreParser.headers("score Lead on contact\nscore \"X\" contact\nscore \"Y\" on\n"
                + "score \"Z\" on deal extra\nscore \"bad \\q\" on deal\n")).isEmpty();
        assertThat(ScoreParser.header("group \"A\"\n  add 1 for each call\n")).isEmpty();
    }
}
