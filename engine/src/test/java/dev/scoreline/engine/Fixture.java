package dev.scoreline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.api.Association;
import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.DataProblems;
import dev.scoreline.api.ListMembership;
import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.dsl.ParseResult;
import dev.scoreline.dsl.ScoreParser;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Score text plus data built in a few lines, scored through the real parser, compiler and Drools. */
final class Fixture {

    static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
    static final ScoreEngine ENGINE = ScoreEngine.builder().threads(2).chunk(3).build();

    final List<CrmRecord> records = new ArrayList<>();
    final List<CrmEvent> events = new ArrayList<>();
    final List<Association> associations = new ArrayList<>();
    final List<ListMembership> memberships = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    Fixture record(String key, Object... properties) {
        return recordInLists(key, List.of(), properties);
    }

    Fixture recordInLists(String key, List<String> lists, Object... properties) {
        Map<String, Object> props = new LinkedHashMap<>();
        for (int i = 0; i < properties.length; i += 2) {
            props.put((String) properties[i], properties[i + 1]);
        }
        records.add(new CrmRecord(RecordKey.parse(key), props, lists));
        return this;
    }

    Fixture event(String record, String type, String at, Object... properties) {
        Map<String, Object> props = new HashMap<>();
        for (int i = 0; i < properties.length; i += 2) {
            props.put((String) properties[i], properties[i + 1]);
        }
        events.add(new CrmEvent(RecordKey.parse(record), type, Instant.parse(at), props));
        return this;
    }

    /** An event {@code daysAgo} days before NOW. */
    Fixture eventDaysAgo(String record, String type, double daysAgo, Object... properties) {
        Instant at = NOW.minusMillis((long) (daysAgo * 86_400_000L));
        return event(record, type, at.toString(), properties);
    }

    Fixture associate(String from, String to, String... labels) {
        associations.add(new Association(RecordKey.parse(from), RecordKey.parse(to), Set.of(labels)));
        return this;
    }

    CrmAdapter adapter() {
        return new CrmAdapter() {
            @Override public String name() { return "fixture"; }
            @Override public Stream<CrmRecord> records() { return records.stream(); }
            @Override public Stream<CrmEvent> events() { return events.stream(); }
            @Override public Stream<Association> associations() { return associations.stream(); }
            @Override public Stream<ListMembership> listMemberships() { return memberships.stream(); }
        };
    }

    static CompiledScores compile(String text) {
        ParseResult parsed = ScoreParser.parse("test.score", text);
        assertThat(parsed.errors()).as("errors in the test's score text").isEmpty();
        return ENGINE.compile(parsed.definitions());
    }

    ScoringData load(CompiledScores scores) {
        return ENGINE.load(scores, adapter(), new DataProblems() {
            @Override public void badLine(String source, long line, String reason) { warnings.add(reason); }
            @Override public void warning(String source, long line, String message) { warnings.add(message); }
        });
    }

    /** Every result, keyed "score/record". */
    Map<String, ScoreResult> score(String text) {
        return score(text, NOW);
    }

    Map<String, ScoreResult> score(String text, Instant now) {
        Map<String, ScoreResult> out = new LinkedHashMap<>();
        run(text, now, out);
        return out;
    }

    /** Scores the text at {@code now}, every result into {@code out} keyed "score/record"; what the run did. */
    RunSummary run(String text, Instant now, Map<String, ScoreResult> out) {
        CompiledScores scores = compile(text);
        ScoringData data = load(scores);
        return ENGINE.score(data, now, r -> out.put(r.score() + "/" + r.record(), r));
    }

    /** The value of the only score in the text for a record; null when out of scope. */
    BigDecimal value(String text, String record) {
        return score(text).values().stream().filter(r -> r.record().toString().equals(record))
                .map(ScoreResult::value).findFirst().orElse(null);
    }

    static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    static List<Object> list(Object... values) {
        return Arrays.asList(values);
    }
}
