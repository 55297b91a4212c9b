package dev.scoreline.engine.internal.compile;

import dev.scoreline.dsl.model.Aggregate;
import dev.scoreline.dsl.model.Decay;
import dev.scoreline.dsl.model.EventCap;
import dev.scoreline.dsl.model.Frequency;
import dev.scoreline.dsl.model.Group;
import dev.scoreline.dsl.model.GroupKind;
import dev.scoreline.dsl.model.Levels;
import dev.scoreline.dsl.model.Rule;
import dev.scoreline.dsl.model.ScoreDefinition;
import dev.scoreline.dsl.model.StatusThreshold;
import dev.scoreline.dsl.model.Timeframe;
import dev.scoreline.engine.internal.data.ShapeInterner;
import dev.scoreline.engine.internal.eval.DecayMath;
import dev.scoreline.engine.internal.eval.EventRuleCounter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.kie.api.KieBase;

/**
 * A set of score definitions compiled for evaluation: the Drools rule base that decides every
 * match, the matcher numbers its consequences report, and what the rules read from the data.
 */
public final class CompiledRuleBase {

    final List<ScoreDefinition> definitions;
    public final ProgramScore[] scores;
    public final KieBase kieBase;
    public final int matcherCount;
    /** Folded names of the record properties, event properties and lists that any rule reads. */
    public final List<String> recordProperties;
    public final List<String> eventProperties;
    public final Set<String> listsRead;
    /** Whether an event condition reads its owner's lists (then they are part of an event's shape). */
    public final boolean eventsReadLists;
    /** Properties compared as numbers: a value that does not read as a number is a data warning. */
    public final Set<String> numericRecordProperties;
    public final Set<String> numericEventProperties;
    /** Every distinct timeframe; an event's position against all of them is part of its match key. */
    public final List<Timeframe> timeframes;
    public final TimeDependence time;
    /** Object types with a score that reads associations: a change to a neighbour re-scores them. */
    public final Set<String> typesReadingAssociations;
    /** The record projections the record rules are matched on, by id. */
    public final List<RecordGroup> recordGroups;

    /**
     * The properties (sorted) and whether the lists of a record of {@code type} that one or more
     * record rules read: those rules are matched on the record's projection onto just these, so
     * two records that differ elsewhere share one fact.
     */
    public record RecordGroup(int id, String type, List<String> properties, boolean lists) {

        /**
         * Whether the group's rules read other scores ({@link References}): its facts are then
         * built when the record is evaluated, from the referenced scores' results, not when the
         * data is loaded.
         */
        public boolean readsScores() {
            return properties.stream().anyMatch(References::isReference);
        }
    }

    /**
     * Record properties (by {@link #intervalKey}) that record rules only compare with numbers, with
     * those numbers sorted: every value between two of them (or equal to one) matches alike, so a
     * projection keeps the interval, not the value ({@link ShapeInterner#projections}).
     */
    public final java.util.Map<String, BigDecimal[]> numericIntervals;

    public static String intervalKey(String type, String property) {
        return type + '\u0000' + property;
    }

    /**
     * How matches and values move with NOW alone: {@code is in the last} windows per property
     * (records and events), and the decays of the groups. Timeframes are in {@link #timeframes}.
     */
    public record TimeDependence(java.util.Map<String, java.util.Set<Long>> recordWindows,
                          java.util.Map<String, java.util.Set<Long>> eventWindows, List<Decay> decays) {

        public boolean recordMatchesMoveWithNow() {
            return !recordWindows.isEmpty();
        }

        public boolean eventMatchesMoveWithNow() {
            return !eventWindows.isEmpty();
        }
    }

    /**
     * How far a change to a record travels through associations to the values it can move: 0 when
     * no score reads associations, 1 when scores read their associated records, more when a score
     * reads (through an association) a score that itself reads associations: a contact's event
     * moves its company's health, which moves the score of the company's deals.
     */
    public final int associationHops;
    /** The record properties {@code since} reads: a value that does not read as a date is a data warning. */
    public final Set<String> sinceProperties;

    private static int associationHops(ProgramScore[] scores) {
        java.util.Map<String, ProgramScore> byName = new java.util.HashMap<>();
        for (ProgramScore s : scores) {
            byName.put(s.definition.name(), s);
        }
        java.util.Map<ProgramScore, Integer> depth = new java.util.IdentityHashMap<>();
        int max = 0;
        for (ProgramScore s : scores) {
            max = Math.max(max, hops(s, byName, depth, new java.util.HashSet<>()));
        }
        return max;
    }

    private static int hops(ProgramScore s, java.util.Map<String, ProgramScore> byName,
                            java.util.Map<ProgramScore, Integer> depth, Set<String> visiting) {
        Integer known = depth.get(s);
        if (known != null) {
            return known;
        }
        if (!visiting.add(s.definition.name())) {
            return 0; // a cycle, which the validator reports; nothing to follow
        }
        int d = s.readsAssociations ? 1 : 0;
        for (dev.scoreline.dsl.model.ScoreReference ref : dev.scoreline.dsl.model.ScoreReference.of(s.definition)) {
            ProgramScore target = byName.get(ref.score());
            if (target != null) {
                d = Math.max(d, (ref.associated() ? 1 : 0) + hops(target, byName, depth, visiting));
            }
        }
        depth.put(s, d);
        return d;
    }

    /** Whether any rule reads events; without, the events are not read at all. */
    public final boolean readsEvents;
    /**
     * What the rules read per record and event type, handed to the adapter so that it need not
     * parse the rest ({@link dev.scoreline.api.CrmAdapter#records(dev.scoreline.api.Projection)}).
     */
    public final dev.scoreline.api.Projection projection;

    CompiledRuleBase(List<ScoreDefinition> definitions, ProgramScore[] scores, KieBase kieBase, int matcherCount,
                 List<String> recordProperties, List<String> eventProperties, Set<String> listsRead,
                 boolean eventsReadLists, Set<String> numericRecordProperties, Set<String> numericEventProperties,
                 List<Timeframe> timeframes, TimeDependence time, List<RecordGroup> recordGroups,
                 java.util.Map<String, BigDecimal[]> numericIntervals, dev.scoreline.api.Projection projection) {
        this.definitions = definitions;
        this.scores = scores;
        this.kieBase = kieBase;
        this.matcherCount = matcherCount;
        this.recordProperties = recordProperties;
        this.eventProperties = eventProperties;
        this.listsRead = listsRead;
        this.eventsReadLists = eventsReadLists;
        this.numericRecordProperties = numericRecordProperties;
        this.numericEventProperties = numericEventProperties;
        this.timeframes = timeframes;
        this.time = time;
        Set<String> types = new java.util.HashSet<>();
        boolean events = false;
        for (ProgramScore s : scores) {
            if (s.readsAssociations) {
                types.add(s.type);
            }
            for (ProgramGroup g : s.groups) {
                for (ProgramRule r : g.rules) {
                    events |= r.readsEvents();
                }
            }
        }
        this.readsEvents = events;
        this.projection = projection;
        if (events != projection.readsEvents()) {
            throw new IllegalStateException("the projection says events are " + (events ? "not " : "")
                    + "read, the rules say otherwise: " + projection);
        }
        this.typesReadingAssociations = Set.copyOf(types);
        this.associationHops = associationHops(scores);
        Set<String> since = new java.util.HashSet<>();
        for (ProgramScore s : scores) {
            for (ProgramGroup g : s.groups) {
                for (ProgramRule r : g.rules) {
                    if (r.since != null) {
                        since.add(r.since);
                    }
                }
            }
        }
        this.sinceProperties = Set.copyOf(since);
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < scores.length; i++) {
            scores[i].index = i;
            index.put(scores[i].definition.name(), i);
        }
        for (ProgramScore s : scores) {
            for (dev.scoreline.dsl.model.ScoreReference ref : dev.scoreline.dsl.model.ScoreReference.of(s.definition)) {
                Integer i = index.get(ref.score());
                if (i != null) {
                    scores[i].referenced = true;
                }
            }
        }
        this.recordGroups = List.copyOf(recordGroups);
        this.numericIntervals = numericIntervals;
    }

    public List<ScoreDefinition> definitions() {
        return definitions;
    }

    public KieBase kieBase() {
        return kieBase;
    }

    public int matcherCount() {
        return matcherCount;
    }

    public int ruleCount() {
        return kieBase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
    }

    /** One score, ready to evaluate. */
    public static final class ProgramScore {
        public final ScoreDefinition definition;
        public final String type;
        /** The matcher of the include/exclude lists, or -1 when every record of the type is in scope. */
        public final int scopeMatcher;
        public final ProgramGroup[] groups;
        public final BigDecimal limit;
        public final List<StatusThreshold> statuses;
        public final Levels fitLevels;
        public final Levels engagementLevels;
        final boolean readsAssociations;
        /** The statuses in force, sorted by their threshold: from the definition, its type's defaults when none is written. */
        public final List<StatusThreshold> sortedStatuses;
        /** The event rules on the record itself, and those on associated records, each counted in one walk. */
        public final EventRuleCounter.Layout ownEvents;
        public final EventRuleCounter.Layout associatedEvents;
        /** The groups' names, in order: shared by every result's {@link dev.scoreline.api.GroupValues}. */
        public final dev.scoreline.api.GroupValues.Names groupNames;
        /** The record properties the score is stored in: shared by every result, as the group names are. */
        public final dev.scoreline.api.ScoreProperties properties;
        /** Whether the score reads the record's own matches: a scope, or a property rule on the record itself. */
        public final boolean readsRecordMatches;
        /** The score's place in {@link CompiledRuleBase#scores}. */
        int index;
        /** Whether another score reads this one ({@code score "…"}, {@code status "…"}, {@code value of score "…"}). */
        boolean referenced;

        public int index() {
            return index;
        }

        public boolean referenced() {
            return referenced;
        }

        ProgramScore(ScoreDefinition definition, String type, int scopeMatcher, ProgramGroup[] groups,
                     BigDecimal limit, List<StatusThreshold> statuses, Levels fitLevels, Levels engagementLevels) {
            this.definition = definition;
            this.type = type;
            this.scopeMatcher = scopeMatcher;
            this.groups = groups;
            this.limit = limit;
            this.statuses = statuses;
            this.fitLevels = fitLevels;
            this.engagementLevels = engagementLevels;
            boolean assoc = false;
            boolean recordMatches = scopeMatcher >= 0;
            List<ProgramRule> own = new java.util.ArrayList<>();
            List<ProgramGroup> ownGroups = new java.util.ArrayList<>();
            List<ProgramRule> associated = new java.util.ArrayList<>();
            List<ProgramGroup> associatedGroups = new java.util.ArrayList<>();
            for (ProgramGroup g : groups) {
                for (ProgramRule r : g.rules) {
                    assoc |= r.assocMatcher >= 0;
                    recordMatches |= r.assocMatcher < 0 && (!r.readsEvents() || r.ownerWhereMatcher >= 0);
                    if (r.readsEvents()) {
                        (r.assocMatcher >= 0 ? associated : own).add(r);
                        (r.assocMatcher >= 0 ? associatedGroups : ownGroups).add(g);
                    }
                }
            }
            this.readsAssociations = assoc;
            this.readsRecordMatches = recordMatches;
            this.groupNames = new dev.scoreline.api.GroupValues.Names(
                    java.util.Arrays.stream(groups).map(g -> g.group.name()).toList());
            this.ownEvents = new EventRuleCounter.Layout(own, ownGroups);
            this.associatedEvents = new EventRuleCounter.Layout(associated, associatedGroups);
            this.sortedStatuses = definition.statusesInForce();
            this.properties = definition.properties();
        }
    }

    public static final class ProgramGroup {
        public final Group group;
        public final GroupKind kind;
        public final BigDecimal limit;
        /** -limit: a group's value stays within [-limit, limit]. */
        public final BigDecimal negativeLimit;
        public final BigDecimal startAt;
        public final Decay decay;
        public final ProgramRule[] rules;
        /** Decay factor per whole interval elapsed, the last one zero (a single 1 without decay). */
        public final BigDecimal[] factors;

        ProgramGroup(Group group, GroupKind kind, ProgramRule[] rules) {
            this.group = group;
            this.kind = kind;
            this.limit = group.limit();
            this.negativeLimit = limit == null ? null : limit.negate();
            this.startAt = group.startAt() == null ? BigDecimal.ZERO : group.startAt();
            this.decay = group.decay();
            this.rules = rules;
            int steps = decay == null ? 1 : DecayMath.stepsToZero(decay) + 1;
            this.factors = new BigDecimal[steps];
            for (int i = 0; i < steps; i++) {
                factors[i] = DecayMath.factorAtStep(decay, i);
            }
        }

        /** The decay step of an event {@code ageMillis} old; the last step stands for every older one. */
        public int stepAt(long ageMillis) {
            return decay == null ? 0 : (int) Math.min(factors.length - 1, DecayMath.steps(decay, ageMillis));
        }
    }

    /**
     * The kinds of rules. VALUE is a sliding scale ({@code value of}); COUNT counts associated
     * records (with an event, it is counted like a frequency rule, per associated record).
     */
    public enum RuleKind { PROPERTY, PROPERTY_POINTS, EVENT, EVENT_POINTS, FREQUENCY, VALUE, COUNT }

    public static final class ProgramRule {
        public final Rule rule;
        public final RuleKind kind;
        /** The first matcher of the rule; rules with listed values have one matcher per value. */
        public final int matcher;
        /** Points per matcher: one entry, or one per listed value. */
        public final BigDecimal[] points;
        /** The matcher of the association filter (type, label, where), or -1 on the record itself. */
        public final int assocMatcher;
        public final String assocType;
        public final Aggregate aggregate;
        public final Frequency frequency;
        /** An event rule's first counter in its score's {@link EventRuleCounter.Layout}. */
        public int counter = -1;
        /**
         * Per counter of a rule adding points per event, points x decay factor as a whole number of
         * 10^-{@code unitScale}: the sum over counted events is then long arithmetic. Null when
         * a value does not fit (more than 9 decimals); a sum that overflows falls back to decimals.
         */
        public long[] units;
        public int unitScale;
        /** The rule's own maximum ({@code limit L}) and its negation, or null: its points stay within [-L, L]. */
        public final BigDecimal limit;
        public final BigDecimal negativeLimit;
        /** {@code at most K per …} on a rule adding points per event, or null. */
        EventCap cap;
        /** The folded date property of {@code since PROP} (always read on the scored record), or null. */
        String since;
        /** A VALUE rule's property (folded), or null when it reads a score ({@link #referencedScore}). */
        String valueProperty;
        /** The index of the score a VALUE rule reads ({@code value of score "…"}), or -1. */
        int referencedScore = -1;
        /** A PROPERTY rule's record group ({@link RecordGroup#id}), or -1. */
        int recordGroup = -1;
        /**
         * When the association's {@code where} reads other scores: its matcher, on the associated
         * record's projection with those scores ({@link RecordGroup#readsScores}), and that group; else -1.
         */
        int assocWhereMatcher = -1;
        int assocWhereGroup = -1;
        /**
         * When the event's {@code where} tests the owner's scores (language.md section 12): those
         * terms' matcher, on the owner's projection with those scores (the scored record, or each
         * associated record), and that group; else -1. An event counts only for an owner that holds it.
         */
        int ownerWhereMatcher = -1;
        int ownerWhereGroup = -1;

        ProgramRule(Rule rule, RuleKind kind, int matcher, BigDecimal[] points, int assocMatcher, String assocType,
                    Aggregate aggregate, Frequency frequency) {
            this.rule = rule;
            this.kind = kind;
            this.matcher = matcher;
            this.points = points;
            this.assocMatcher = assocMatcher;
            this.assocType = assocType;
            this.aggregate = aggregate;
            this.frequency = frequency;
            this.limit = rule.limit();
            this.negativeLimit = limit == null ? null : limit.negate();
        }

        public boolean readsEvents() {
            return kind == RuleKind.EVENT || kind == RuleKind.EVENT_POINTS || kind == RuleKind.FREQUENCY
                    || kind == RuleKind.COUNT && matcher >= 0;
        }

        /** Whether the rule's events are counted as a number and the newest instant (a frequency or count rule). */
        public boolean countsMatches() {
            return kind == RuleKind.FREQUENCY || kind == RuleKind.COUNT;
        }

        public EventCap cap() {
            return cap;
        }

        public String since() {
            return since;
        }

        public String valueProperty() {
            return valueProperty;
        }

        public int referencedScore() {
            return referencedScore;
        }

        public int recordGroup() {
            return recordGroup;
        }

        public int assocWhereMatcher() {
            return assocWhereMatcher;
        }

        public int assocWhereGroup() {
            return assocWhereGroup;
        }

        public int ownerWhereMatcher() {
            return ownerWhereMatcher;
        }

        public int ownerWhereGroup() {
            return ownerWhereGroup;
        }
    }
}
