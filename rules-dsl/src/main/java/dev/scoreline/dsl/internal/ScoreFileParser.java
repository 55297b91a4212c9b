package dev.scoreline.dsl.internal;

import dev.scoreline.dsl.DiagnosticCode;
import dev.scoreline.dsl.internal.ScoreDraft.GroupDraft;
import dev.scoreline.dsl.internal.Token.Kind;
import dev.scoreline.dsl.model.Decay;
import dev.scoreline.dsl.model.GroupKind;
import dev.scoreline.dsl.model.Levels;
import dev.scoreline.dsl.model.Rule;
import dev.scoreline.dsl.model.ScoreType;
import dev.scoreline.dsl.model.SourcePosition;
import dev.scoreline.dsl.model.StatusThreshold;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the statements of one file into {@link ScoreDraft}s: each logical line is one statement,
 * attached to the most recent score and group (section 2). A line that fails gives exactly one
 * error; recovery then records what the line may have been so later checks do not report
 * follow-on errors.
 */
public final class ScoreFileParser {

    private enum StatementKind { SCORE, SETTING, GROUP, GROUP_LINE, UNKNOWN }

    static final int MAX_LISTS = 5;
    private static final Set<Integer> DECAY_INTERVALS = Set.of(1, 3, 6, 12);
    private static final List<String> STATEMENT_WORDS = List.of("score", "type", "limit", "minimum", "include",
            "exclude", "status", "fit", "engagement", "property", "description", "group", "decay", "start", "add",
            "subtract", "points");
    private static final List<String> TYPES = List.of("engagement", "fit", "combined", "health");

    private final String source;
    private final int fileIndex;
    private final Reporter reporter;
    private final List<ScoreDraft> scores = new ArrayList<>();
    private ScoreDraft score;

    private ScoreFileParser(String source, int fileIndex, Reporter reporter) {
        this.source = source;
        this.fileIndex = fileIndex;
        this.reporter = reporter;
    }

    /** The scores of one file, placeholders included (they hold statements written before any score). */
    public static List<ScoreDraft> parse(String source, int fileIndex, String text, Reporter reporter) {
        ScoreFileParser parser = new ScoreFileParser(source, fileIndex, reporter);
        for (List<Token> line : Lexer.lines(text)) {
            parser.statement(line);
        }
        return parser.scores;
    }

    private void statement(List<Token> line) {
        Token first = line.get(0);
        StatementKind kind = kindOf(first);
        Token lexical = line.stream().filter(t -> t.kind() == Kind.ERROR).findFirst().orElse(null);
        if (lexical != null) {
            Problem p = (Problem) lexical.value();
            recover(kind == StatementKind.UNKNOWN ? guess(first) : kind, first);
            report(p.code(), lexical, p.message(), p.fix());
            return;
        }
        LineReader in = new LineReader(source, line);
        try {
            switch (kind) {
                case SCORE -> scoreLine(in);
                case SETTING -> setting(in);
                case GROUP -> groupLine(in);
                case GROUP_LINE -> groupMember(in);
                case UNKNOWN -> throw unknownStatement(first);
            }
        } catch (ParseFailure f) {
            recover(kind == StatementKind.UNKNOWN ? guess(first) : kind, first);
            Token at = f.token;
            SourcePosition where = at != null ? position(at)
                    : new SourcePosition(source, line.get(line.size() - 1).line(), line.get(line.size() - 1).endColumn());
            reporter.report(score, fileIndex, f.code, where, f.getMessage(), f.fix);
        }
    }

    private static StatementKind kindOf(Token first) {
        if (first.kind() != Kind.WORD) {
            return StatementKind.UNKNOWN;
        }
        return switch (first.text()) {
            case "score" -> StatementKind.SCORE;
            case "type", "limit", "minimum", "include", "exclude", "status", "fit", "engagement", "property",
                 "description" -> StatementKind.SETTING;
            case "group" -> StatementKind.GROUP;
            case "decay", "start", "add", "subtract", "points" -> StatementKind.GROUP_LINE;
            default -> StatementKind.UNKNOWN;
        };
    }

    /** What an unknown first word probably meant, for recovery. */
    private StatementKind guess(Token first) {
        if (first.kind() == Kind.WORD) {
            String near = Suggestions.nearest(first.text(), STATEMENT_WORDS).orElse(null);
            if (near != null) {
                return kindOf(new Token(Kind.WORD, near, null, first.line(), first.column()));
            }
        }
        return score != null && !score.groups.isEmpty() ? StatementKind.GROUP_LINE : StatementKind.SETTING;
    }

    private ParseFailure unknownStatement(Token first) {
        String fix = first.kind() == Kind.WORD
                ? Suggestions.nearest(first.text(), STATEMENT_WORDS).map(Suggestions::didYouMean).orElse(null) : null;
        return new ParseFailure(DiagnosticCode.UNKNOWN_STATEMENT, first,
                "unknown statement " + first.describe() + "; a line starts with score, a setting, group, decay, "
                        + "start at, add, subtract or points", fix);
    }

    /** Records what a broken line may have been, so nothing it might have said is reported missing. */
    private void recover(StatementKind kind, Token first) {
        switch (kind) {
            case SCORE -> {
                if (score == null || score.keyword != first) {
                    startScore(first, false);
                }
            }
            case GROUP -> {
                ScoreDraft s = currentScore(first, false);
                if (s.currentGroup() == null || s.currentGroup().keyword != first) {
                    s.groups.add(new GroupDraft(first, false));
                }
            }
            default -> {
                if (score == null) {
                    return;
                }
                score.anyBrokenLine = true;
                if (score.groups.isEmpty()) {
                    score.brokenSettingLine = true;
                } else if (kind == StatementKind.GROUP_LINE) {
                    score.currentGroup().brokenLines = true;
                }
            }
        }
        if (score != null) {
            score.anyBrokenLine = true;
        }
    }

    // ---- score, settings --------------------------------------------------------------------

    private ScoreDraft startScore(Token keyword, boolean placeholder) {
        score = new ScoreDraft(keyword, source, fileIndex, placeholder);
        scores.add(score);
        return score;
    }

    /** The current score; a statement before any score is reported once and kept in a placeholder. */
    private ScoreDraft currentScore(Token first, boolean report) {
        if (score == null) {
            startScore(first, true);
            if (report) {
                report(DiagnosticCode.STATEMENT_BEFORE_SCORE, first, "\"" + first.text() + "\" comes before any score",
                        "start the file with a line like: score \"Lead score\" on contact");
            }
        }
        return score;
    }

    private void scoreLine(LineReader in) {
        Token keyword = in.next();
        ScoreDraft s = startScore(keyword, false);
        Token nameToken = in.peek();
        String name = in.string("the score's name");
        in.word("on", " after the score's name (score \"NAME\" on contact)");
        String objectType = in.name("the object type the score is on (contact, company, deal, ticket, …)");
        in.end("the score line");
        s.name = name;
        s.nameToken = nameToken;
        s.objectType = objectType;
        s.headerBroken = false;
        if (name.isBlank()) {
            report(DiagnosticCode.EMPTY_NAME, nameToken, "the score's name is empty", "give the score a name");
        }
    }

    private void setting(LineReader in) {
        Token keyword = in.peek();
        switch (keyword.text()) {
            case "type" -> typeSetting(in, keyword);
            case "limit", "minimum" -> boundSetting(in, keyword);
            case "include", "exclude" -> listsSetting(in, keyword);
            case "status" -> statusSetting(in, keyword);
            case "fit", "engagement" -> levelsSetting(in, keyword);
            case "property" -> propertySetting(in, keyword);
            case "description" -> descriptionSetting(in, keyword);
            default -> throw new IllegalStateException(keyword.text());
        }
    }

    /** {@code type engagement|fit|combined|health}. */
    private void typeSetting(LineReader in, Token keyword) {
        in.next();
        Token t = in.peek();
        if (t == null || t.kind() != Kind.WORD) {
            throw in.unexpected("a score type (engagement, fit, combined or health)", TYPES);
        }
        if (!TYPES.contains(t.text())) {
            throw new ParseFailure(DiagnosticCode.UNKNOWN_SCORE_TYPE, t, "unknown score type " + t.describe(),
                    Suggestions.nearest(t.text(), TYPES).map(Suggestions::didYouMean)
                            .orElse("use engagement, fit, combined or health"));
        }
        in.next();
        in.end("the type line");
        ScoreDraft s = settingScore(keyword, "type");
        if (s.type == null) {
            s.type = ScoreType.valueOf(t.text().toUpperCase(Locale.ROOT));
        }
    }

    /** {@code limit N} / {@code minimum N} of a score. */
    private void boundSetting(LineReader in, Token keyword) {
        String word = keyword.text();
        in.next();
        Token numberToken = in.numberToken("a number after \"" + word + "\"");
        in.end("the " + word + " line");
        ScoreDraft s = settingScore(keyword, word);
        BigDecimal n = (BigDecimal) numberToken.value();
        if (word.equals("limit") && s.limitToken == null) {
            s.limit = n;
            s.limitToken = numberToken;
        } else if (word.equals("minimum") && s.minimumToken == null) {
            s.minimum = n;
            s.minimumToken = numberToken;
        }
    }

    /** {@code include|exclude lists "A", "B"}: at most {@link #MAX_LISTS} of each, over all such lines. */
    private void listsSetting(LineReader in, Token keyword) {
        String word = keyword.text();
        in.next();
        in.word("lists", " after \"" + word + "\" (" + word + " lists \"A\", \"B\")");
        List<Token> names = new ArrayList<>();
        do {
            names.add(in.peek());
            in.string("a list name");
        } while (in.comma());
        in.end("the " + word + " line");
        ScoreDraft s = settingScore(keyword, null);
        List<String> lists = word.equals("include") ? s.includeLists : s.excludeLists;
        for (Token t : names) {
            if (((String) t.value()).isBlank()) {
                report(DiagnosticCode.EMPTY_NAME, t, "the list name is empty", "write the list's name");
            } else if (lists.size() == MAX_LISTS) {
                report(DiagnosticCode.TOO_MANY_LISTS, t,
                        "a score may " + word + " at most " + MAX_LISTS + " lists; this is list " + (MAX_LISTS + 1),
                        "combine the lists into fewer lists in the CRM");
                break;
            } else {
                lists.add((String) t.value());
            }
        }
    }

    /** {@code status "LABEL" from N}, or {@code status property NAME}. */
    private void statusSetting(LineReader in, Token keyword) {
        in.next();
        if (in.peek() != null && in.peek().isWord("property")) {
            statusPropertySetting(in, keyword);
            return;
        }
        Token labelToken = in.peek();
        String label = in.string("the status label");
        in.word("from", " after the status label (status \"High\" from 70)");
        Token from = in.numberToken("the number the status starts from");
        in.end("the status line");
        ScoreDraft s = settingScore(keyword, null);
        BigDecimal n = (BigDecimal) from.value();
        for (int i = 0; i < s.statuses.size(); i++) {
            if (s.statuses.get(i).from().compareTo(n) == 0) {
                report(DiagnosticCode.DUPLICATE_STATUS, from, "status " + quote(s.statuses.get(i).label())
                                + " at line " + s.statusNumbers.get(i).line() + " already starts from "
                                + s.statusNumbers.get(i).text(),
                        "give each status a different \"from\"");
                return;
            }
        }
        if (label.isBlank()) {
            report(DiagnosticCode.EMPTY_NAME, labelToken, "the status label is empty", "write the label");
            return;
        }
        s.statuses.add(new StatusThreshold(label, n, position(keyword)));
        s.statusNumbers.add(from);
    }

    /** {@code fit|engagement levels high from H, medium from M}. */
    private void levelsSetting(LineReader in, Token keyword) {
        String word = keyword.text();
        in.next();
        in.word("levels", " after \"" + word + "\" (" + word + " levels high from 70, medium from 40)");
        in.word("high", " after \"levels\"");
        in.word("from", " after \"high\"");
        BigDecimal high = in.number("the number high starts from");
        in.symbol(",", " after the high level");
        in.word("medium", " after \",\"");
        in.word("from", " after \"medium\"");
        Token mediumToken = in.numberToken("the number medium starts from");
        in.end("the levels line");
        BigDecimal medium = (BigDecimal) mediumToken.value();
        if (medium.compareTo(high) > 0) {
            throw new ParseFailure(DiagnosticCode.LEVELS_ORDER, mediumToken,
                    "medium from " + medium.toPlainString() + " is above high from " + high.toPlainString(),
                    "make medium start below high");
        }
        ScoreDraft s = settingScore(keyword, word + " levels");
        Levels levels = new Levels(high, medium);
        if (word.equals("fit") && s.fitLevels == null) {
            s.fitLevels = levels;
            s.levelsKeywords.add(keyword);
        } else if (word.equals("engagement") && s.engagementLevels == null) {
            s.engagementLevels = levels;
            s.levelsKeywords.add(keyword);
        }
    }

    /** {@code property NAME}. */
    private void propertySetting(LineReader in, Token keyword) {
        String word = keyword.text();
        in.next();
        Token nameToken = in.peek();
        String name = in.name("the name of the property that stores the score");
        in.end("the property line");
        ScoreDraft s = settingScore(keyword, word);
        if (s.property == null) {
            s.property = name;
            s.propertyToken = nameToken;
        }
    }

    /** {@code status property NAME}, after {@code status}. */
    private void statusPropertySetting(LineReader in, Token keyword) {
        in.next();
        Token nameToken = in.peek();
        String name = in.name("the name of the property that stores the status");
        in.end("the status property line");
        ScoreDraft s = settingScore(keyword, "status property");
        if (s.statusProperty == null) {
            s.statusProperty = name;
            s.statusPropertyToken = nameToken;
        }
    }

    /** {@code description "TEXT"}. */
    private void descriptionSetting(LineReader in, Token keyword) {
        String word = keyword.text();
        in.next();
        String text = in.string("the description");
        in.end("the description line");
        ScoreDraft s = settingScore(keyword, word);
        if (s.description == null) {
            s.description = text;
        }
    }

    /**
     * The score a parsed setting applies to, after the order and once-only checks; the setting
     * still applies when out of order, so it does not also go missing.
     */
    private ScoreDraft settingScore(Token keyword, String onceOnly) {
        ScoreDraft s = currentScore(keyword, true);
        if (!s.groups.isEmpty() && !s.placeholder) {
            GroupDraft firstGroup = s.groups.get(0);
            report(DiagnosticCode.SETTING_AFTER_GROUP, keyword, "the setting \"" + keyword.text() + "\" comes after the first group",
                    "move it above line " + firstGroup.keyword.line() + ", where the groups start");
        }
        if (onceOnly != null) {
            Token earlier = s.settings.putIfAbsent(onceOnly, keyword);
            if (earlier != null) {
                report(DiagnosticCode.DUPLICATE_SETTING, keyword, "\"" + onceOnly + "\" is already set at line " + earlier.line(),
                        "keep one of the two lines");
            }
        }
        return s;
    }

    // ---- groups and their lines -------------------------------------------------------------

    private void groupLine(LineReader in) {
        Token keyword = in.next();
        ScoreDraft s = currentScore(keyword, true);
        GroupDraft g = new GroupDraft(keyword, false);
        s.groups.add(g);
        Token nameToken = in.peek();
        g.name = in.string("the group's name");
        g.nameToken = nameToken;
        if (in.atWord("fit") || in.atWord("engagement")) {
            g.kindToken = in.next();
            g.kind = GroupKind.valueOf(g.kindToken.text().toUpperCase(Locale.ROOT));
        }
        Token limitToken = null;
        if (in.atWord("limit")) {
            in.next();
            limitToken = in.numberToken("a number after \"limit\"");
            g.limit = (BigDecimal) limitToken.value();
        }
        if (limitToken != null) {
            in.end("the group line");
        } else if (!in.atEnd()) {
            throw in.unexpected(g.kind == null ? "\"fit\", \"engagement\", \"limit\" or the end of the line"
                    : "\"limit\" or the end of the line",
                    List.of("fit", "engagement", "limit"));
        }
        g.headerBroken = false;
        if (g.name.isBlank()) {
            report(DiagnosticCode.EMPTY_NAME, nameToken, "the group's name is empty", "give the group a name");
        }
        if (g.limit != null && g.limit.signum() < 0) {
            g.limit = null;
            g.headerBroken = true;
            report(DiagnosticCode.NEGATIVE_GROUP_LIMIT, limitToken, "a group limit cannot be negative",
                    "write limit " + limitToken.text().substring(1) + " (the group value is kept between -L and L)");
        }
    }

    private void groupMember(LineReader in) {
        Token keyword = in.peek();
        switch (keyword.text()) {
            case "decay" -> {
                in.next();
                Token percentToken = in.numberToken("the percentage after \"decay\" (decay 50% every 1 month)");
                in.symbol("%", " after the percentage");
                in.word("every", " after the percentage (decay 50% every 1 month)");
                Token everyToken = in.peek();
                int every = in.wholeNumber("the decay interval", 0);
                Token unit = in.peek();
                if (unit == null || !(unit.isWord("month") || unit.isWord("months"))) {
                    if (unit != null && unit.kind() == Kind.WORD) {
                        throw new ParseFailure(DiagnosticCode.UNKNOWN_UNIT, unit, "decay counts in months, not " + unit.describe(),
                                Suggestions.nearest(unit.text(), List.of("month", "months")).map(Suggestions::didYouMean)
                                        .orElse("write \"every 1 month\", \"every 3 months\", \"every 6 months\" or \"every 12 months\""));
                    }
                    throw in.unexpected("\"months\" after the interval", List.of("month", "months"));
                }
                in.next();
                in.end("the decay line");
                BigDecimal percent = (BigDecimal) percentToken.value();
                if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                    throw new ParseFailure(DiagnosticCode.DECAY_PERCENT, percentToken,
                            "a decay percentage must be above 0 and at most 100, not " + percentToken.text(),
                            "write a percentage such as 50%");
                }
                if (!DECAY_INTERVALS.contains(every)) {
                    throw new ParseFailure(DiagnosticCode.DECAY_INTERVAL, everyToken,
                            "a decay interval is 1, 3, 6 or 12 months, not " + every,
                            "write every 1, 3, 6 or 12 months");
                }
                GroupDraft g = memberGroup(keyword, "decay");
                if (g.decay == null) {
                    g.decay = new Decay(percent, every, position(keyword));
                }
            }
            case "start" -> {
                in.next();
                in.word("at", " after \"start\" (start at 10)");
                BigDecimal n = in.number("a number after \"start at\"");
                in.end("the start at line");
                GroupDraft g = memberGroup(keyword, "start at");
                if (g.startAt == null) {
                    g.startAt = n;
                }
            }
            default -> {
                Rule rule = in.rule();
                memberGroup(keyword, null).rules.add(rule);
            }
        }
    }

    /** The group a parsed line belongs to; one before any group is reported once per score. */
    private GroupDraft memberGroup(Token keyword, String onceOnly) {
        ScoreDraft s = currentScore(keyword, true);
        GroupDraft g = s.currentGroup();
        if (g == null) {
            g = new GroupDraft(keyword, true);
            s.groups.add(g);
            if (!s.placeholder) {
                report(DiagnosticCode.RULE_BEFORE_GROUP, keyword,
                        "\"" + keyword.text() + "\" comes before any group; rules, decay and start at belong to a group",
                        "add a line like group \"Name\" above it");
            }
        }
        if (onceOnly != null) {
            Token earlier = g.settings.putIfAbsent(onceOnly, keyword);
            if (earlier != null) {
                report(DiagnosticCode.DUPLICATE_SETTING, keyword,
                        "\"" + onceOnly + "\" is already set for this group at line " + earlier.line(),
                        "keep one of the two lines");
            }
        }
        return g;
    }

    // ---- helpers ----------------------------------------------------------------------------

    private SourcePosition position(Token t) {
        return new SourcePosition(source, t.line(), t.column());
    }

    private void report(DiagnosticCode code, Token at, String message, String fix) {
        reporter.report(score, fileIndex, code, position(at), message, fix);
    }

    static String quote(String s) {
        return "\"" + s + "\"";
    }
}
