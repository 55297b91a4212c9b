package dev.scoreline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.api.ScoreResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Comparisons of a property with literals — numbers by order and equality, texts and true/false by
 * equality, single and multi-valued, numbers given as JSON numbers or as text, texts that are not
 * numbers — checked for any literals and values against a direct reading of each rule.
 */
class LiteralComparisonsTest {

    /** One rule on property n: an operator and its literals. */
    record NumberRule(String op, BigDecimal a, BigDecimal b, int points) {
        String text() {
            return switch (op) {
                case "between" -> "add " + points + " if n is between " + a.min(b).toPlainString() + " and " + a.max(b).toPlainString();
                case "is" -> "add " + points + " if n is " + a.toPlainString();
                case "is not" -> "add " + points + " if n is not " + a.toPlainString();
                case "is text" -> "add " + points + " if n is \"" + word() + "\"";
                case "is true" -> "add " + points + " if n is true";
                case "none of" -> "add " + points + " if n is none of \"" + word() + "\", " + a.toPlainString();
                default -> "add " + points + " if n " + op + " " + a.toPlainString();
            };
        }

        boolean holdsFor(BigDecimal x) {
            BigDecimal lo = a.min(b);
            BigDecimal hi = a.max(b);
            return switch (op) {
                case ">" -> x.compareTo(a) > 0;
                case ">=" -> x.compareTo(a) >= 0;
                case "<" -> x.compareTo(a) < 0;
                case "<=" -> x.compareTo(a) <= 0;
                case "between" -> x.compareTo(lo) >= 0 && x.compareTo(hi) <= 0;
                case "is" -> x.compareTo(a) == 0;
                default -> throw new IllegalStateException(op);
            };
        }

        /** Whether the rule holds for a value: any element for the positive forms, none for "is not". */
        /** A text literal picked by the first literal. */
        String word() {
            return List.of("abc", " X ", "Pricing").get(Math.floorMod(a.intValue(), 3));
        }

        boolean holds(List<Object> value) {
            if (op.equals("is text")) {
                return value.stream().anyMatch(o -> o.toString().strip().equalsIgnoreCase(word().strip()));
            }
            if (op.equals("is true")) {
                return value.stream().anyMatch(o -> o.toString().strip().equalsIgnoreCase("true"));
            }
            if (op.equals("none of")) {
                return value.stream().noneMatch(o -> o.toString().strip().equalsIgnoreCase(word().strip())
                        || number(o) != null && number(o).compareTo(a) == 0);
            }
            if (op.equals("is not")) {
                return value.stream().map(LiteralComparisonsTest::number).noneMatch(x -> x != null && x.compareTo(a) == 0);
            }
            return value.stream().map(LiteralComparisonsTest::number).anyMatch(x -> x != null && holdsFor(x));
        }
    }

    static BigDecimal number(Object o) {
        String t = o.toString().strip();
        // language.md section 10: sign, digits with a fraction or a fraction alone, an exponent
        return t.matches("[+-]?(\\d+(\\.\\d+)?|\\.\\d+)([eE][+-]?\\d+)?")
                ? new BigDecimal(t.startsWith("+") ? t.substring(1) : t) : null;
    }

    @Provide
    Arbitrary<List<NumberRule>> ruleLists() {
        return rules().list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<List<Object>>> recordLists() {
        return values().list().ofMinSize(1).ofMaxSize(25);
    }

    Arbitrary<NumberRule> rules() {
        Arbitrary<BigDecimal> literal = Arbitraries.integers().between(-20, 20).map(i -> BigDecimal.valueOf(i, i % 3 == 0 ? 0 : 1));
        return Combinators.combine(Arbitraries.of(">", ">=", "<", "<=", "between", "is", "is not", "is text", "is true", "none of"), literal, literal,
                Arbitraries.integers().between(1, 9)).as(NumberRule::new);
    }

    Arbitrary<List<Object>> values() {
        Arbitrary<Object> element = Arbitraries.oneOf(
                Arbitraries.integers().between(-25, 25).map(i -> (Object) BigDecimal.valueOf(i, i % 2 == 0 ? 0 : 1)),
                Arbitraries.integers().between(-25, 25).map(i -> (Object) (" " + i + " ")),
                Arbitraries.integers().between(-2500, 2500).map(i -> (Object) BigDecimal.valueOf(i, 2)),
                Arbitraries.of("n/a", "", "1e3", "+7", ".5", "5.", "   ", "true", Boolean.TRUE, Boolean.FALSE, "ABC", " x ", "pricing", "Pricing page"));
        return element.list().ofMinSize(0).ofMaxSize(3);
    }

    @Property(tries = 60)
    void everyRecordScoresAsIfEachNumberWereMatchedOnItsOwn(@ForAll("ruleLists") List<NumberRule> rules,
                                                             @ForAll("recordLists") List<List<Object>> records) {
        StringBuilder text = new StringBuilder("score \"S\" on contact\n  type fit\n  group \"G\" limit 1000\n");
        rules.forEach(r -> text.append("    ").append(r.text()).append('\n'));
        Fixture f = new Fixture();
        for (int i = 0; i < records.size(); i++) {
            List<Object> v = records.get(i);
            f.record("contact:r" + i, "n", v.size() == 1 ? v.get(0) : v);
        }
        Map<String, ScoreResult> scored = f.score(text.toString());
        for (int i = 0; i < records.size(); i++) {
            List<Object> v = records.get(i);
            int expected = 0;
            for (NumberRule r : rules) {
                expected += r.holds(v) ? r.points() : 0;
            }
            assertThat(scored.get("S/contact:r" + i).value())
                    .as("value %s with rules %s", v, rules.stream().map(NumberRule::text).toList())
                    .isEqualByComparingTo(BigDecimal.valueOf(expected));
        }
    }

    @Test
    void explanationsShowTheRecordsOwnNumber() {
        Fixture f = new Fixture().record("contact:a", "n", 1234).record("contact:b", "n", 1500);
        CompiledScores scores = Fixture.compile("""
                score "S" on contact
                  type fit
                  group "G" limit 100
                    add 10 if n > 1000
                """);
        ScoringData data = f.load(scores);
        List<String> details = new ArrayList<>();
        Fixture.ENGINE.explain(data, dev.scoreline.api.RecordKey.parse("contact:b"), Fixture.NOW).orElseThrow()
                .scores().forEach(s -> s.groups().forEach(g -> g.rules().forEach(r -> details.addAll(r.details()))));
        assertThat(String.join("\n", details)).contains("1500").doesNotContain("1234");
    }

    @Test
    void aPropertyAlsoReadAsTextKeepsItsValues() {
        Fixture f = new Fixture().record("contact:a", "n", "150").record("contact:b", "n", "150.0");
        Map<String, ScoreResult> scored = f.score("""
                score "S" on contact
                  type fit
                  group "G" limit 100
                    add 10 if n > 100
                    add 1 if n starts with "150."
                """);
        assertThat(scored.get("S/contact:a").value()).isEqualByComparingTo("10");
        assertThat(scored.get("S/contact:b").value()).isEqualByComparingTo("11");
    }
}
