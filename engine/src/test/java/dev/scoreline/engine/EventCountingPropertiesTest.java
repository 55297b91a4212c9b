package dev.scoreline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.api.ScoreResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Events counted by timeline segment and shape (the engine's event tally) give what the language
 * says event by event (sections 8, 9 and 11): events placed on, just before and just after every
 * decay step, timeframe edge and NOW, checked against a reference written here from the spec.
 */
class EventCountingPropertiesTest {

    static final String SCORES = """
            score "T" on contact
              type engagement
              group "A"
                decay 25% every 1 month
                add 1.5 for each visit
                add 2 for each visit where page starts with "/p" in the last 20 days
                points for each form by kind: "x" 3, "y" 0.25
              group "B"
                decay 50% every 3 months
                add 7 if reply occurs at least 2 times in the last 45 days
                add 1 for each reply before 2026-02-10
                add 0.1 for each reply between 2025-12-01 and 2026-01-15
            """;

    static final long DAY = 86_400_000L;
    static final long NOW = Fixture.NOW.toEpochMilli();
    static final long BEFORE = Instant.parse("2026-02-10T00:00:00Z").toEpochMilli();
    static final long BETWEEN_FROM = Instant.parse("2025-12-01T00:00:00Z").toEpochMilli();
    static final long BETWEEN_TO = Instant.parse("2026-01-16T00:00:00Z").toEpochMilli() - 1;

    record Ev(int contact, String type, long at, String page, String kind) { }

    @Property(tries = 60)
    void groupsEqualTheSumEventByEvent(@ForAll("events") List<Ev> events) {
        Fixture f = new Fixture();
        for (int c = 0; c < 4; c++) {
            f.record("contact:c" + c);
        }
        for (Ev e : events) {
            f.event("contact:c" + e.contact(), e.type(), Instant.ofEpochMilli(e.at()).toString(),
                    "page", e.page(), "kind", e.kind());
        }
        Map<String, ScoreResult> results = f.score(SCORES);
        for (int c = 0; c < 4; c++) {
            int contact = c;
            List<Ev> mine = events.stream().filter(e -> e.contact() == contact).toList();
            ScoreResult r = results.get("T/contact:c" + c);
            assertThat(r.groups().get("A")).as("group A of c%d from %s", c, mine).isEqualByComparingTo(groupA(mine));
            assertThat(r.groups().get("B")).as("group B of c%d from %s", c, mine).isEqualByComparingTo(groupB(mine));
        }
    }

    @Example
    void sumsBeyondWhatALongHoldsStayExact() {
        Fixture f = new Fixture().record("contact:a");
        for (int i = 0; i < 11; i++) {
            f.eventDaysAgo("contact:a", "visit", i + 1);
        }
        // Each value fits a long, their sum does not.
        assertThat(f.value(points("100000000000000000.5"), "contact:a")).isEqualByComparingTo("1100000000000000005.5");
        // A value alone does not fit a long.
        assertThat(f.value(points("900000000000000000.5"), "contact:a")).isEqualByComparingTo("9900000000000000005.5");
        // More decimals than a scaled long keeps.
        assertThat(f.value(points("0.0000000001"), "contact:a")).isEqualByComparingTo("0");
        assertThat(f.value(points("0.0050000001"), "contact:a")).isEqualByComparingTo("0.06");
    }

    /**
     * Past 31 timeframes the matcher has no per-thread cache, past 63 an event's position no longer
     * fits a bit set and each instant is its own key: counting gives the same either way.
     */
    @Example
    void manyTimeframesCountAlike() {
        for (int frames : new int[] {5, 40, 70}) {
            StringBuilder text = new StringBuilder("score \"Many\" on contact\n  type engagement\n  group \"G\"\n");
            for (int n = 1; n <= frames; n++) {
                text.append("    add 1 for each visit in the last ").append(n).append(" days\n");
            }
            Fixture f = new Fixture().record("contact:a").record("contact:b")
                    .eventDaysAgo("contact:a", "visit", 10.5)
                    .eventDaysAgo("contact:a", "visit", 2.5)
                    .eventDaysAgo("contact:b", "visit", 0.5);
            // a: the 10.5-day-old visit is in every window of 11 days and more, the other in 3 and more.
            assertThat(f.value(text.toString(), "contact:a")).as("%d timeframes", frames)
                    .isEqualByComparingTo(String.valueOf(Math.max(0, frames - 10) + Math.max(0, frames - 2)));
            assertThat(f.value(text.toString(), "contact:b")).as("%d timeframes", frames)
                    .isEqualByComparingTo(String.valueOf(frames));
        }
    }

    private static String points(String points) {
        return """
                score "Big" on contact
                  type engagement
                  group "G"
                    add %s for each visit
                """.formatted(points);
    }

    /** Decay per section 9: max(0, 1 - floor(age / (30 K days)) * P / 100). */
    static BigDecimal factor(long at, int everyMonths, int percent) {
        long steps = Math.max(0, Math.floorDiv(NOW - at, 30L * everyMonths * DAY));
        BigDecimal f = BigDecimal.ONE.subtract(BigDecimal.valueOf(steps * percent).movePointLeft(2));
        return f.signum() < 0 ? BigDecimal.ZERO : f;
    }

    static BigDecimal groupA(List<Ev> events) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Ev e : events) {
            if (e.at() > NOW) {
                continue;
            }
            BigDecimal factor = factor(e.at(), 1, 25);
            if (e.type().equals("visit")) {
                sum = sum.add(new BigDecimal("1.5").multiply(factor));
                if (e.page().startsWith("/p") && e.at() >= NOW - 20 * DAY) {
                    sum = sum.add(BigDecimal.valueOf(2).multiply(factor));
                }
            } else if (e.type().equals("form")) {
                BigDecimal points = e.kind().equals("x") ? BigDecimal.valueOf(3)
                        : e.kind().equals("y") ? new BigDecimal("0.25") : BigDecimal.ZERO;
                sum = sum.add(points.multiply(factor));
            }
        }
        return round(sum);
    }

    static BigDecimal groupB(List<Ev> events) {
        BigDecimal sum = BigDecimal.ZERO;
        int recent = 0;
        long newest = Long.MIN_VALUE;
        for (Ev e : events) {
            if (e.at() > NOW || !e.type().equals("reply")) {
                continue;
            }
            BigDecimal factor = factor(e.at(), 3, 50);
            if (e.at() >= NOW - 45 * DAY) {
                recent++;
                newest = Math.max(newest, e.at());
            }
            if (e.at() < BEFORE) {
                sum = sum.add(factor);
            }
            if (e.at() >= BETWEEN_FROM && e.at() <= BETWEEN_TO) {
                sum = sum.add(new BigDecimal("0.1").multiply(factor));
            }
        }
        if (recent >= 2) {
            sum = sum.add(BigDecimal.valueOf(7).multiply(factor(newest, 3, 50)));
        }
        return round(sum);
    }

    static BigDecimal round(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    @Provide
    Arbitrary<List<Ev>> events() {
        // Every edge the rules and decays have, and NOW: an event on it, a millisecond before or after.
        long[] edges = {NOW, NOW - 20 * DAY, NOW - 45 * DAY, BEFORE, BETWEEN_FROM, BETWEEN_TO,
                NOW - 30 * DAY, NOW - 60 * DAY, NOW - 90 * DAY, NOW - 120 * DAY, NOW - 180 * DAY, NOW - 240 * DAY};
        Arbitrary<Long> onEdge = Combinators.combine(Arbitraries.of(toObjects(edges)), Arbitraries.of(-1L, 0L, 1L))
                .as(Long::sum);
        Arbitrary<Long> anywhere = Arbitraries.longs().between(NOW - 300 * DAY, NOW + 5 * DAY);
        Arbitrary<Long> at = Arbitraries.oneOf(onEdge, anywhere);
        Arbitrary<Ev> ev = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.of("visit", "form", "reply", "other"), at,
                Arbitraries.of("/pricing", "/blog", "/p"), Arbitraries.of("x", "y", "z"))
                .as(Ev::new);
        return ev.list().ofMaxSize(40);
    }

    private static Long[] toObjects(long[] v) {
        Long[] out = new Long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
