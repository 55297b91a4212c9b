package dev.scoreline.bench;

import dev.scoreline.bench.ScoreSpec.Group;
import dev.scoreline.bench.ScoreSpec.Status;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A benchmark scenario: a {@code .score} file in {@code scenarios/} and the structure of its scores
 * (which every baseline must reproduce). Each baseline hard-codes the rules of each scenario; the
 * engine contender reads {@link #scoreText()}.
 */
public final class Scenario {
    public final String name;
    public final String description;
    /** The object type the scenario is about (its scores may also score others: see {@link #records}). */
    public final String objectType;
    public final List<ScoreSpec> scores;
    /** Whether the scores read events (and so whether events/s means something). */
    public final boolean readsEvents;

    private Scenario(String name, String description, String objectType, boolean readsEvents, List<ScoreSpec> scores) {
        this.name = name;
        this.description = description;
        this.objectType = objectType;
        this.readsEvents = readsEvents;
        this.scores = List.copyOf(scores);
    }

    public String resource() {
        return "scenarios/" + name + ".score";
    }

    /** The text of the scenario's {@code .score} file. */
    public String scoreText() {
        try (InputStream in = Scenario.class.getClassLoader().getResourceAsStream(resource())) {
            if (in == null) throw new IllegalStateException("missing resource " + resource());
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ScoreSpec score(String scoreName) {
        for (ScoreSpec s : scores) if (s.name().equals(scoreName)) return s;
        throw new IllegalArgumentException("no score " + scoreName + " in scenario " + name);
    }

    private static final double NONE = Double.NaN;

    public static final Scenario LEAD = new Scenario("lead",
            "engagement-heavy lead score (case 01) + intent (where, timeframes, by, frequency) + fit", "contact", true, List.of(
            new ScoreSpec("Lead score", "contact", List.of(
                    Group.of("Sales engagement", 60),
                    Group.of("Marketing engagement", 40).decay(50, 1)),
                    100, NONE, ScoreSpec.ENGAGEMENT_STATUSES, List.of(), List.of()),
            new ScoreSpec("Lead intent", "contact", List.of(
                    Group.of("Web", 50).decay(25, 3),
                    Group.of("Signals", 50).decay(50, 1)),
                    100, NONE, List.of(new Status("Hot", 50), new Status("Warm", 20), new Status("Cold", 0)),
                    List.of(), List.of()),
            new ScoreSpec("Lead fit", "contact", List.of(
                    Group.of("Role", 50),
                    Group.of("Company", 50)),
                    100, 0, ScoreSpec.ENGAGEMENT_STATUSES, List.of(), List.of())));

    public static final Scenario FIT = new Scenario("fit",
            "fit-heavy contact score: 23 property rules, lists, multi-valued state", "contact", false, List.of(
            new ScoreSpec("Fit score", "contact", List.of(
                    Group.of("Persona", 40),
                    Group.of("Firmographics", 40),
                    Group.of("Geography", 20),
                    Group.of("Lifecycle", 20).startAt(5)),
                    100, -50, List.of(new Status("Ideal", 60), new Status("Good", 30), new Status("Weak", 0),
                            new Status("Poor", -50)),
                    List.of(), List.of("Unsubscribed"))));

    public static final Scenario HEALTH = new Scenario("health",
            "association-heavy company health: deals, tickets and the events of 10-5,000 contacts", "company", true, List.of(
            new ScoreSpec("Customer health", "company", List.of(
                    Group.of("Usage", 30),
                    Group.of("NPS", 20),
                    Group.of("Contact engagement", 30).decay(50, 3),
                    Group.of("Support", 20).startAt(10)),
                    100, NONE, ScoreSpec.HEALTH_STATUSES, List.of(), List.of())));

    public static final Scenario ROLLUP = new Scenario("rollup",
            "scores reading scores: company health from its contacts' lead scores (value of score, count rules); lead with caps and since",
            "company", true, List.of(
            new ScoreSpec("Contact lead", "contact", List.of(
                    Group.of("Activity", 70),
                    Group.of("Intent", 30).decay(50, 1)),
                    100, NONE, ScoreSpec.ENGAGEMENT_STATUSES, List.of(), List.of()),
            new ScoreSpec("Company rollup", "company", List.of(
                    Group.of("Contacts", 60),
                    Group.of("Reach", 40)),
                    100, NONE, ScoreSpec.HEALTH_STATUSES, List.of(), List.of())));

    public static List<Scenario> all() {
        return List.of(LEAD, FIT, HEALTH, ROLLUP);
    }

    /** The records the scenario's scores score: the sum over the object types of its scores. */
    public int records(DataSet data) {
        return scores.stream().map(ScoreSpec::objectType).distinct().mapToInt(t -> data.table(t).size).sum();
    }

    public static Scenario byName(String name) {
        for (Scenario s : all()) if (s.name.equals(name)) return s;
        throw new IllegalArgumentException("unknown scenario " + name + " (lead, fit, health, rollup)");
    }

    @Override
    public String toString() {
        return name;
    }
}
