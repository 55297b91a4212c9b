package dev.scoreline.engine.internal.compile;

import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScorelineException;
import dev.scoreline.dsl.model.AssociationClause;
import dev.scoreline.dsl.model.Condition;
import dev.scoreline.dsl.model.EventFilter;
import dev.scoreline.dsl.model.Group;
import dev.scoreline.dsl.model.GroupKind;
import dev.scoreline.dsl.model.Levels;
import dev.scoreline.dsl.model.Operand;
import dev.scoreline.dsl.model.Rule;
import dev.scoreline.dsl.model.ScoreDefinition;
import dev.scoreline.dsl.model.ScoreType;
import dev.scoreline.dsl.model.Timeframe;
import dev.scoreline.dsl.model.Value;
import dev.scoreline.dsl.model.ValuePoints;
import dev.scoreline.engine.internal.compile.CompiledRuleBase.ProgramGroup;
import dev.scoreline.engine.internal.compile.CompiledRuleBase.ProgramRule;
import dev.scoreline.engine.internal.compile.CompiledRuleBase.ProgramScore;
import dev.scoreline.engine.internal.compile.CompiledRuleBase.RuleKind;
import dev.scoreline.engine.internal.data.DataValue;
import dev.scoreline.engine.internal.match.DroolsFacts;
import dev.scoreline.engine.internal.match.DroolsFacts.AssocFact;
import dev.scoreline.engine.internal.match.DroolsFacts.EventFact;
import dev.scoreline.engine.internal.match.DroolsFacts.RecordFact;
import dev.scoreline.engine.internal.match.HitSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.model.PatternDSL.PatternDef;
import org.drools.model.Variable;
import org.drools.model.impl.ModelImpl;
import org.drools.modelcompiler.KieBaseBuilder;
import static org.drools.model.DSL.declarationOf;
import static org.drools.model.DSL.on;
import static org.drools.model.PatternDSL.pattern;
import static org.drools.model.PatternDSL.rule;

/**
 * Compiles validated definitions into a {@link CompiledRuleBase}: every rule of a definition becomes
 * one or more Drools rules of the executable model, built in memory from the AST.
 *
 * <p>Why the executable model, built directly: there is no rule text at all, so nothing a
 * {@code .score} file says can ever be parsed as code — literals live inside {@link FactTest}
 * objects as values, and every consequence only sets a bit in the fact's {@link HitSet}. It also
 * builds without a Java compiler (a 50-rule base in tens of milliseconds once warm).
 */
public final class RuleBaseCompiler {

    private static final String PACKAGE = "dev.scoreline.generated";

    private final ModelImpl model = new ModelImpl();
    private final Map<Object, String> constraintIds = new HashMap<>();
    private int matchers;
    /** Score name to its index in the compiled program (definitions sorted by name). */
    private final Map<String, Integer> scoreIndex = new HashMap<>();

    private final Set<String> recordProperties = new LinkedHashSet<>();
    private final Set<String> eventProperties = new LinkedHashSet<>();
    /** The same per record and event type, for adapters (which need not parse the rest). */
    private final dev.scoreline.api.Projection.Builder projection = dev.scoreline.api.Projection.builder();
    private final Set<String> listsRead = new LinkedHashSet<>();
    private final Set<String> numericRecordProperties = new LinkedHashSet<>();
    private final Set<String> numericEventProperties = new LinkedHashSet<>();
    private final Set<Timeframe> timeframes = new LinkedHashSet<>();
    private boolean eventsReadLists;
    /** Properties read by {@code is in the last} (their windows in ms): matches that move with NOW. */
    private final java.util.Map<String, java.util.Set<Long>> recordNowWindows = new java.util.TreeMap<>();
    private final java.util.Map<String, java.util.Set<Long>> eventNowWindows = new java.util.TreeMap<>();
    private final Set<dev.scoreline.dsl.model.Decay> decays = new LinkedHashSet<>();
    private final Map<List<Object>, CompiledRuleBase.RecordGroup> recordGroups = new java.util.LinkedHashMap<>();
    /**
     * Per record type and property ({@link CompiledRuleBase#intervalKey}): the number literals its
     * record rules compare it with; {@link #notIntervals} holds those some rule reads otherwise.
     */
    private final Map<String, java.util.TreeSet<BigDecimal>> thresholds = new java.util.HashMap<>();
    private final Set<String> notIntervals = new java.util.HashSet<>();

    private RuleBaseCompiler() { }

    public static CompiledRuleBase compile(List<ScoreDefinition> definitions) {
        return new RuleBaseCompiler().build(definitions);
    }

    private CompiledRuleBase build(List<ScoreDefinition> input) {
        List<ScoreDefinition> definitions = new ArrayList<>(input);
        definitions.sort(Comparator.comparing(ScoreDefinition::name));
        ProgramScore[] scores = new ProgramScore[definitions.size()];
        for (int i = 0; i < scores.length; i++) {
            scoreIndex.put(definitions.get(i).name(), i);
        }
        for (int i = 0; i < scores.length; i++) {
            scores[i] = score(definitions.get(i));
        }
        var kieBase = KieBaseBuilder.createKieBaseFromModel(model);
        return new CompiledRuleBase(List.copyOf(definitions), scores, kieBase, Math.max(matchers, 1),
                List.copyOf(recordProperties), List.copyOf(eventProperties), Set.copyOf(listsRead), eventsReadLists,
                Set.copyOf(numericRecordProperties), Set.copyOf(numericEventProperties), List.copyOf(timeframes),
                new CompiledRuleBase.TimeDependence(java.util.Map.copyOf(recordNowWindows), java.util.Map.copyOf(eventNowWindows),
                        List.copyOf(decays)), List.copyOf(recordGroups.values()), numericIntervals(),
                projection.build());
    }

    private ProgramScore score(ScoreDefinition d) {
        String type = DataValue.fold(d.objectType());
        int scope = -1;
        if (!d.includeLists().isEmpty() || !d.excludeLists().isEmpty()) {
            scope = matchers++;
            List<String> include = d.includeLists().stream().map(DataValue::fold).toList();
            List<String> exclude = d.excludeLists().stream().map(DataValue::fold).toList();
            listsRead.addAll(include);
            listsRead.addAll(exclude);
            List<Term> terms = new ArrayList<>();
            if (!include.isEmpty()) {
                terms.add(new Term(List.of("include", include), f -> include.stream().anyMatch(f::inList)));
            }
            if (!exclude.isEmpty()) {
                terms.add(new Term(List.of("exclude", exclude), f -> exclude.stream().noneMatch(f::inList)));
            }
            recordRule(scope, recordGroup(type, Set.of(), true), terms);
        }
        ProgramGroup[] groups = new ProgramGroup[d.groups().size()];
        for (int g = 0; g < groups.length; g++) {
            Group group = d.groups().get(g);
            ProgramRule[] rules = new ProgramRule[group.rules().size()];
            for (int r = 0; r < rules.length; r++) {
                rules[r] = compileRule(type, group.rules().get(r));
            }
            if (group.decay() != null) {
                decays.add(group.decay());
            }
            GroupKind kind = d.type() == ScoreType.COMBINED ? group.kind() : null;
            groups[g] = new ProgramGroup(group, kind, rules);
        }
        BigDecimal limit = d.limit() != null ? d.limit()
                : d.type() == ScoreType.HEALTH ? BigDecimal.valueOf(100) : null;
        return new ProgramScore(d, type, scope, groups, limit, d.statuses(),
                d.fitLevels() == null ? Levels.DEFAULT : d.fitLevels(),
                d.engagementLevels() == null ? Levels.DEFAULT : d.engagementLevels());
    }

    /**
     * A rule, and when its association's {@code where} reads other scores, that condition as a
     * record rule of its own: the association rule then tests the label and type alone, and the
     * evaluator requires both (an associated record's score is known only when it is evaluated,
     * like the scored record's own references). The same holds for the terms of an event's
     * {@code where} that read the owner's scores ({@link #ownerTerms}).
     */
    private ProgramRule compileRule(String scoredType, Rule rule) {
        AssociationClause assoc = rule.association();
        String ownerType = assoc == null ? DataValue.fold(scoredType) : DataValue.fold(assoc.objectType());
        EventFilter event = rule.eventRead();
        Condition ownerWhere = event == null ? null : ownerTerms(event);
        ProgramRule r;
        if (assoc == null || assoc.where() == null || !assoc.where().readsScores()) {
            r = compileRule(scoredType, rule, assoc == null ? -1 : assocRule(assoc));
        } else {
            int assocMatcher = assocRule(new AssociationClause(assoc.objectType(), assoc.label(), null, assoc.aggregate()));
            int[] where = scoreRecordRule(ownerType, assoc.where());
            r = compileRule(scoredType, rule, assocMatcher);
            r.assocWhereMatcher = where[0];
            r.assocWhereGroup = where[1];
        }
        if (ownerWhere != null) {
            int[] where = scoreRecordRule(ownerType, ownerWhere);
            r.ownerWhereMatcher = where[0];
            r.ownerWhereGroup = where[1];
        }
        return r;
    }

    /**
     * A condition that reads other scores as a record rule on {@code type}'s projection with those
     * scores ({@link CompiledRuleBase.RecordGroup#readsScores}): its matcher and group id.
     */
    private int[] scoreRecordRule(String type, Condition where) {
        int matcher = matchers++;
        Set<String> props = new java.util.TreeSet<>();
        boolean lists = collect(where, props, numericRecordProperties, false, type);
        readRecordProperties(type, props);
        CompiledRuleBase.RecordGroup group = recordGroup(type, props, lists);
        recordRule(matcher, group, terms(where));
        return new int[] {matcher, group.id()};
    }

    /**
     * The terms of an event's {@code where} that test the owner's scores (language.md section 12: a
     * reference there reads the record that owns the event), or null. Events are matched as shapes
     * shared by every record that owns one, so these terms are matched on the owner instead
     * ({@link EventFilter#ownerTerms}); {@link #eventRule} matches the rest on the event. The
     * validator refuses a term that mixes the two under {@code or}/{@code not} (SL426): one that
     * reaches here all the same could be split in neither place, so it is refused, never misread.
     */
    private static Condition ownerTerms(EventFilter event) {
        if (event.mixedTerm() != null) {
            throw new ScorelineException(ErrorCode.INTERNAL_ERROR, "the where of event " + event.type()
                    + " tests the owner's scores under or/not with the event's properties (SL426)",
                    "run the definitions through ScoreParser, which reports it with its position");
        }
        return event.ownerTerms();
    }

    private ProgramRule compileRule(String scoredType, Rule rule, int assocMatcher) {
        AssociationClause assoc = rule.association();
        String recordType = assoc == null ? scoredType : DataValue.fold(assoc.objectType());
        String assocType = assoc == null ? null : recordType;
        var aggregate = assoc == null ? null : assoc.aggregateOrDefault();
        if (rule instanceof Rule.PropertyRule p) {
            int m = matchers++;
            Set<String> props = new java.util.TreeSet<>();
            boolean lists = collect(p.condition(), props, numericRecordProperties, false, recordType);
            readRecordProperties(recordType, props);
            CompiledRuleBase.RecordGroup group = recordGroup(recordType, props, lists);
            recordRule(m, group, terms(p.condition()));
            ProgramRule r = new ProgramRule(rule, RuleKind.PROPERTY, m, new BigDecimal[] {p.points()}, assocMatcher,
                    assocType, aggregate, null);
            r.recordGroup = group.id();
            return r;
        }
        if (rule instanceof Rule.PropertyPointsRule p) {
            String prop = DataValue.fold(p.property());
            readRecordProperties(recordType, Set.of(prop));
            notIntervals.add(CompiledRuleBase.intervalKey(recordType, prop)); // compared with listed values
            int first = matchers;
            BigDecimal[] points = new BigDecimal[p.points().size()];
            for (int i = 0; i < points.length; i++) {
                ValuePoints vp = p.points().get(i);
                points[i] = vp.points();
                recordRule(matchers++, recordGroup(recordType, Set.of(prop), false), List.of(holds(prop, vp.value())));
            }
            return new ProgramRule(rule, RuleKind.PROPERTY_POINTS, first, points, assocMatcher, assocType,
                    aggregate, null);
        }
        if (rule instanceof Rule.ValueRule v) {
            return valueRule(v, recordType, assocMatcher, assocType, aggregate);
        }
        if (rule instanceof Rule.CountRule c) {
            return countRule(c, assocMatcher, assocType, scoredType);
        }
        if (rule instanceof Rule.EventRule e) {
            int m = matchers++;
            eventRule(m, e.event(), e.timeframe(), List.of());
            ProgramRule r = new ProgramRule(rule, RuleKind.EVENT, m, new BigDecimal[] {e.points()}, assocMatcher,
                    assocType, aggregate, null);
            return timed(r, e.cap(), e.timeframe(), scoredType);
        }
        if (rule instanceof Rule.EventPointsRule e) {
            String prop = DataValue.fold(e.property());
            eventProperties.add(prop);
            projection.eventProperty(e.event().type(), prop);
            int first = matchers;
            BigDecimal[] points = new BigDecimal[e.points().size()];
            for (int i = 0; i < points.length; i++) {
                ValuePoints vp = e.points().get(i);
                points[i] = vp.points();
                eventRule(matchers++, e.event(), e.timeframe(), List.of(holds(prop, vp.value())));
            }
            ProgramRule r = new ProgramRule(rule, RuleKind.EVENT_POINTS, first, points, assocMatcher, assocType,
                    aggregate, null);
            return timed(r, e.cap(), e.timeframe(), scoredType);
        }
        Rule.FrequencyRule f = (Rule.FrequencyRule) rule;
        int m = matchers++;
        eventRule(m, f.event(), f.timeframe(), List.of());
        return timed(new ProgramRule(rule, RuleKind.FREQUENCY, m, new BigDecimal[] {f.points()}, assocMatcher,
                assocType, null, f.frequency()), null, f.timeframe(), scoredType);
    }

    /**
     * A sliding scale: on a property, a record rule "the property reads as a number" (Drools
     * decides which records give a value; the evaluator multiplies); on a score, no match at all
     * (the evaluator reads the referenced score's value).
     */
    private ProgramRule valueRule(Rule.ValueRule v, String recordType, int assocMatcher, String assocType,
                                  dev.scoreline.dsl.model.Aggregate aggregate) {
        int m = -1;
        String prop = null;
        if (v.operand() instanceof Operand.Property p) {
            prop = DataValue.fold(p.name());
            readRecordProperties(recordType, Set.of(prop));
            numericRecordProperties.add(prop); // a value that does not read as a number is a data warning
            notIntervals.add(CompiledRuleBase.intervalKey(recordType, prop)); // the value itself is read
            m = matchers++;
            String name = prop;
            recordRule(m, recordGroup(recordType, Set.of(prop), false), List.of(new Term(List.of("number", prop),
                    f -> java.util.Arrays.stream(f.value(name).atoms()).anyMatch(a -> a.number() != null))));
        }
        ProgramRule r = new ProgramRule(v, RuleKind.VALUE, m, new BigDecimal[] {v.factor()}, assocMatcher, assocType,
                aggregate, null);
        r.valueProperty = prop;
        if (v.operand() instanceof Operand.Score ref) {
            r.referencedScore = scoreIndex.getOrDefault(ref.score(), -1);
        }
        return r;
    }

    /**
     * A count rule: its association filter (type, label, where) picks the records; with an event,
     * an event rule on their events, counted per associated record like a frequency rule.
     */
    private ProgramRule countRule(Rule.CountRule c, int assocMatcher, String assocType, String scoredType) {
        int m = -1;
        if (c.with() != null) {
            m = matchers++;
            eventRule(m, c.with(), c.timeframe(), List.of());
        }
        ProgramRule r = new ProgramRule(c, RuleKind.COUNT, m, new BigDecimal[] {c.points()}, assocMatcher, assocType,
                null, c.count());
        return timed(r, null, c.timeframe(), scoredType);
    }

    /** Notes a rule's cap and {@code since} bound (its property read on the scored record, {@code SinceBounds}). */
    private ProgramRule timed(ProgramRule r, dev.scoreline.dsl.model.EventCap cap, Timeframe timeframe,
                              String scoredType) {
        r.cap = cap;
        if (timeframe instanceof Timeframe.Since since) {
            r.since = DataValue.fold(since.property());
            readRecordProperties(scoredType, Set.of(r.since));
        }
        return r;
    }

    /** Record properties that rules on {@code type} read (score references, which are no data, left out). */
    private void readRecordProperties(String type, Set<String> props) {
        for (String p : props) {
            if (!References.isReference(p)) {
                recordProperties.add(p);
                projection.recordProperty(type, p);
            }
        }
    }

    /** A constraint: its semantic key (equal keys share one Drools node) and its test. */
    private record Term(Object key, FactTest test) { }

    private List<Term> terms(Condition c) {
        List<Condition> parts = c instanceof Condition.And and ? and.terms() : List.of(c);
        List<Term> terms = new ArrayList<>(parts.size());
        for (Condition part : parts) {
            terms.add(new Term(List.of("cond", part), FactTest.of(part)));
        }
        return terms;
    }

    private Term holds(String prop, Value value) {
        FactTest.AtomTest eq = FactTest.equalsLiteral(value);
        return new Term(List.of("holds", prop, value), f -> {
            for (DataValue.Atom a : f.value(prop).atoms()) {
                if (eq.test(a)) {
                    return true;
                }
            }
            return false;
        });
    }

    private String id(Object key) {
        return constraintIds.computeIfAbsent(key, k -> "c" + constraintIds.size());
    }

    /** The projection group of record rules of {@code type} reading these properties (and lists). */
    private CompiledRuleBase.RecordGroup recordGroup(String type, Set<String> properties, boolean lists) {
        List<String> props = List.copyOf(new java.util.TreeSet<>(properties));
        return recordGroups.computeIfAbsent(List.of(type, props, lists),
                k -> new CompiledRuleBase.RecordGroup(recordGroups.size(), type, props, lists));
    }

    private void recordRule(int matcher, CompiledRuleBase.RecordGroup group, List<Term> terms) {
        String type = group.type();
        int g = group.id();
        Variable<RecordFact> r = declarationOf(RecordFact.class);
        PatternDef<RecordFact> p = pattern(r).expr(id(List.of("group", g)), f -> f.group == g)
                .expr(id(List.of("type", type)), f -> f.type.equals(type));
        for (Term t : terms) {
            FactTest test = t.test();
            p = p.expr(id(t.key()), test::test);
        }
        model.addRule(rule(PACKAGE, "m" + matcher).build(p, on(r).execute(f -> f.hit(matcher))));
    }

    private void eventRule(int matcher, EventFilter event, Timeframe timeframe, List<Term> extra) {
        String type = DataValue.fold(event.type());
        projection.eventType(type);
        List<Term> terms = new ArrayList<>();
        Condition where = event.eventTerms(); // the owner's terms are matched on the owner: ownerTerms
        if (where != null) {
            collectEventReads(type, where);
            terms.addAll(terms(where));
        }
        // A since bound differs per scored record, while an event's matches are shared by every
        // record with events of its shape: the evaluator applies it (EventRuleCounter).
        if (timeframe != null && !(timeframe instanceof Timeframe.Since)) {
            timeframes.add(timeframe);
            terms.add(new Term(List.of("time", timeframe), null));
        }
        terms.addAll(extra);
        Variable<EventFact> e = declarationOf(EventFact.class);
        PatternDef<EventFact> p = pattern(e).expr(id(List.of("event", type)), f -> f.type.equals(type));
        for (Term t : terms) {
            if (t.test() == null) {
                p = p.expr(id(t.key()), f -> TimeRange.of(timeframe, f.now()).contains(f.at));
            } else {
                FactTest test = t.test();
                p = p.expr(id(t.key()), test::test);
            }
        }
        model.addRule(rule(PACKAGE, "m" + matcher).build(p, on(e).execute(f -> f.hit(matcher))));
    }

    /** The association filter: label on the association, type and {@code where} on the record at its end. */
    private int assocRule(AssociationClause assoc) {
        int matcher = matchers++;
        String type = DataValue.fold(assoc.objectType());
        Variable<AssocFact> a = declarationOf(AssocFact.class);
        Variable<RecordFact> t = declarationOf(RecordFact.class);
        PatternDef<AssocFact> ap = pattern(a);
        if (assoc.label() != null) {
            String label = DataValue.fold(assoc.label());
            ap = ap.expr(id(List.of("label", label)), x -> x.hasLabel(label));
        }
        PatternDef<RecordFact> tp = pattern(t).expr(id(List.of("group", RecordFact.WHOLE)), f -> f.group == RecordFact.WHOLE)
                .expr(id(List.of("type", type)), f -> f.type.equals(type));
        if (assoc.where() != null) {
            collectRecordReads(type, assoc.where());
            for (Term term : terms(assoc.where())) {
                FactTest test = term.test();
                tp = tp.expr(id(term.key()), test::test);
            }
        }
        // Indexed: a session holds thousands of records and associations, and an unindexed join
        // would compare every pair (minutes for a batch of large companies instead of milliseconds).
        tp = tp.expr("assocTarget", a, (rec, as) -> rec.factId == as.targetFactId,
                org.drools.model.PatternDSL.betaIndexedBy(Integer.class, org.drools.model.Index.ConstraintType.EQUAL, 0,
                        rec -> rec.factId, as -> as.targetFactId));
        model.addRule(rule(PACKAGE, "m" + matcher).build(ap, tp, on(a).execute(x -> x.hit(matcher))));
        return matcher;
    }

    private void collectRecordReads(String type, Condition c) {
        Set<String> props = new java.util.TreeSet<>();
        collect(c, props, numericRecordProperties, false, null);
        readRecordProperties(type, props);
    }

    private void collectEventReads(String type, Condition c) {
        Set<String> props = new java.util.TreeSet<>();
        collect(c, props, numericEventProperties, true, null);
        eventProperties.addAll(props);
        props.forEach(p -> projection.eventProperty(type, p));
    }

    private Map<String, BigDecimal[]> numericIntervals() {
        Map<String, BigDecimal[]> out = new java.util.HashMap<>();
        thresholds.forEach((key, cuts) -> {
            if (!notIntervals.contains(key)) {
                out.put(key, cuts.toArray(BigDecimal[]::new));
            }
        });
        return Map.copyOf(out);
    }

    /**
     * Adds the properties a condition reads to {@code props} (those it compares as numbers also to
     * {@code numeric}) and notes the lists and {@code is in the last} windows it reads; returns
     * whether it reads lists (a record rule's projection then keeps them). For a record rule's
     * condition ({@code intervalType}: its record type, else null) it also notes the number literals
     * each property is compared with, or that a property is read in another way (text, equality,
     * dates): only properties read through comparisons with numbers (and known/unknown) are
     * projected by interval.
     */
    private boolean collect(Condition c, Set<String> props, Set<String> numeric, boolean onEvents,
                            String intervalType) {
        boolean lists = false;
        if (c instanceof Condition.Or or) {
            for (Condition t : or.terms()) {
                lists |= collect(t, props, numeric, onEvents, intervalType);
            }
        } else if (c instanceof Condition.And and) {
            for (Condition t : and.terms()) {
                lists |= collect(t, props, numeric, onEvents, intervalType);
            }
        } else if (c instanceof Condition.Not not) {
            lists = collect(not.term(), props, numeric, onEvents, intervalType);
        } else if (c instanceof Condition.InList in) {
            listsRead.add(DataValue.fold(in.list()));
            eventsReadLists |= onEvents;
            lists = true;
        } else if (c instanceof Condition.ScoreTest t) {
            // Read on record rules only; props is then the rule's own set (see References).
            String name = References.scoreProperty(t.score());
            if (intervalType != null) {
                props.add(name);
                noteThresholds(intervalType, name, t.operator(), t.values());
            }
        } else if (c instanceof Condition.StatusTest t) {
            String name = References.statusProperty(t.score());
            if (intervalType != null) {
                props.add(name);
                notIntervals.add(CompiledRuleBase.intervalKey(intervalType, name));
            }
        } else if (c instanceof Condition.Predicate p) {
            String name = DataValue.fold(p.property());
            props.add(name);
            switch (p.operator()) {
                case GREATER, GREATER_OR_EQUAL, LESS, LESS_OR_EQUAL, BETWEEN_NUMBERS -> numeric.add(name);
                case IN_THE_LAST -> (onEvents ? eventNowWindows : recordNowWindows)
                        .computeIfAbsent(name, k -> new java.util.TreeSet<>())
                        .add(((Value.Number) p.values().get(0)).number().longValueExact() * p.unit().days()
                                * TimeRange.DAY_MS);
                default -> { }
            }
            if (intervalType != null) {
                noteThresholds(intervalType, name, p.operator(), p.values());
            }
        }
        return lists;
    }

    /** Notes the numbers a record property is compared with, or that it is read otherwise (see {@link #collect}). */
    private void noteThresholds(String type, String name, Condition.Operator operator, List<Value> values) {
        String key = CompiledRuleBase.intervalKey(type, name);
        java.util.TreeSet<BigDecimal> cuts = thresholds.computeIfAbsent(key, k -> new java.util.TreeSet<>());
        switch (operator) {
            case GREATER, GREATER_OR_EQUAL, LESS, LESS_OR_EQUAL, BETWEEN_NUMBERS -> {
                for (Value v : values) {
                    cuts.add(((Value.Number) v).number());
                }
            }
            case KNOWN, UNKNOWN -> { }
            default -> notIntervals.add(key);
        }
    }
}
