package dev.scoreline.dsl;

import dev.scoreline.dsl.Diagnostic.Severity;

/**
 * Every kind of problem {@code scoreline check} reports, each with a stable code (docs/diagnostics.md
 * describes them all). Codes never change meaning: tools and people may search for them.
 *
 * <p>SL1xx are lexical, SL2xx syntax, SL3xx the structure of a file, SL4xx the rules of section 4
 * and 12 of the language.
 */
public enum DiagnosticCode {

    UNTERMINATED_STRING("SL101", Severity.ERROR),
    BAD_ESCAPE("SL102", Severity.ERROR),
    BAD_NUMBER("SL103", Severity.ERROR),
    BAD_DATE("SL104", Severity.ERROR),
    UNEXPECTED_CHARACTER("SL105", Severity.ERROR),
    BAD_CONTINUATION("SL106", Severity.ERROR),

    UNKNOWN_STATEMENT("SL201", Severity.ERROR),
    UNEXPECTED_TOKEN("SL202", Severity.ERROR),
    UNKNOWN_OPERATOR("SL203", Severity.ERROR),
    UNKNOWN_SCORE_TYPE("SL204", Severity.ERROR),
    UNKNOWN_UNIT("SL205", Severity.ERROR),
    UNKNOWN_AGGREGATE("SL206", Severity.ERROR),
    NOT_A_WHOLE_NUMBER("SL207", Severity.ERROR),
    TRAILING_TOKENS("SL208", Severity.ERROR),

    STATEMENT_BEFORE_SCORE("SL301", Severity.ERROR),
    RULE_BEFORE_GROUP("SL302", Severity.ERROR),
    SETTING_AFTER_GROUP("SL303", Severity.ERROR),
    DUPLICATE_SETTING("SL304", Severity.ERROR),
    MISSING_TYPE("SL305", Severity.ERROR),
    NO_GROUPS("SL306", Severity.ERROR),
    EMPTY_GROUP("SL307", Severity.ERROR),
    DUPLICATE_SCORE("SL308", Severity.ERROR),
    DUPLICATE_GROUP("SL309", Severity.ERROR),
    EMPTY_NAME("SL310", Severity.ERROR),

    RULE_KIND_NOT_ALLOWED("SL401", Severity.ERROR),
    GROUP_NEEDS_TAG("SL402", Severity.ERROR),
    TAG_OUTSIDE_COMBINED("SL403", Severity.WARNING),
    LEVELS_OUTSIDE_COMBINED("SL404", Severity.WARNING),
    STATUS_IN_COMBINED("SL405", Severity.ERROR),
    HEALTH_GROUP_WITHOUT_LIMIT("SL406", Severity.ERROR),
    HEALTH_LIMITS_SUM("SL407", Severity.ERROR),
    DECAY_WITHOUT_EVENT_RULES("SL408", Severity.ERROR),
    DECAY_INTERVAL("SL409", Severity.ERROR),
    DECAY_PERCENT("SL410", Severity.ERROR),
    TOO_MANY_LISTS("SL411", Severity.ERROR),
    AGGREGATE_ON_FREQUENCY("SL412", Severity.ERROR),
    AGGREGATE_WITHOUT_ASSOCIATION("SL413", Severity.ERROR),
    DUPLICATE_STATUS("SL414", Severity.ERROR),
    MINIMUM_ABOVE_LIMIT("SL415", Severity.ERROR),
    EMPTY_RANGE("SL416", Severity.ERROR),
    LEVELS_ORDER("SL417", Severity.ERROR),
    NEGATIVE_GROUP_LIMIT("SL418", Severity.ERROR),
    CAP_NOT_ALLOWED("SL419", Severity.ERROR),
    AGGREGATE_ON_COUNT("SL420", Severity.ERROR),
    RULE_LIMIT_NOT_POSITIVE("SL421", Severity.ERROR),
    UNKNOWN_SCORE("SL422", Severity.ERROR),
    SCORE_ON_OTHER_TYPE("SL423", Severity.ERROR),
    SCORE_REFERENCE_CYCLE("SL424", Severity.ERROR),
    DUPLICATE_PROPERTY("SL425", Severity.ERROR),
    SCORE_TEST_MIXED_WITH_EVENT("SL426", Severity.ERROR);

    private final String code;
    private final Severity severity;

    DiagnosticCode(String code, Severity severity) {
        this.code = code;
        this.severity = severity;
    }

    /** The stable code printed in brackets, e.g. {@code SL203}. */
    public String code() {
        return code;
    }

    public Severity severity() {
        return severity;
    }
}
