package dev.scoreline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.api.ScoreResult;
import dev.scoreline.dsl.model.Decay;
import dev.scoreline.dsl.model.SourcePosition;
import dev.scoreline.engine.internal.eval.DecayMath;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties the arithmetic must keep whatever the data (issue 3). */
class ScorePropertiesTest {

    @Property(tries = 60)
    void aGroupValueStaysWithinItsLimit(@ForAll @IntRange(min = 1, max = 50) int limit,
                                        @ForAll @Size(max = 12) List<@IntRange(min = -40, max = 40) Integer> points,
                                        @ForAll @IntRange(min = 0, max = 12) int events) {
        StringBuilder text = new StringBuilder("score \"S\" on contact\n  type engagement\n  group \"G\" limit ")
                .append(limit).append('\n');
        for (int i = 0; i < points.size(); i++) {
            int p = points.get(i);
            text.append("    ").append(p < 0 ? "subtract " : "add ").append(Math.abs(p))
                    .append(" for each e").append(i % 3).append('\n');
        }
        text.append("    add 1 for each e9\n");
        Fixture f = new Fixture().record("contact:a");
        for (int i = 0; i < events; i++) {
            f.eventDaysAgo("contact:a", "e" + (i % 3), i);
        }
        BigDecimal value = f.score(text.toString()).get("S/contact:a").groups().get("G");
        assertThat(value.abs()).isLessThanOrEqualTo(BigDecimal.valueOf(limit));
    }

    @Provide
    Arbitrary<Decay> decays() {
        return Arbitraries.of(1, 3, 6, 12).flatMap(k -> Arbitraries.bigDecimals()
                .between(new BigDecimal("0.01"), BigDecimal.valueOf(100)).ofScale(2)
                .map(p -> new Decay(p, k, SourcePosition.UNKNOWN)));
    }

    @Property(tries = 300)
    void aDecayFactorNeverRisesWithAgeAndIsNeverNegative(@ForAll("decays") Decay decay,
                                                       @ForAll @IntRange(min = 0, max = 2000) int ageDays,
                                                       @ForAll @IntRange(min = 0, max = 400) int moreDays) {
        BigDecimal younger = DecayMath.factor(decay, ageDays * 86_400_000L);
        BigDecimal older = DecayMath.factor(decay, (ageDays + moreDays) * 86_400_000L);
        assertThat(older).isLessThanOrEqualTo(younger);
        assertThat(older.signum()).isGreaterThanOrEqualTo(0);
        assertThat(younger).isLessThanOrEqualTo(BigDecimal.ONE);
    }

    @Property(tries = 40)
    void addingAMatchingEventNeverLowersAnAddOnlyScore(
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 30) Integer> points,
            @ForAll @Size(max = 10) List<@IntRange(min = 0, max = 200) Integer> ages,
            @ForAll @IntRange(min = 0, max = 200) int newAge,
            @ForAll @IntRange(min = 0, max = 5) int type) {
        StringBuilder text = new StringBuilder("score \"S\" on contact\n  type engagement\n  limit 60\n"
                + "  group \"G\" limit 40\n    decay 25% every 1 month\n");
        for (int i = 0; i < points.size(); i++) {
            text.append("    add ").append(points.get(i)).append(" for each e").append(i).append('\n');
        }
        text.append("    add 3 if e0 occurs at least 2 times\n");
        Fixture before = new Fixture().record("contact:a");
        Fixture after = new Fixture().record("contact:a");
        for (int i = 0; i < ages.size(); i++) {
            before.eventDaysAgo("contact:a", "e" + (i % points.size()), ages.get(i));
            after.eventDaysAgo("contact:a", "e" + (i % points.size()), ages.get(i));
        }
        after.eventDaysAgo("contact:a", "e" + (type % points.size()), newAge);
        ScoreResult b = before.score(text.toString()).get("S/contact:a");
        ScoreResult a = after.score(text.toString()).get("S/contact:a");
        assertThat(a.value()).isGreaterThanOrEqualTo(b.value());
    }

    @Property(tries = 60)
    void togetherAndIndividuallyAgreeWhenEveryValueHasTheSamePoints(
            @ForAll @IntRange(min = -20, max = 20) int points,
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 0, max = 5) Integer> listed,
            @ForAll @IntRange(min = 0, max = 7) int held) {
        String values = String.join(", ", listed.stream().map(v -> "\"v" + v + "\"").toList());
        String sign = points < 0 ? "subtract " + -points : "add " + points;
        String text = "score \"Together\" on company\n  type fit\n  group \"G\"\n    " + sign + " if p is any of "
                + values + "\n\nscore \"Individually\" on company\n  type fit\n  group \"G\"\n    points for p: "
                + String.join(", ", listed.stream().distinct().map(v -> "\"v" + v + "\" " + points).toList()) + "\n";
        var r = new Fixture().record("company:a", "p", "V" + held).score(text);
        // Text matching ignores case: the held "V3" is the listed "v3". Either form gives the points once or not at all.
        BigDecimal expected = BigDecimal.valueOf(listed.contains(held) ? points : 0);
        assertThat(r.get("Together/company:a").value()).isEqualByComparingTo(expected);
        assertThat(r.get("Individually/company:a").value()).isEqualByComparingTo(r.get("Together/company:a").value());
    }
}
