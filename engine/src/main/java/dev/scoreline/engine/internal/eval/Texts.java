package dev.scoreline.engine.internal.eval;

import dev.scoreline.engine.internal.compile.CompiledRuleBase.ProgramRule;
import dev.scoreline.engine.internal.compile.TimeRange;
import dev.scoreline.engine.internal.data.DataView;
import dev.scoreline.engine.internal.match.DroolsFacts;
import java.time.Instant;

/** The texts explanations show for records, events and instants. */
final class Texts {

    private Texts() { }

    static String age(long at, long now) {
        long days = Math.floorDiv(now - at, TimeRange.DAY_MS);
        return "at " + Instant.ofEpochMilli(at) + " (" + days + (days == 1 ? " day" : " days") + " old)";
    }

    static String event(DataView data, int rec, int e) {
        DroolsFacts.EventShape shape = data.shapes().eventShape(data.eventShape(rec, e));
        return shape.type() + (shape.values().isEmpty() ? "" : " " + shape.values());
    }

    static String values(DataView data, int rec) {
        DroolsFacts.RecordShape shape = data.shapes().recordShape(data.recordShape(rec));
        return shape.values().isEmpty() ? "no property the rules read" : shape.values().toString()
                + (shape.lists().isEmpty() ? "" : ", lists " + shape.lists());
    }

    static String listedValue(ProgramRule r, int i) {
        if (r.rule instanceof dev.scoreline.dsl.model.Rule.PropertyPointsRule p) {
            return p.property() + " " + p.points().get(i).value();
        }
        return "value " + i;
    }
}
