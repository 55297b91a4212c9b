package dev.scoreline.dsl.internal;

import dev.scoreline.dsl.DiagnosticCode;
import dev.scoreline.dsl.internal.ScoreDraft.GroupDraft;
import dev.scoreline.dsl.model.Group;
import dev.scoreline.dsl.model.GroupKind;
import dev.scoreline.dsl.model.Rule;
import dev.scoreline.dsl.model.ScoreDefinition;
import dev.scoreline.dsl.model.ScoreType;
import dev.scoreline.dsl.model.SourcePosition;
import dev.scoreline.dsl.model.StatusThreshold;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks of sections 4 and 12 that need a whole score (or a whole set of files), and the step
 * from a draft to a {@link ScoreDefinition}. A check stays quiet when a broken line leaves what it
 * checks uncertain: the broken line already has its error.
 */
public final class ScoreValidator {

    static final BigDecimal HEALTH_TOTAL = BigDecimal.valueOf(100);

    private final Reporter reporter;

    public ScoreValidator(Reporter reporter) {
        this.reporter = reporter;
    }

    /** Checks a set of files' scores and returns the definitions of the scores without errors. */
    public List<ScoreDefinition> validate(List<ScoreDraft> scores) {
        Map<String, ScoreDraft> byName = new HashMap<>();
        for (ScoreDraft s : scores) {
            if (s.placeholder) {
                continue;
            }
            validate(s);
            if (!s.headerBroken) {
                ScoreDraft first = byName.putIfAbsent(s.name, s);
                if (first != null) {
                    report(s, DiagnosticCode.DUPLICATE_SCORE, s.nameToken,
                            "a score named \"" + s.name + "\" is already defined at " + first.source + ":"
                                    + first.keyword.line(),
                            "rename one of them: score names must be unique across all files");
                }
            }
        }
        new ReferenceValidator(reporter).validate(scores);
        new PropertyValidator(reporter).validate(scores);
        List<ScoreDefinition> definitions = new ArrayList<>();
        for (ScoreDraft s : scores) {
            if (!s.placeholder && s.errors == 0) {
                definitions.add(definition(s));
            }
        }
        return definitions;
    }

    private void validate(ScoreDraft s) {
        if (s.type == null && !s.brokenSettingLine) {
            report(s, DiagnosticCode.MISSING_TYPE, s.keyword, "score " + name(s) + " has no type line",
                    "add a line such as \"type engagement\" below it (engagement, fit, combined or health)");
        }
        if (s.groups.isEmpty() && !s.anyBrokenLine) {
            report(s, DiagnosticCode.NO_GROUPS, s.keyword, "score " + name(s) + " has no group",
                    "add a group with at least one rule, like: group \"Name\"");
        }
        Map<String, GroupDraft> groupsByName = new HashMap<>();
        for (GroupDraft g : s.groups) {
            if (g.certain()) {
                GroupDraft first = groupsByName.putIfAbsent(g.name, g);
                if (first != null) {
                    report(s, DiagnosticCode.DUPLICATE_GROUP, g.nameToken,
                            "score " + name(s) + " already has a group named \"" + g.name + "\" at line " + first.keyword.line(),
                            "rename one of the groups, or merge them");
                }
            }
            boolean rulesCertain = !g.brokenLines && !g.placeholder;
            if (g.rules.isEmpty() && rulesCertain) {
                report(s, DiagnosticCode.EMPTY_GROUP, g.keyword, "group \"" + g.name + "\" has no rules",
                        "add a rule below it, or remove the group");
            } else if (g.decay != null && rulesCertain && g.rules.stream().noneMatch(Rule::isEventRule)) {
                report(s, DiagnosticCode.DECAY_WITHOUT_EVENT_RULES, g.decay.position(),
                        "decay applies to event rules only, and group \"" + g.name + "\" has none",
                        "remove the decay line (property rules never decay)");
            }
        }
        if (s.type != null) {
            checkType(s);
        }
        BigDecimal limit = s.limit != null ? s.limit : s.type == ScoreType.HEALTH ? HEALTH_TOTAL : null;
        if (s.minimum != null && limit != null && s.minimum.compareTo(limit) > 0) {
            report(s, DiagnosticCode.MINIMUM_ABOVE_LIMIT, s.minimumToken,
                    "minimum " + s.minimum.toPlainString() + " is above the limit " + limit.toPlainString()
                            + (s.limit == null ? " (implied for a health score)" : ""),
                    "make the minimum at most the limit");
        }
    }

    private void checkType(ScoreDraft s) {
        ScoreType type = s.type;
        if (type == ScoreType.COMBINED) {
            for (StatusThreshold status : s.statuses) {
                report(s, DiagnosticCode.STATUS_IN_COMBINED, status.position(),
                        "a combined score cannot have status lines: its status is the fit letter and engagement digit",
                        "remove it; set \"fit levels\" or \"engagement levels\" instead");
            }
        } else {
            for (Token levels : s.levelsKeywords) {
                report(s, DiagnosticCode.LEVELS_OUTSIDE_COMBINED, levels,
                        "\"" + levels.text() + " levels\" applies to combined scores only; it is ignored in " + article(type.keyword())
                                + " score", "remove the line");
            }
        }
        for (GroupDraft g : s.groups) {
            if (type != ScoreType.COMBINED && g.kindToken != null) {
                report(s, DiagnosticCode.TAG_OUTSIDE_COMBINED, g.kindToken,
                        "the \"" + g.kindToken.text() + "\" tag applies to groups of combined scores only; it is ignored in "
                                + article(type.keyword()) + " score", "remove it");
            }
            if (type == ScoreType.COMBINED && g.kind == null && g.certain()) {
                report(s, DiagnosticCode.GROUP_NEEDS_TAG, g.keyword,
                        "group \"" + g.name + "\" of a combined score needs a fit or engagement tag",
                        "write group \"" + g.name + "\" fit (property rules) or group \"" + g.name + "\" engagement (event rules)");
            }
            Boolean eventRules = switch (type) {
                case ENGAGEMENT -> true;
                case FIT -> false;
                case COMBINED -> g.kind == null ? null : g.kind == GroupKind.ENGAGEMENT;
                case HEALTH -> null;
            };
            if (eventRules != null) {
                String where = type == ScoreType.COMBINED ? "a " + g.kind.keyword() + " group" : article(type.keyword()) + " score";
                for (Rule r : g.rules) {
                    if (r.isEventRule() != eventRules) {
                        report(s, DiagnosticCode.RULE_KIND_NOT_ALLOWED, r.position(),
                                (eventRules ? "a property rule" : "an event rule") + " cannot be in " + where + ", which holds "
                                        + (eventRules ? "event" : "property") + " rules only",
                                kindFix(type, eventRules, r));
                    }
                }
            }
        }
        if (type == ScoreType.HEALTH) {
            checkHealthLimits(s);
        }
    }

    /** How to fix a rule of the wrong kind for its score or group. */
    private static String kindFix(ScoreType type, boolean eventRules, Rule r) {
        if (type == ScoreType.COMBINED) {
            return "move the rule to " + (eventRules ? "a fit" : "an engagement") + " group";
        }
        if (r instanceof Rule.CountRule c) {
            String counted = c.association().objectType();
            return eventRules
                    ? "count records that own an event (… associated " + counted + " with EVENT), or move the rule to a fit or health score"
                    : "count records by their properties only (remove \"with …\"), or move the rule to an engagement or health score";
        }
        return eventRules ? "count events (add P for each EVENT), or move the rule to a fit or health score"
                : "test a property (add P if PROPERTY is …), or move the rule to an engagement or health score";
    }

    private void checkHealthLimits(ScoreDraft s) {
        boolean sumKnown = !s.groups.isEmpty() && !s.anyBrokenLine;
        BigDecimal sum = BigDecimal.ZERO;
        for (GroupDraft g : s.groups) {
            if (!g.certain()) {
                sumKnown = false;
            } else if (g.limit == null) {
                sumKnown = false;
                report(s, DiagnosticCode.HEALTH_GROUP_WITHOUT_LIMIT, g.keyword,
                        "group \"" + g.name + "\" of a health score needs a limit",
                        "write group \"" + g.name + "\" limit N; the limits of all groups add up to 100");
            } else {
                sum = sum.add(g.limit);
            }
        }
        if (sumKnown && sum.compareTo(HEALTH_TOTAL) != 0) {
            report(s, DiagnosticCode.HEALTH_LIMITS_SUM, s.keyword,
                    "group limits of a health score must add up to 100, they add up to " + sum.toPlainString(),
                    "change the group limits so they add up to 100");
        }
    }

    private static ScoreDefinition definition(ScoreDraft s) {
        boolean combined = s.type == ScoreType.COMBINED;
        List<Group> groups = new ArrayList<>();
        for (GroupDraft g : s.groups) {
            groups.add(new Group(g.name, combined ? g.kind : null, g.limit, g.decay, g.startAt, g.rules,
                    position(s, g.keyword)));
        }
        return new ScoreDefinition(s.name, s.objectType, s.type, s.limit, s.minimum, s.includeLists, s.excludeLists,
                s.statuses, combined ? s.fitLevels : null, combined ? s.engagementLevels : null, s.property,
                s.statusProperty, s.description, groups, position(s, s.keyword));
    }

    private static SourcePosition position(ScoreDraft s, Token t) {
        return new SourcePosition(s.source, t.line(), t.column());
    }

    private static String article(String word) {
        return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
    }

    private static String name(ScoreDraft s) {
        return s.name == null ? "" : "\"" + s.name + "\"";
    }

    private void report(ScoreDraft s, DiagnosticCode code, Token at, String message, String fix) {
        report(s, code, position(s, at), message, fix);
    }

    private void report(ScoreDraft s, DiagnosticCode code, SourcePosition at, String message, String fix) {
        reporter.report(s, s.fileIndex, code, at, message, fix);
    }
}
