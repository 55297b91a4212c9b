package dev.scoreline.engine.internal.compile;

import dev.scoreline.dsl.model.Condition;
import dev.scoreline.dsl.model.Condition.Operator;
import dev.scoreline.dsl.model.DateLiteral;
import dev.scoreline.dsl.model.SourcePosition;
import dev.scoreline.dsl.model.TimeUnit;
import dev.scoreline.dsl.model.Value;
import dev.scoreline.engine.internal.data.DataValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The value matching rules of language.md section 10, one predicate at a time. */
class MatchingTest {

    static final long NOW = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();

    static MatchFact fact(Object value, String... lists) {
        DataValue v = DataValue.of(value);
        Set<String> l = Set.of(Arrays.stream(lists).map(DataValue::fold).toArray(String[]::new));
        return new MatchFact() {
            @Override public DataValue value(String name) { return name.equals("p") ? v : DataValue.UNKNOWN; }
            @Override public boolean inList(String list) { return l.contains(list); }
            @Override public long now() { return NOW; }
        };
    }

    static boolean holds(Object value, Operator op, Value... literals) {
        return FactTest.of(new Condition.Predicate("P", op, List.of(literals), null, SourcePosition.UNKNOWN))
                .test(fact(value));
    }

    static Value t(String s) { return new Value.Text(s); }
    static Value n(String s) { return new Value.Number(new BigDecimal(s)); }
    static Value d(String s) { return new Value.Date(DateLiteral.ofDay(LocalDate.parse(s))); }
    static Value i(String s) { return new Value.Date(DateLiteral.ofInstant(Instant.parse(s))); }

    @Test
    void textComparisonsIgnoreCaseAndSurroundingSpaces() {
        assertThat(holds(" northeast ", Operator.IS, t("Northeast"))).isTrue();
        assertThat(holds("Software", Operator.IS, t(" software "))).isTrue();
        assertThat(holds("Contact us – sales", Operator.CONTAINS, t("CONTACT US"))).isTrue();
        assertThat(holds("/Pricing/enterprise", Operator.STARTS_WITH, t("/pricing"))).isTrue();
        assertThat(holds("report.PDF", Operator.ENDS_WITH, t(".pdf"))).isTrue();
        assertThat(holds("Retail", Operator.IS, t("Software"))).isFalse();
    }

    @Test
    void numberLiteralsEqualValuesThatReadAsTheSameNumber() {
        assertThat(holds("100", Operator.IS, n("100"))).isTrue();
        assertThat(holds(new BigDecimal("100.0"), Operator.IS, n("100"))).isTrue();
        assertThat(holds("1e2", Operator.IS, n("100"))).isTrue(); // exponents read (language.md section 10)
        assertThat(holds("+100", Operator.IS, n("100"))).isTrue();
        assertThat(holds(".5", Operator.IS, n("0.5"))).isTrue();
        assertThat(holds("100.", Operator.IS, n("100"))).isFalse(); // a fraction needs a digit
        assertThat(holds("1,000", Operator.IS, n("1000"))).isFalse();
        assertThat(holds(100, Operator.IS, t("100"))).isTrue();
    }

    @Test
    void comparisonsNeedANumberAndBetweenIncludesBothEnds() {
        assertThat(holds("8", Operator.GREATER_OR_EQUAL, n("8"))).isTrue();
        assertThat(holds("8", Operator.GREATER, n("8"))).isFalse();
        assertThat(holds(7.5, Operator.LESS, n("8"))).isTrue();
        assertThat(holds("n/a", Operator.LESS, n("8"))).isFalse();
        assertThat(holds("n/a", Operator.GREATER_OR_EQUAL, n("8"))).isFalse();
        assertThat(holds(7, Operator.BETWEEN_NUMBERS, n("7"), n("8"))).isTrue();
        assertThat(holds(8, Operator.BETWEEN_NUMBERS, n("7"), n("8"))).isTrue();
        assertThat(holds(8.01, Operator.BETWEEN_NUMBERS, n("7"), n("8"))).isFalse();
        assertThat(holds(null, Operator.LESS_OR_EQUAL, n("8"))).isFalse();
    }

    @Test
    void unknownIsMissingNullEmptyStringOrEmptyArray() {
        for (Object unknown : Arrays.asList(null, "", "   ", List.of())) {
            assertThat(holds(unknown, Operator.UNKNOWN)).as("%s", unknown).isTrue();
            assertThat(holds(unknown, Operator.KNOWN)).isFalse();
        }
        assertThat(holds(0, Operator.KNOWN)).isTrue();
        assertThat(holds(false, Operator.KNOWN)).isTrue();
    }

    @Test
    void negativeFormsAreExactNegationsAndHoldForUnknown() {
        assertThat(holds(null, Operator.IS_NOT, t("x"))).isTrue();
        assertThat(holds(null, Operator.NONE_OF, t("x"), t("y"))).isTrue();
        assertThat(holds(null, Operator.NOT_CONTAINS, t("x"))).isTrue();
        assertThat(holds("DE", Operator.NONE_OF, t("US"), t("CA"))).isTrue();
        assertThat(holds("us", Operator.NONE_OF, t("US"), t("CA"))).isFalse();
        assertThat(holds(List.of("US", "DE"), Operator.IS_NOT, t("US"))).isFalse();
    }

    @Test
    void multiValuedPropertiesHoldWhenAnyValueDoes() {
        assertThat(holds(List.of("Northeast", "Midwest"), Operator.IS, t("midwest"))).isTrue();
        assertThat(holds(List.of("Northeast", "Southeast"), Operator.CONTAINS_ANY_OF, t("east"), t("zzz"))).isTrue();
        assertThat(holds(List.of(3, "x"), Operator.GREATER, n("2"))).isTrue();
    }

    @Test
    void datesInDataAreIsoDatesInstantsOrEpochMilliseconds() {
        long jan15 = Instant.parse("2026-01-15T10:00:00Z").toEpochMilli();
        assertThat(holds("2026-01-15", Operator.IS, d("2026-01-15"))).isTrue();
        assertThat(holds("2026-01-15T23:59:59Z", Operator.IS, d("2026-01-15"))).isTrue();
        assertThat(holds(jan15, Operator.IS, d("2026-01-15"))).isTrue();
        assertThat(holds(String.valueOf(jan15), Operator.IS, d("2026-01-15"))).isTrue();
        assertThat(holds("2026-01-15T10:00:00+02:00", Operator.IS, i("2026-01-15T08:00:00Z"))).isTrue();
        assertThat(holds("not a date", Operator.BEFORE, d("2030-01-01"))).isFalse();
    }

    @Test
    void dayLiteralsAreWholeUtcDays() {
        // before D: t < D 00:00; after D: t >= (D+1) 00:00; between D1 and D2: D1 00:00 <= t < (D2+1) 00:00
        assertThat(holds("2025-12-31T23:59:59Z", Operator.BEFORE, d("2026-01-01"))).isTrue();
        assertThat(holds("2026-01-01T00:00:00Z", Operator.BEFORE, d("2026-01-01"))).isFalse();
        assertThat(holds("2026-01-31T12:00:00Z", Operator.AFTER, d("2026-01-31"))).isFalse();
        assertThat(holds("2026-02-01T00:00:00Z", Operator.AFTER, d("2026-01-31"))).isTrue();
        assertThat(holds("2026-01-31T23:59:59Z", Operator.BETWEEN_DATES, d("2026-01-01"), d("2026-01-31"))).isTrue();
        assertThat(holds("2026-02-01T00:00:00Z", Operator.BETWEEN_DATES, d("2026-01-01"), d("2026-01-31"))).isFalse();
    }

    @Test
    void instantLiteralsAreExact() {
        assertThat(holds("2026-01-31T12:00:00Z", Operator.AFTER, i("2026-01-31T12:00:00Z"))).isFalse();
        assertThat(holds("2026-01-31T12:00:01Z", Operator.AFTER, i("2026-01-31T12:00:00Z"))).isTrue();
        assertThat(holds("2026-01-31T12:00:00Z", Operator.BEFORE, i("2026-01-31T12:00:00Z"))).isFalse();
        assertThat(holds("2026-01-31T12:00:00Z", Operator.BETWEEN_DATES,
                i("2026-01-31T12:00:00Z"), i("2026-01-31T12:00:00Z"))).isTrue();
    }

    @Test
    void inTheLastCountsBackFromNowInclusive() {
        Condition.Predicate last30 = new Condition.Predicate("p", Operator.IN_THE_LAST, List.of(n("30")),
                TimeUnit.DAY, SourcePosition.UNKNOWN);
        assertThat(FactTest.of(last30).test(fact("2026-01-30T00:00:00Z"))).isTrue();
        assertThat(FactTest.of(last30).test(fact("2026-01-29T23:59:59Z"))).isFalse();
        assertThat(FactTest.of(last30).test(fact("2026-03-01T00:00:00Z"))).isTrue();
        assertThat(FactTest.of(last30).test(fact("2026-03-01T00:00:01Z"))).isFalse();
    }

    @Test
    void listsMatchIgnoringCaseAndSpaces() {
        FactTest in = FactTest.of(new Condition.InList(" vip ", false, SourcePosition.UNKNOWN));
        FactTest notIn = FactTest.of(new Condition.InList("VIP", true, SourcePosition.UNKNOWN));
        assertThat(in.test(fact(null, "Vip"))).isTrue();
        assertThat(notIn.test(fact(null, "Vip"))).isFalse();
        assertThat(notIn.test(fact(null))).isTrue();
    }

    @Test
    void andBindsTighterThanOrAndNotTighterThanBoth() {
        // not a or b and c  ==  (not a) or (b and c)
        Condition a = new Condition.InList("a", false, SourcePosition.UNKNOWN);
        Condition b = new Condition.InList("b", false, SourcePosition.UNKNOWN);
        Condition c = new Condition.InList("c", false, SourcePosition.UNKNOWN);
        FactTest test = FactTest.of(new Condition.Or(List.of(new Condition.Not(a), new Condition.And(List.of(b, c)))));
        assertThat(test.test(fact(null, "a", "b"))).isFalse();
        assertThat(test.test(fact(null, "a", "b", "c"))).isTrue();
        assertThat(test.test(fact(null))).isTrue();
    }

    @Test
    void shapeKeysIgnoreOrderCaseAndSpaces() {
        assertThat(DataValue.key(List.of("B", " a"))).isEqualTo(DataValue.key(List.of("A", "b ")));
        assertThat(DataValue.key(null)).isEqualTo(DataValue.key("")).isEqualTo(DataValue.key(List.of()));
        assertThat(DataValue.key(Map.of())).isNotNull();
    }
}
