package dev.scoreline.dsl.internal;

import dev.scoreline.api.ScoreProperties;
import dev.scoreline.dsl.DiagnosticCode;
import dev.scoreline.dsl.model.ScoreDefinition;
import dev.scoreline.dsl.model.ScoreType;
import dev.scoreline.dsl.model.SourcePosition;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The check that no two values of the scores given together go to one record property: the
 * value, status, engagement and fit properties of the scores of one object type (written with
 * {@code property} / {@code status property} or derived, {@link ScoreProperties}) are all
 * different, ignoring case, as properties are named in data. Otherwise one sink write would
 * overwrite the other's value. A score whose settings a broken line leaves uncertain is left out.
 */
final class PropertyValidator {

    private static final List<String> ROLES = List.of("value", "status", "engagement", "fit");

    private final Reporter reporter;

    PropertyValidator(Reporter reporter) {
        this.reporter = reporter;
    }

    /** One property a score writes: which of its values, and the token that makes it so. */
    private record Claim(ScoreDraft score, String name, String role, Token at, boolean written) { }

    void validate(List<ScoreDraft> scores) {
        Map<String, Claim> byProperty = new HashMap<>();
        Set<String> scoreNames = new HashSet<>();
        for (ScoreDraft s : scores) {
            if (s.placeholder || s.headerBroken
                    || s.brokenSettingLine && (s.type == null || s.property == null || s.statusProperty == null)
                    || !scoreNames.add(s.name)) {
                continue; // uncertain, or a score named twice: that error says enough
            }
            List<String> names = ScoreProperties.names(ScoreDefinition.valueProperty(s.name, s.property),
                    s.statusProperty, s.type == ScoreType.COMBINED);
            boolean valueTaken = false;
            for (int i = 0; i < names.size(); i++) {
                Claim claim = claim(s, names.get(i), ROLES.get(i));
                Claim first = byProperty.putIfAbsent(fold(s.objectType) + "\n" + fold(claim.name()), claim);
                // A name derived from a value property already in use is fixed with it: no second error.
                if (first != null && !(valueTaken && !claim.written())) {
                    report(claim, first);
                }
                valueTaken |= first != null && i == 0;
            }
        }
    }

    private static Claim claim(ScoreDraft s, String name, String role) {
        Token own = role.equals("status") ? s.statusPropertyToken : role.equals("value") ? s.propertyToken : null;
        if (own != null) {
            return new Claim(s, name, role, own, true);
        }
        return new Claim(s, name, role, s.propertyToken != null ? s.propertyToken : s.nameToken, false);
    }

    private void report(Claim claim, Claim first) {
        ScoreDraft s = claim.score();
        String property = "property " + ScoreFileParser.quote(claim.name());
        String message = first.score() == s
                ? property + " would hold both the " + first.role() + " and the " + claim.role() + " of score "
                  + ScoreFileParser.quote(s.name) + (claim.written() ? "" : " (" + derivation(claim) + ")")
                : property + " would hold the " + claim.role() + " of score " + ScoreFileParser.quote(s.name)
                  + (claim.written() ? "" : " (" + derivation(claim) + ")") + ", but score "
                  + ScoreFileParser.quote(first.score().name) + " at " + first.score().source + ":" + first.at().line()
                  + " stores its " + first.role() + " there; scores on " + s.objectType + " need properties of their own";
        reporter.report(s, s.fileIndex, DiagnosticCode.DUPLICATE_PROPERTY,
                new SourcePosition(s.source, claim.at().line(), claim.at().column()), message, fix(claim));
    }

    /** How a name nobody wrote came about. */
    private static String derivation(Claim claim) {
        return switch (claim.role()) {
            case "value" -> "derived from its name";
            default -> "its property name with _" + claim.role() + " appended";
        };
    }

    private static String fix(Claim claim) {
        ScoreDraft s = claim.score();
        if (claim.written()) {
            return "write another name here";
        }
        if (claim.role().equals("status")) {
            return "add a line \"status property NAME\" to score " + ScoreFileParser.quote(s.name) + " to store it elsewhere";
        }
        return (s.propertyToken == null ? "add a line \"property NAME\" to score " : "write another property for score ")
                + ScoreFileParser.quote(s.name) + " to store it elsewhere";
    }

    private static String fold(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
