package dev.scoreline.dsl.internal;

import dev.scoreline.dsl.model.Decay;
import dev.scoreline.dsl.model.GroupKind;
import dev.scoreline.dsl.model.Levels;
import dev.scoreline.dsl.model.Rule;
import dev.scoreline.dsl.model.ScoreType;
import dev.scoreline.dsl.model.StatusThreshold;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code score} block while its file is read: what was written, the tokens that errors point
 * at, and what recovery from broken lines leaves uncertain (so validation stays quiet about it
 * instead of reporting follow-on errors).
 */
public final class ScoreDraft {

    /** The {@code score} keyword; for a placeholder, the first statement that needed a score. */
    final Token keyword;
    final String source;
    final int fileIndex;
    /** Statements written before any {@code score} line land here; never a definition. */
    final boolean placeholder;
    boolean headerBroken = true;

    String name;
    Token nameToken;
    String objectType;
    ScoreType type;
    BigDecimal limit;
    Token limitToken;
    BigDecimal minimum;
    Token minimumToken;
    final List<String> includeLists = new ArrayList<>();
    final List<String> excludeLists = new ArrayList<>();
    final List<StatusThreshold> statuses = new ArrayList<>();
    final List<Token> statusNumbers = new ArrayList<>();
    Levels fitLevels;
    Levels engagementLevels;
    final List<Token> levelsKeywords = new ArrayList<>();
    String property;
    Token propertyToken;
    String statusProperty;
    Token statusPropertyToken;
    String description;
    /** Setting name to the keyword that set it first, to find settings written twice. */
    final Map<String, Token> settings = new HashMap<>();
    final List<GroupDraft> groups = new ArrayList<>();

    /** A line of this score failed to parse: it may have been anything, even a group. */
    boolean anyBrokenLine;
    /** A line before the first group failed to parse: it may have been the {@code type} line. */
    boolean brokenSettingLine;
    int errors;

    ScoreDraft(Token keyword, String source, int fileIndex, boolean placeholder) {
        this.keyword = keyword;
        this.source = source;
        this.fileIndex = fileIndex;
        this.placeholder = placeholder;
    }

    GroupDraft currentGroup() {
        return groups.isEmpty() ? null : groups.get(groups.size() - 1);
    }

    /** A {@code group} block while its file is read. */
    public static final class GroupDraft {
        final Token keyword;
        /** Rules written before any {@code group} line land here, once reported. */
        final boolean placeholder;
        boolean headerBroken = true;
        String name;
        Token nameToken;
        GroupKind kind;
        Token kindToken;
        BigDecimal limit;
        Decay decay;
        BigDecimal startAt;
        final Map<String, Token> settings = new HashMap<>();
        final List<Rule> rules = new ArrayList<>();
        /** A line of this group failed to parse: it may have been a rule, maybe an event rule. */
        boolean brokenLines;

        GroupDraft(Token keyword, boolean placeholder) {
            this.keyword = keyword;
            this.placeholder = placeholder;
        }

        /** True when everything about the group's header is known. */
        boolean certain() {
            return !placeholder && !headerBroken;
        }
    }
}
