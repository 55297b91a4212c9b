package dev.scoreline.learn.internal;

import dev.scoreline.dsl.ParseResult;
import dev.scoreline.dsl.ScoreFormatter;
import dev.scoreline.dsl.ScoreParser;
import dev.scoreline.dsl.model.Group;
import dev.scoreline.dsl.model.GroupKind;
import dev.scoreline.dsl.model.Levels;
import dev.scoreline.dsl.model.Rule;
import dev.scoreline.dsl.model.ScoreDefinition;
import dev.scoreline.dsl.model.ScoreType;
import dev.scoreline.dsl.model.SourcePosition;
import dev.scoreline.dsl.model.StatusThreshold;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A suggestion as a definition of the language and as the text {@code fmt} would write, with a
 * comment above each rule giving the conversion with and without it. Values from the data reach
 * the text only through the formatter, which quotes and escapes them as the language requires.
 */
public final class SuggestionText {

    /** A kept criterion: its 1-point rule, its points, and the training counts with and without it. */
    public record Kept(Rule rule, boolean event, int points, long with, long convertedWith, long without,
                       long convertedWithout) {
        String comment() {
            return String.format(Locale.ROOT, "# converted %s with it (%d of %d), %s without (%d of %d), on the training snapshots",
                    percent(convertedWith, with), convertedWith, with, percent(convertedWithout, without),
                    convertedWithout, without);
        }
    }

    private SuggestionText() { }

    static String percent(long part, long whole) {
        return whole == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    /**
     * The definition: fit rules in group "Fit", event rules in group "Engagement" (tagged in a
     * combined score); {@code statuses} (High, Medium, Low from, lowest first) for a fit or
     * engagement score, {@code fitLevels}/{@code engagementLevels} for a combined one.
     */
    public static ScoreDefinition definition(String name, String objectType, ScoreType type, List<Kept> kept,
                                             List<StatusThreshold> statuses, Levels fitLevels, Levels engagementLevels) {
        List<Group> groups = new ArrayList<>();
        boolean combined = type == ScoreType.COMBINED;
        List<Rule> fit = kept.stream().filter(k -> !k.event()).map(SuggestionText::withPoints).toList();
        List<Rule> engagement = kept.stream().filter(Kept::event).map(SuggestionText::withPoints).toList();
        if (!fit.isEmpty()) {
            groups.add(new Group("Fit", combined ? GroupKind.FIT : null, null, null, null, fit, SourcePosition.UNKNOWN));
        }
        if (!engagement.isEmpty()) {
            groups.add(new Group("Engagement", combined ? GroupKind.ENGAGEMENT : null, null, null, null, engagement,
                    SourcePosition.UNKNOWN));
        }
        return new ScoreDefinition(name, objectType, type, null, null, List.of(), List.of(),
                combined ? List.of() : statuses, combined ? fitLevels : null, combined ? engagementLevels : null,
                null, null, null, groups, SourcePosition.UNKNOWN);
    }

    static Rule withPoints(Kept k) {
        BigDecimal p = BigDecimal.valueOf(k.points());
        if (k.rule() instanceof Rule.PropertyRule r) {
            return new Rule.PropertyRule(p, r.condition(), null, SourcePosition.UNKNOWN);
        }
        Rule.FrequencyRule r = (Rule.FrequencyRule) k.rule();
        return new Rule.FrequencyRule(p, r.event(), r.frequency(), r.timeframe(), null, SourcePosition.UNKNOWN);
    }

    /**
     * The formatted text with {@code header} comment lines above the score and each rule's comment
     * above it, in the definition's order (fit rules, then event rules); it parses back to the same
     * definition and {@code fmt} leaves it as it is.
     */
    public static String text(ScoreDefinition d, List<Kept> kept, List<String> header) {
        List<Kept> inOrder = new ArrayList<>(kept.stream().filter(k -> !k.event()).toList());
        inOrder.addAll(kept.stream().filter(Kept::event).toList());
        StringBuilder out = new StringBuilder();
        header.forEach(h -> out.append("# ").append(h).append('\n'));
        boolean inGroup = false;
        int next = 0;
        for (String line : ScoreFormatter.format(d).split("\n", -1)) {
            String s = line.strip();
            if (s.startsWith("group ")) {
                inGroup = true;
            } else if (s.isEmpty()) {
                inGroup = false;
            } else if (inGroup) {
                out.append(line, 0, line.indexOf(s)).append(inOrder.get(next++).comment()).append('\n');
            }
            out.append(line).append('\n');
        }
        String text = out.substring(0, out.length() - 1);
        ParseResult back = ScoreParser.parse("suggestion", text);
        if (back.hasErrors() || !back.definitions().equals(List.of(d))
                || !ScoreFormatter.format(back.definitions(), text).equals(text)) {
            throw new IllegalStateException("the suggested score does not read back as written: " + back.diagnostics());
        }
        return text;
    }
}
