package dev.scoreline.engine.internal.eval;

import dev.scoreline.dsl.model.Levels;
import dev.scoreline.dsl.model.StatusThreshold;
import dev.scoreline.engine.internal.compile.CompiledRuleBase.ProgramScore;
import java.math.BigDecimal;
import java.util.List;

/** Statuses (language.md section 8, items 4 and 5), and the texts that explain them and the scope. */
public final class Statuses {

    private Statuses() { }

    /** The status of a total (rounded; for a combined score, of its rounded engagement and fit). */
    static String of(ProgramScore s, BigDecimal value, BigDecimal eng, BigDecimal ft) {
        return eng != null ? letter(ft, s.fitLevels) + digit(eng, s.engagementLevels)
                : s.sortedStatuses.get(chosen(s, value)).label();
    }

    /** The index of the status a value reaches in the score's sorted statuses (the lowest when none). */
    static int chosen(ProgramScore s, BigDecimal value) {
        List<StatusThreshold> statuses = s.sortedStatuses;
        int chosen = 0;
        for (int i = 0; i < statuses.size(); i++) {
            if (statuses.get(i).from().compareTo(value) <= 0) {
                chosen = i;
            }
        }
        return chosen;
    }

    /** Why the value has its status, for explanations. */
    static String reason(ProgramScore s, BigDecimal value, BigDecimal eng, BigDecimal ft) {
        if (eng != null) {
            return "fit " + Evaluator.plain(ft) + " gives " + letter(ft, s.fitLevels) + " (high from " + Evaluator.plain(s.fitLevels.high())
                    + ", medium from " + Evaluator.plain(s.fitLevels.medium()) + "); engagement " + Evaluator.plain(eng) + " gives "
                    + digit(eng, s.engagementLevels) + " (high from " + Evaluator.plain(s.engagementLevels.high())
                    + ", medium from " + Evaluator.plain(s.engagementLevels.medium()) + ")";
        }
        List<StatusThreshold> statuses = s.sortedStatuses;
        int chosen = chosen(s, value);
        StatusThreshold t = statuses.get(chosen);
        boolean reached = chosen > 0 || (!s.statuses.isEmpty() && t.from().compareTo(value) <= 0);
        if (reached) {
            return Evaluator.plain(value) + " is at least " + Evaluator.plain(t.from()) + ", where \"" + t.label() + "\" starts";
        } else if (statuses.size() > 1) {
            StatusThreshold next = statuses.get(1);
            return Evaluator.plain(value) + " is below " + Evaluator.plain(next.from()) + ", where \"" + next.label()
                    + "\" starts, so the lowest status applies";
        }
        return "the only status";
    }

    static String scopeText(ProgramScore s, boolean in) {
        var d = s.definition;
        if (d.includeLists().isEmpty() && d.excludeLists().isEmpty()) {
            return "every " + d.objectType() + " is scored";
        }
        String lists = (d.includeLists().isEmpty() ? "" : "include lists " + quoted(d.includeLists()))
                + (d.excludeLists().isEmpty() ? "" : (d.includeLists().isEmpty() ? "" : "; ")
                + "exclude lists " + quoted(d.excludeLists()));
        return (in ? "in scope (" : "out of scope, so no value (") + lists + ")";
    }

    private static String quoted(List<String> l) {
        return String.join(", ", l.stream().map(x -> "\"" + x + "\"").toList());
    }

    private static String letter(BigDecimal fit, Levels l) {
        return fit.compareTo(l.high()) >= 0 ? "A" : fit.compareTo(l.medium()) >= 0 ? "B" : "C";
    }

    private static String digit(BigDecimal engagement, Levels l) {
        return engagement.compareTo(l.high()) >= 0 ? "1" : engagement.compareTo(l.medium()) >= 0 ? "2" : "3";
    }

}
