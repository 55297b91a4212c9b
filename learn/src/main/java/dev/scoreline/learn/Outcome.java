package dev.scoreline.learn;

import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScorelineException;
import dev.scoreline.dsl.Diagnostic;
import dev.scoreline.dsl.ParseResult;
import dev.scoreline.dsl.ScoreParser;
import dev.scoreline.dsl.model.EventFilter;
import dev.scoreline.dsl.model.Frequency;
import dev.scoreline.dsl.model.Group;
import dev.scoreline.dsl.model.Rule;
import dev.scoreline.dsl.model.ScoreDefinition;
import dev.scoreline.dsl.model.ScoreType;
import dev.scoreline.dsl.model.SourcePosition;
import dev.scoreline.dsl.ScoreFormatter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a score is meant to predict (docs/outcomes.md): records of {@code objectType} that had a
 * {@code start} event and then, within {@code windowDays} of a snapshot, an {@code end} event.
 * Both events are written as in a rule ({@code lifecycle_change where to is "lead"}), so the engine
 * decides whether an event matches, with the language's own matching rules.
 */
public record Outcome(String objectType, EventFilter start, EventFilter end, int windowDays) {

    /** The name of the definition that carries the outcome through the engine; no user score may take it. */
    public static final String SCORE_NAME = "scoreline outcome";
    static final String START_GROUP = "start";
    static final String END_GROUP = "end";

    private static final Pattern WITHIN = Pattern.compile("(\\d{1,4})\\s*([dwm])");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    /**
     * Reads {@code --start}, {@code --end} and {@code --within} (30d, 4w, 1m: a month is 30 days);
     * anything unusable is SL509 naming the option and saying what to write.
     */
    public static Outcome parse(String objectType, String start, String end, String within) {
        if (objectType == null || !NAME.matcher(objectType).matches()) {
            throw bad("--type " + objectType, "is not an object type name", "give the records' type, e.g. --type contact");
        }
        return new Outcome(objectType, event("--start", objectType, start), event("--end", objectType, end),
                windowDays(within));
    }

    static int windowDays(String within) {
        Matcher m = within == null ? null : WITHIN.matcher(within.trim().toLowerCase(Locale.ROOT));
        if (m == null || !m.matches() || Integer.parseInt(m.group(1)) == 0) {
            throw bad("--within " + within, "is not a window", "write a whole number and d, w or m (a month is 30 days), e.g. --within 30d");
        }
        int n = Integer.parseInt(m.group(1));
        return switch (m.group(2)) {
            case "w" -> n * 7;
            case "m" -> n * 30;
            default -> n;
        };
    }

    /** The event text parsed as the event of a frequency rule: the language's parser is the only reader. */
    private static EventFilter event(String option, String objectType, String text) {
        String fix = "write the event as in a rule: TYPE [where CONDITION], e.g. " + option
                + " 'lifecycle_change where to is \"marketingqualifiedlead\"'";
        if (text == null || text.isBlank() || text.contains("\n") || text.contains("\r") || text.contains("#")) {
            throw bad(option + " " + text, "is not an event", fix);
        }
        String prefix = "    add 1 if ";
        String source = "score \"outcome\" on " + objectType + "\n  type engagement\n  group \"event\"\n"
                + prefix + text.strip() + " occurs at least 1 time\n";
        ParseResult parsed = ScoreParser.parse(option, source);
        if (parsed.hasErrors()) {
            Diagnostic d = parsed.errors().get(0);
            int column = Math.max(1, d.position().column() - prefix.length());
            String message = d.message();
            if (column > text.strip().length()) {
                // The parser met the words this method added after the event: to the user, the event just ended.
                column = text.strip().length() + 1;
                message = message.replace("found \"occurs\"", "found the end of the event");
            }
            throw bad(option + " \"" + text.strip() + "\"", "column " + column + ": " + message, fix);
        }
        Rule rule = parsed.definitions().get(0).groups().get(0).rules().get(0);
        if (!(rule instanceof Rule.FrequencyRule f) || f.timeframe() != null || f.association() != null
                || !f.frequency().equals(new Frequency(Frequency.Kind.AT_LEAST, 1, 0))) {
            throw bad(option + " \"" + text.strip() + "\"", "is more than an event (a count, a timeframe or an association)", fix);
        }
        return f.event();
    }

    private static ScorelineException bad(String what, String problem, String fix) {
        return new ScorelineException(ErrorCode.BAD_ARGUMENT, what + " " + problem, fix);
    }

    /** {@code lifecycle_change where to is "lead"}, as the language writes it. */
    public static String text(EventFilter event) {
        Rule.FrequencyRule r = occurs(event);
        String line = ScoreFormatter.format(definition("contact", "x", List.of(new Group("g", null, null, null, null, List.of(r),
                SourcePosition.UNKNOWN)))).lines().filter(l -> l.contains(" occurs ")).findFirst().orElseThrow().strip();
        return line.substring("add 1 if ".length(), line.length() - " occurs at least 1 time".length());
    }

    /**
     * The definition that tells, at any NOW, whether a record has started (group {@code start} > 0)
     * and whether it has ended (group {@code end} > 0).
     */
    public ScoreDefinition definition() {
        return definition(objectType, SCORE_NAME, List.of(
                new Group(START_GROUP, null, null, null, null, List.of(occurs(start)), SourcePosition.UNKNOWN),
                new Group(END_GROUP, null, null, null, null, List.of(occurs(end)), SourcePosition.UNKNOWN)));
    }

    private static ScoreDefinition definition(String type, String name, List<Group> groups) {
        return new ScoreDefinition(name, type, ScoreType.ENGAGEMENT, null, null, List.of(), List.of(), List.of(),
                null, null, null, null, null, groups, SourcePosition.UNKNOWN);
    }

    private static Rule.FrequencyRule occurs(EventFilter event) {
        return new Rule.FrequencyRule(BigDecimal.ONE, event, new Frequency(Frequency.Kind.AT_LEAST, 1, 0), null, null,
                SourcePosition.UNKNOWN);
    }

    /** "30 days", for the reports. */
    public String windowText() {
        return windowDays + (windowDays == 1 ? " day" : " days");
    }
}
