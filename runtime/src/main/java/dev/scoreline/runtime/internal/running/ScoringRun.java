package dev.scoreline.runtime.internal.running;

import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.engine.RunSummary;
import dev.scoreline.engine.ScoringData;
import dev.scoreline.runtime.RunReport;
import dev.scoreline.runtime.internal.delivery.Delivery;
import dev.scoreline.runtime.internal.planning.RunPlan;
import dev.scoreline.runtime.internal.planning.ValueText;
import dev.scoreline.store.RunApplication;
import dev.scoreline.store.ScoreStore;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One {@code Scoreline.run()}: plan it (full or incremental, new or resumed), load what the plan
 * needs, score, let the store say what moved (with a store) and deliver that, and report.
 */
public final class ScoringRun {

    private final RunSetup setup;

    public ScoringRun(RunSetup setup) {
        this.setup = setup;
    }

    public RunReport run(Consumer<ScoreResult> observer) {
        long start = System.nanoTime();
        ScoreStore store = setup.store();
        RunPlan plan = RunPlan.make(store, setup.adapter(), setup.scores().definitions(), setup.asOf(), setup.fullRun());
        Instant now = plan.now();
        ScoringData data = load(plan).adjust(plan.adjustments().all());
        StatusCounts counts = new StatusCounts();
        long[] changed = {0};
        Delivery delivery = setup.delivery();
        delivery.openAll();
        RunApplication application = store == null ? null : begin(plan, data, delivery, changed);
        BiConsumer<ScoreResult, Instant> each = (r, nextChange) -> {
            observer.accept(r);
            counts.count(r);
            if (application != null) {
                application.accept(r, nextChange);
                return;
            }
            changed[0]++;
            delivery.offer(new ScoreUpdate(r, null, null, now, "scored"));
        };
        RunSummary summary = plan.keepsPosition()
                ? setup.engine().scoreWithNextChange(data, now, each)
                : setup.engine().score(data, now, r -> each.accept(r, null));
        if (application != null) {
            counts.takeFromStore(application.finish(plan::position));
            plan.adjustments().applied(store);
        }
        delivery.deliverPending();
        long outbox = delivery.closeAll();
        return new RunReport(data.recordsRead(), summary.results(), changed[0], delivery.delivered(), outbox,
                counts.after(), store == null ? null : plan.runId(), Duration.ofNanos(System.nanoTime() - start),
                data.scoredRecords(), plan.describe(), counts.before());
    }

    /** Every record, or (incremental) only the changed and due ones with what their scores read. */
    private ScoringData load(RunPlan plan) {
        try (CrmAdapter a = setup.adapter()) {
            return plan.incremental()
                    ? setup.engine().load(setup.scores(), a, setup.problems(), plan.changed(), plan.due())
                    : setup.engine().load(setup.scores(), a, setup.problems());
        }
    }

    /** The run in the store: each batch of changes it commits goes to the sinks. */
    private RunApplication begin(RunPlan plan, ScoringData data, Delivery delivery, long[] changed) {
        RunApplication application = setup.store().beginRun(setup.scoreNames(), plan.now(), plan.runId(),
                plan.cause(data, ValueText.withRules(setup.engine(), data, plan.now())), null, b -> {
                    changed[0] += b.changes().size();
                    delivery.deliverAll(b.changes());
                });
        if (plan.incremental()) {
            application.onlyRecords(data.selection());
        }
        return application;
    }
}
