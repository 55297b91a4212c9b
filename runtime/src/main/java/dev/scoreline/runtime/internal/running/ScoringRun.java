package dev.scoreline.runtime.internal.running;

import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.engine.RunSummary;
import dev.scoreline.engine.ScoringData;
import dev.scoreline.runtime.RunProgress;
import dev.scoreline.runtime.RunReport;
import dev.scoreline.runtime.internal.delivery.Delivery;
import dev.scoreline.runtime.internal.planning.RunPlan;
import dev.scoreline.runtime.internal.planning.ValueText;
import dev.scoreline.store.RunApplication;
import dev.scoreline.store.ScoreStore;
import dev.scoreline.store.StoreLock;
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

    /** The run, holding the store (when there is one) from its plan to its last delivery. */
    public RunReport run(Consumer<ScoreResult> observer, RunProgress progress) {
        long start = System.nanoTime();
        try (StoreLock lock = setup.lockStore(null)) {
            return run(observer, progress, lock, start);
        }
    }

    private RunReport run(Consumer<ScoreResult> observer, RunProgress progress, StoreLock lock, long start) {
        ScoreStore store = setup.store();
        RunPlan plan = RunPlan.make(store, setup.adapter(), setup.scores().definitions(), setup.asOf(), setup.fullRun());
        if (lock != null) {
            lock.runId(plan.runId());
        }
        Instant now = plan.now();
        progress.loading(setup.adapter().readProgress());
        ScoringData data = load(plan).adjust(plan.adjustments().all());
        EmptyData.refuseToClearEverything(store, data.recordsRead(), setup);
        progress.scoring(data.resultsToScore());
        StatusCounts counts = new StatusCounts();
        long[] changed = {0};
        Delivery delivery = setup.delivery();
        delivery.openAll();
        RunCounts before = store == null ? RunCounts.NONE : RunCounts.of(store, plan.runId(), setup.scoreNames());
        RunApplication application = store == null ? null : begin(plan, data, delivery);
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
        long results = summary.results();
        if (application != null) {
            lock.check();
            counts.takeFromStore(application.finish(plan::position));
            plan.adjustments().applied(store);
            counts.takeFromStore(CatalogRules.clearDeactivated(store, now, plan.runId(), delivery));
            // The store's counts of the run, over every attempt: exact however often it was resumed.
            RunCounts run = RunCounts.of(store, plan.runId(), setup.scoreNames());
            results = run.results();
            changed[0] = run.changed();
        }
        delivery.deliverPending();
        var sinks = delivery.closeAll();
        return new RunReport(data.recordsRead(), results, changed[0], counts.after(), store == null ? null : plan.runId(),
                Duration.ofNanos(System.nanoTime() - start), data.scoredRecords(), plan.describe(), counts.before(),
                sinks, plan.resumed(), before.changed(), counts.removed());
    }

    /** Every record, or (incremental) only the changed and due ones with what their scores read. */
    private ScoringData load(RunPlan plan) {
        try (CrmAdapter a = setup.adapter()) {
            ScoringData data = plan.incremental()
                    ? setup.engine().load(setup.scores(), a, setup.problems(), plan.changed(), plan.due())
                    : setup.engine().load(setup.scores(), a, setup.problems());
            StrictData.check(setup, data, a);
            return data;
        }
    }

    /** The run in the store: each batch of changes it commits is logged for the sinks and goes to them. */
    private RunApplication begin(RunPlan plan, ScoringData data, Delivery delivery) {
        RunApplication application = setup.store().ledger().beginRun(setup.scoreNames(), plan.now(), plan.runId(),
                plan.cause(data, ValueText.withRules(setup.engine(), data, plan.now())), null, delivery::deliverCommitted,
                delivery.journal());
        if (plan.incremental()) {
            application.onlyRecords(data.selection());
        }
        return application;
    }
}
