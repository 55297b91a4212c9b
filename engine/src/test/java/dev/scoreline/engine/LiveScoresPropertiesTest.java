package dev.scoreline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.api.Association;
import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.DataChange;
import dev.scoreline.api.DataProblems;
import dev.scoreline.api.ListMembership;
import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Any sequence of changes and clock moves, applied incrementally, ends with exactly the scores
 * of a full re-score from scratch (issue 6).
 */
class LiveScoresPropertiesTest {

    static final String SCORES = """
            score "Lead" on contact
              type health
              include lists "Customers", "Trial"
              exclude lists "Churned"
              group "Activity" limit 50
                decay 50% every 1 month
                add 10 for each visit
                add 5 for each visit where page starts with "/pricing" in the last 20 days
                add 7 if reply occurs at least 2 times in the last 45 days
              group "Fit" limit 50
                add 3 if role is "buyer"
                add 2 if in list "VIP"

            score "Account" on company
              type health
              group "Contacts" limit 60
                decay 25% every 1 month
                add 2 for each visit on associated contact labeled "Champion"
                add 4 if role is "buyer" on associated contact aggregate sum
                add 3 if reply occurs at least 2 times in the last 10 days on associated contact
                add 1 for each visit where page starts with "/pricing" in the last 15 days on associated contact aggregate max
              group "Own" limit 40
                add 10 if tier is "gold"
                subtract 5 if renewal is in the last 30 days
            """;

    /**
     * The second wave's forms: rule limits, caps, since, count rules, and a chain of three scores
     * reading each other across associations (a contact's lead score, its companies' account score
     * averaging it, and every contact's priority reading its companies' account score), so an event
     * on one contact moves the priority of another contact two associations away. Tests of the
     * owner's lead score inside event wheres (Nurture on a contact's own events, Account on its
     * contacts') move with every change that moves that lead score.
     */
    static final String WAVE_TWO = """
            score "Lead" on contact
              type health
              group "Activity" limit 90
                decay 50% every 1 month
                add 10 for each visit at most 2 per day since recycled_at limit 60
                add 5 for each visit where page starts with "/pricing" at most 1 per week in the last 20 days
                add 7 if reply occurs at least 2 times since recycled_at
              group "Fit" limit 10
                add 3 if role is "buyer" limit 2

            score "Nurture" on contact
              type engagement
              group "Owner"
                add 2 for each visit where score "Lead" >= 10 and page starts with "/pricing"
                add 1 for each reply where not status "Lead" is "At risk" at most 1 per day

            score "Account" on company
              type health
              group "Contacts" limit 70
                add value of score "Lead" on associated contact aggregate average limit 40
                add 5 if at least 2 associated contact with visit in the last 10 days
                add 4 for each reply at most 1 per day on associated contact labeled "Champion" limit 9
                add 6 if status "Lead" is "At risk" on associated contact
                add 2 for each visit where score "Lead" >= 10 and page starts with "/pricing" on associated contact
                add 3 if at least 1 associated contact with reply where status "Lead" is not "At risk"
              group "Own" limit 30
                add 10 if tier is "gold"

            score "Priority" on contact
              type fit
              group "Account"
                add value of score "Account" times 0.5 on associated company aggregate max
                add 5 if score "Lead" >= 20
                subtract 2 if score "Lead" is unknown
            """;

    static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    static final List<String> CONTACTS = List.of("contact:c1", "contact:c2", "contact:c3");
    static final List<String> COMPANIES = List.of("company:a1", "company:a2");

    /** The data as plain facts, kept by the test to score from scratch. */
    static final class World {
        final Map<RecordKey, CrmRecord> records = new LinkedHashMap<>();
        final List<CrmEvent> events = new ArrayList<>();
        final Map<List<RecordKey>, Set<String>> links = new LinkedHashMap<>();

        World() {
            for (String c : CONTACTS) {
                records.put(RecordKey.parse(c), new CrmRecord(RecordKey.parse(c), Map.of("role", "user"),
                        List.of("Customers")));
            }
            for (String c : COMPANIES) {
                records.put(RecordKey.parse(c), new CrmRecord(RecordKey.parse(c), Map.of("tier", "silver")));
            }
        }

        CrmAdapter adapter() {
            List<Association> assocs = new ArrayList<>();
            links.forEach((pair, labels) -> assocs.add(new Association(pair.get(0), pair.get(1), labels)));
            List<CrmRecord> rs = List.copyOf(records.values());
            List<CrmEvent> es = List.copyOf(events);
            return new CrmAdapter() {
                @Override public String name() { return "world"; }
                @Override public Stream<CrmRecord> records() { return rs.stream(); }
                @Override public Stream<CrmEvent> events() { return es.stream(); }
                @Override public Stream<Association> associations() { return assocs.stream(); }
            };
        }
    }

    /** One step: a change to the data, or the clock moving on. */
    interface Step {
        /** Applies the step to the world and returns the change to give the engine (null: a clock move). */
        DataChange applyTo(World w, Instant now);

        default long advanceHours() {
            return 0;
        }
    }

    record Advance(long hours) implements Step {
        public DataChange applyTo(World w, Instant now) { return null; }
        @Override public long advanceHours() { return hours; }
    }

    record Event(String record, String type, String page, long hoursAgo) implements Step {
        public DataChange applyTo(World w, Instant now) {
            CrmEvent e = new CrmEvent(RecordKey.parse(record), type, now.minus(Duration.ofHours(hoursAgo)),
                    page == null ? Map.of() : Map.of("page", page));
            w.events.add(e);
            return new DataChange.EventAppended(e);
        }
    }

    record Property(String record, String name, String value) implements Step {
        public DataChange applyTo(World w, Instant now) {
            RecordKey key = RecordKey.parse(record);
            CrmRecord old = w.records.get(key);
            Map<String, Object> props = new TreeMap<>(old.properties());
            props.put(name, value);
            CrmRecord r = new CrmRecord(key, props, old.lists());
            w.records.put(key, r);
            return new DataChange.RecordUpserted(r);
        }
    }

    record Link(String company, String contact, String label, boolean add) implements Step {
        public DataChange applyTo(World w, Instant now) {
            RecordKey a = RecordKey.parse(company);
            RecordKey b = RecordKey.parse(contact);
            Association as = new Association(a, b, label == null ? Set.of() : Set.of(label));
            if (add) {
                w.links.computeIfAbsent(List.of(a, b), k -> new TreeSet<>()).addAll(as.labels());
                return new DataChange.AssociationAdded(as);
            }
            w.links.remove(List.of(a, b));
            return new DataChange.AssociationRemoved(as);
        }
    }

    record Member(String record, String list, boolean add) implements Step {
        public DataChange applyTo(World w, Instant now) {
            RecordKey key = RecordKey.parse(record);
            CrmRecord old = w.records.get(key);
            Set<String> lists = new TreeSet<>(old.lists());
            if (add) {
                lists.add(list);
            } else {
                lists.remove(list);
            }
            w.records.put(key, new CrmRecord(key, old.properties(), List.copyOf(lists)));
            ListMembership m = new ListMembership(list, key);
            return add ? new DataChange.ListMembershipAdded(m) : new DataChange.ListMembershipRemoved(m);
        }
    }

    @Provide
    Arbitrary<Step> steps() {
        Arbitrary<String> contact = Arbitraries.of(CONTACTS);
        Arbitrary<String> company = Arbitraries.of(COMPANIES);
        return Arbitraries.oneOf(
                Arbitraries.longs().between(1, 24 * 40).map(Advance::new),
                Combinators.combine(contact, Arbitraries.of("visit", "reply"),
                        Arbitraries.of("/pricing", "/blog", null), Arbitraries.longs().between(0, 24 * 90))
                        .as(Event::new),
                Combinators.combine(contact, Arbitraries.of("buyer", "user")).as((c, v) -> new Property(c, "role", v)),
                Combinators.combine(company, Arbitraries.of("gold", "silver")).as((c, v) -> new Property(c, "tier", v)),
                Combinators.combine(contact, Arbitraries.of("2026-02-20", "2026-03-10T12:00:00Z", "n/a"))
                        .as((c, v) -> new Property(c, "recycled_at", v)),
                Combinators.combine(company, Arbitraries.of("2026-02-10", "2026-04-15", "2025-01-01"))
                        .as((c, v) -> new Property(c, "renewal", v)),
                Combinators.combine(company, contact, Arbitraries.of("Champion", null), Arbitraries.of(true, true, false))
                        .as(Link::new),
                Combinators.combine(contact, Arbitraries.of("VIP", "Churned", "Trial", "Customers"),
                        Arbitraries.of(true, false)).as(Member::new));
    }

    @net.jqwik.api.Property(tries = 60)
    void incrementalEqualsFromScratch(@ForAll @Size(max = 25) List<@net.jqwik.api.From("steps") Step> steps) {
        assertLiveEqualsFromScratch(SCORES, steps);
    }

    @net.jqwik.api.Property(tries = 60)
    void secondWaveFormsAndChainsOfScoresEqualFromScratch(
            @ForAll @Size(max = 25) List<@net.jqwik.api.From("steps") Step> steps) {
        assertLiveEqualsFromScratch(WAVE_TWO, steps);
    }

    /** An event on c1 moves its lead score, its company's account score and so c2's priority. */
    @net.jqwik.api.Example
    void aChangeTravelsDownAChainOfScores() {
        assertLiveEqualsFromScratch(WAVE_TWO, List.of(
                new Link("company:a1", "contact:c1", null, true),
                new Link("company:a1", "contact:c2", null, true),
                new Event("contact:c1", "visit", null, 3),
                new Event("contact:c1", "visit", null, 2),
                new Property("contact:c2", "role", "buyer"),
                new Event("contact:c1", "visit", "/pricing", 1)));
    }

    /**
     * A company's score remembers what each associated contact's events give it; an event on one
     * contact must be counted anew while the others' counts are reused (and a clock move past a
     * contact's next change must count it anew too).
     */
    @net.jqwik.api.Example
    void eventsOnAnAssociatedContactAreCountedAnew() {
        assertLiveEqualsFromScratch(SCORES, List.of(
                new Link("company:a1", "contact:c1", "Champion", true),
                new Link("company:a1", "contact:c2", null, true),
                new Event("contact:c2", "reply", null, 30),
                new Event("contact:c1", "visit", "/pricing", 5),
                new Event("contact:c1", "reply", null, 1),
                new Event("contact:c1", "visit", null, 2),
                new Event("contact:c1", "reply", null, 3),
                new Advance(24 * 12),
                new Event("contact:c2", "reply", null, 4),
                new Event("contact:c2", "reply", null, 5)));
    }

    private static void assertLiveEqualsFromScratch(String definitions, List<Step> steps) {
        World world = new World();
        CompiledScores scores = Fixture.compile(definitions);
        LiveScores live = Fixture.ENGINE.live(scores, world.adapter(), DataProblems.IGNORE, START);
        Instant now = START;
        for (Step step : steps) {
            if (step.advanceHours() > 0) {
                now = now.plus(Duration.ofHours(step.advanceHours()));
                live.advanceTo(now);
            } else {
                live.apply(step.applyTo(world, now), now);
            }
        }
        live.advanceTo(now);
        ScoringData data = Fixture.ENGINE.load(scores, world.adapter(), DataProblems.IGNORE);
        Map<String, ScoreResult> expected = new TreeMap<>();
        Fixture.ENGINE.score(data, now, r -> expected.put(r.score() + "/" + r.record(), r));
        Map<String, ScoreResult> actual = new TreeMap<>();
        live.results().forEach(r -> actual.put(r.score() + "/" + r.record(), r));
        assertThat(actual).isEqualTo(expected);
    }
}
