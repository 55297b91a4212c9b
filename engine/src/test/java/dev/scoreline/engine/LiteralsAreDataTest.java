package dev.scoreline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No text of a {@code .score} file is ever run as code: every string that reaches the rule base
 * (score, group, status, list and label names, literals) is matched as data, whatever it holds.
 */
class LiteralsAreDataTest {

    static List<String> hostile() {
        return List.of(
                "x\\\") || true || (\\\"",
                "\\\"; rule X when then System.exit(1); end",
                "${7*7}",
                "@{System.exit(1)}",
                "System.exit(1)",
                "back\\\\slash",
                "new\\\\nline",
                "#{x}",
                "'); drop table x; --",
                "\\\\u0022");
    }

    /** The literal as the data holds it: the .score escapes \" and \\ undone. */
    static String unescaped(String literal) {
        return literal.replace("\\\"", "\"").replace("\\\\", "\\");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void everyStringFieldIsMatchedAsData(String literal) {
        String value = unescaped(literal);
        String text = """
                score "S %1$s" on company
                  type fit
                  include lists "L %1$s"
                  status "Low %1$s" from 0
                  status "High %1$s" from 10
                  group "G %1$s"
                    add 5 if name is "%1$s"
                    add 7 if name contains "%1$s"
                    add 11 if name is any of "%1$s", "other"
                    add 13 if in list "L %1$s"
                    points for name: "%1$s" 17
                    add 19 if name is unknown on associated contact labeled "%1$s"
                    add 23 for each visit where page starts with "%1$s"
                """.formatted(literal);
        Fixture f = new Fixture()
                .recordInLists("company:hit", List.of("L " + value), "name", value)
                .recordInLists("company:miss", List.of("L " + value), "name", "plain")
                .record("contact:p")
                .associate("company:hit", "contact:p", value)
                .eventDaysAgo("company:hit", "visit", 1, "page", value + "/x");
        var r = f.score(text.replace("type fit", "type health").replace("group \"G " + literal + "\"",
                "group \"G " + literal + "\" limit 100"));
        String name = "S " + value;
        assertThat(r.get(name + "/company:hit").value()).isEqualByComparingTo("95");
        assertThat(r.get(name + "/company:hit").status()).isEqualTo("High " + value);
        assertThat(r.get(name + "/company:hit").groups()).containsKey("G " + value);
        assertThat(r.get(name + "/company:miss").value()).isEqualByComparingTo("13");
    }
}
