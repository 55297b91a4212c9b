package dev.scoreline.engine.internal.record;

import dev.scoreline.api.Association;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.DataProblems;
import dev.scoreline.api.RecordKey;
import dev.scoreline.api.ScoreResult;
import dev.scoreline.dsl.model.Rule;
import dev.scoreline.dsl.model.ScoreReference;
import dev.scoreline.engine.RecordScorer;
import dev.scoreline.engine.internal.compile.CompiledRuleBase;
import dev.scoreline.engine.internal.compile.CompiledRuleBase.ProgramScore;
import dev.scoreline.engine.internal.data.DataValue;
import dev.scoreline.engine.internal.data.LoadedData;
import dev.scoreline.engine.internal.data.ShapeInterner;
import dev.scoreline.engine.internal.eval.Evaluator;
import dev.scoreline.engine.internal.eval.NextChange;
import dev.scoreline.engine.internal.match.DroolsShapeMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Scores records one at a time with one shape table, one matcher and one evaluator: what a record
 * matched (its shapes, events, associations) stays matched for the next records of the same shapes,
 * so a task that scores millions of keys opens a Drools session only for what is new. The data of a
 * record is turned into shapes exactly as a bulk load does ({@link LoadedData}): the same projection,
 * the same folding of types, lists and labels, associations to records not in the data left out.
 *
 * <p>Not thread-safe: one per task.
 */
public final class KeyScorer {

    private static final DataProblems SILENT = new DataProblems() {
        @Override public void badLine(String source, long line, String reason) { }
        @Override public void warning(String source, long line, String message) { }
    };

    private final CompiledRuleBase program;
    private final ShapeInterner shapes;
    private final RecordView view;
    private final DroolsShapeMatcher matcher;
    private final Evaluator evaluator;
    private final NextChange nextChange;
    /** The scored record's own data warns (once per record); its neighbours' is warned where they are scored. */
    private final LoadedData.Warnings warnings;
    private final LoadedData.Warnings neighbourWarnings = new LoadedData.Warnings(SILENT);

    /**
     * The scores a record gives its neighbours in a hop stage: those read through an association
     * that themselves read associations (a neighbour's scoring cannot evaluate them: it does not
     * hold their records' neighbours). Others read through an association are evaluated there.
     */
    private final ProgramScore[] given;
    /** Per record of the view, what its summary says its scoring gave it (null: its data alone). */
    private final List<RecordScorer.Given> carried = new ArrayList<>();
    private long scoredAt;

    public KeyScorer(CompiledRuleBase program, DataProblems problems, long now, Function<Rule, String> ruleText) {
        this.given = given(program);
        this.program = program;
        this.shapes = new ShapeInterner(program);
        this.view = new RecordView(shapes);
        this.matcher = new DroolsShapeMatcher(program, view, now);
        this.evaluator = new Evaluator(program, view, matcher, ruleText);
        this.nextChange = new NextChange(program);
        this.warnings = new LoadedData.Warnings(problems);
    }

    /** Whether scores on the record's type read associated records (it then needs its neighbours' summaries). */
    public boolean readsAssociations(RecordKey key) {
        return program.typesReadingAssociations.contains(DataValue.fold(key.type()));
    }

    /** Stages that pass summaries on before the last one scores ({@link RecordScorer#hopStages}). */
    public int hopStages() {
        return Math.max(0, program.associationHops - 1);
    }

    /**
     * Scores a record at {@code now}: its results, in score order, to {@code out} (none for the
     * scores it is out of scope of); returns its next change ({@link NextChange#NEVER}: none).
     * Associations whose other end is not among {@code neighbours} are left out, as a bulk load
     * leaves out associations to records not in the data.
     */
    public long score(RecordScorer.Facts facts, Map<RecordKey, RecordScorer.Summary> neighbours, long now,
                      Consumer<ScoreResult> out) {
        load(facts, neighbours, now);
        return evaluate(program.scores, out) ? nextChange() : NextChange.NEVER;
    }

    /**
     * What the record's scoring gives its neighbours (a hop stage): its results of the scores read
     * through an association that read associations, to {@code out}; returns the earliest next
     * change of the records it reads, itself included, whether or not it is in scope.
     */
    public long give(RecordScorer.Facts facts, Map<RecordKey, RecordScorer.Summary> neighbours, long now,
                     Consumer<ScoreResult> out) {
        load(facts, neighbours, now);
        evaluate(given, out);
        return nextChange();
    }

    /**
     * The view holds the record (0) and the neighbours it reads, linked to it; what a neighbour's
     * summary says its scoring gave it is kept as its results, since its own neighbours are not here.
     */
    private void load(RecordScorer.Facts facts, Map<RecordKey, RecordScorer.Summary> neighbours, long now) {
        this.scoredAt = now;
        matcher.moveTo(now);
        view.clear();
        carried.clear();
        CrmRecord own = facts.record();
        add(own, facts.events(), warnings);
        carried.add(null);
        if (readsAssociations(own.key())) {
            for (Map.Entry<RecordKey, Set<String>> link : links(own.key(), facts.associations(), neighbours).entrySet()) {
                RecordScorer.Summary other = neighbours.get(link.getKey());
                int rec = add(other.record(), other.events(), neighbourWarnings);
                view.link(rec, shapes.internLabels(link.getValue()));
                carried.add(other.given());
            }
        }
        for (int rec = 0; rec < view.size(); rec++) {
            evaluator.forget(rec); // results kept for scores other scores read belong to the record scored before
        }
        for (int rec = 1; rec < view.size(); rec++) {
            RecordScorer.Given g = carried.get(rec);
            if (g != null) {
                keepGiven(rec, g);
            }
        }
    }

    private void keepGiven(int rec, RecordScorer.Given g) {
        String type = view.shapes().recordShape(view.recordShape(rec)).type();
        for (ProgramScore s : given) {
            if (s.type.equals(type)) {
                ScoreResult r = null;
                for (ScoreResult candidate : g.scores()) {
                    if (candidate.score().equals(s.definition.name())) {
                        r = candidate;
                    }
                }
                evaluator.keep(s, rec, r);
            }
        }
    }

    /** Evaluates those of {@code scores} on the record's type; whether it is in scope of any. */
    private boolean evaluate(ProgramScore[] scores, Consumer<ScoreResult> out) {
        DroolsShapeMatcher.Batch alone = new DroolsShapeMatcher.Batch(new int[] {0}, 0, 1);
        String type = view.shapes().recordShape(view.recordShape(0)).type();
        boolean inScope = false;
        for (ProgramScore s : scores) {
            if (s.type.equals(type)) {
                ScoreResult r = evaluator.score(s, 0, alone);
                if (r != null) {
                    out.accept(r);
                    inScope = true;
                }
            }
        }
        return inScope;
    }

    /** The record's next change: a neighbour's own, or what its summary says its reads' next change is. */
    private long nextChange() {
        return nextChange.of(view, 0, scoredAt, rec -> {
            RecordScorer.Given g = carried.get(rec);
            return g == null ? nextChange.ownNext(view, rec, scoredAt)
                    : g.nextChange() == null ? NextChange.NEVER : g.nextChange().toEpochMilli();
        });
    }

    private static ProgramScore[] given(CompiledRuleBase program) {
        Set<String> readThroughAssociations = new HashSet<>();
        for (ProgramScore s : program.scores) {
            for (ScoreReference ref : ScoreReference.of(s.definition)) {
                if (ref.associated()) {
                    readThroughAssociations.add(ref.score());
                }
            }
        }
        return Arrays.stream(program.scores)
                .filter(s -> readThroughAssociations.contains(s.definition.name())
                        && program.typesReadingAssociations.contains(s.type))
                .toArray(ProgramScore[]::new);
    }

    /** Per other record in the data, the folded labels of every association with it, in key order. */
    private static Map<RecordKey, Set<String>> links(RecordKey self, List<Association> associations,
                                                     Map<RecordKey, RecordScorer.Summary> neighbours) {
        Map<RecordKey, Set<String>> links = new TreeMap<>();
        for (Association a : associations) {
            RecordKey other = a.from().equals(self) ? a.to() : a.from();
            if (other.equals(self) || !neighbours.containsKey(other)) {
                continue;
            }
            Set<String> labels = links.computeIfAbsent(other, k -> new TreeSet<>());
            for (String l : a.labels()) {
                labels.add(DataValue.fold(l));
            }
        }
        return links;
    }

    /** Adds a record and its events (oldest first) to the view, shaped as a bulk load shapes them. */
    private int add(CrmRecord r, List<CrmEvent> events, LoadedData.Warnings warn) {
        Object[] values = shapes.projectRecord(r.key().type(), r.properties(), warn.numbers("records", r.key()));
        Set<String> lists = shapes.readLists(r.lists());
        int rec = view.add(r.key(), shapes.internRecord(DataValue.fold(r.key().type()), values, lists));
        if (!program.readsEvents) {
            return rec;
        }
        List<CrmEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(CrmEvent::at));
        for (CrmEvent e : sorted) {
            Object[] raw = shapes.projectEvent(e.type(), e.properties(), warn.numbers("events", e.record()));
            view.addEvent(rec, shapes.internEvent(DataValue.fold(e.type()), raw, lists), e.at().toEpochMilli());
        }
        return rec;
    }
}
