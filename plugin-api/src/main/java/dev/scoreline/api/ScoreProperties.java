package dev.scoreline.api;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The names of the record properties a score is stored in, what sinks write: the value's
 * ({@code property NAME} in a {@code .score} file, else {@link #nameFor derived from the score's
 * name}), the status's ({@code status property NAME}, else {@code <value>_status}) and, for a
 * combined score only, the engagement's and the fit's ({@code <value>_engagement},
 * {@code <value>_fit}). Two scores of one object type never share a name ({@code scoreline check}
 * reports it), so a sink can write them side by side on the record.
 */
public record ScoreProperties(String value, String status, String engagement, String fit) {

    public ScoreProperties {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(status, "status");
        if ((engagement == null) != (fit == null)) {
            throw new IllegalArgumentException("a combined score names both its engagement and fit properties, or neither");
        }
        List<String> names = new ArrayList<>(Arrays.asList(value, status, engagement, fit));
        names.removeIf(Objects::isNull);
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                if (names.get(i).equalsIgnoreCase(names.get(j))) {
                    throw new IllegalArgumentException("a score stores two values in property " + names.get(i));
                }
            }
        }
    }

    /**
     * The properties of a score stored in {@code property}: the status in {@code statusProperty},
     * or {@code <property>_status} when that is {@code null}; a combined score's engagement and fit
     * in {@code <property>_engagement} and {@code <property>_fit}.
     */
    public static ScoreProperties of(String property, String statusProperty, boolean combined) {
        List<String> names = names(property, statusProperty, combined);
        return new ScoreProperties(names.get(0), names.get(1), combined ? names.get(2) : null,
                combined ? names.get(3) : null);
    }

    /**
     * The names {@link #of} gives, in its order, without refusing a name given twice: for a check
     * that reports which ones repeat.
     */
    public static List<String> names(String property, String statusProperty, boolean combined) {
        Objects.requireNonNull(property, "property");
        String status = statusProperty != null ? statusProperty : property + "_status";
        return combined ? List.of(property, status, property + "_engagement", property + "_fit")
                : List.of(property, status);
    }

    /** The properties of a score without a {@code property} line: {@code of(nameFor(score), null, combined)}. */
    public static ScoreProperties derived(String score, boolean combined) {
        return of(nameFor(score), null, combined);
    }

    /**
     * The property a score without a {@code property} line is stored in, a NAME of the language:
     * its name in lower case, accents dropped, every run of other characters than letters a-z and
     * digits made one {@code _}, none at either end ({@code Lead score} → {@code lead_score},
     * {@code Fit & engagement (2026)} → {@code fit_engagement_2026}); {@code score_} goes before a
     * name that would start with a digit, and a name with no such character at all is {@code score}.
     */
    public static String nameFor(String score) {
        String plain = Normalizer.normalize(score, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String name = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (name.isEmpty()) {
            return "score";
        }
        return Character.isDigit(name.charAt(0)) ? "score_" + name : name;
    }

    /** The properties {@link #names()} lists: two names, or four for a combined score. */
    public static ScoreProperties fromNames(List<String> names) {
        if (names.size() != 2 && names.size() != 4) {
            throw new IllegalArgumentException("a score is stored in 2 properties, or 4 when combined, not " + names);
        }
        return new ScoreProperties(names.get(0), names.get(1), names.size() == 4 ? names.get(2) : null,
                names.size() == 4 ? names.get(3) : null);
    }

    public boolean combined() {
        return engagement != null;
    }

    /** Every name, in the order sinks write them: value, status, then engagement and fit. */
    public List<String> names() {
        List<String> out = new ArrayList<>(List.of(value, status));
        if (combined()) {
            out.add(engagement);
            out.add(fit);
        }
        return out;
    }
}
