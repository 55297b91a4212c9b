package dev.scoreline.dsl;

import dev.scoreline.api.ScoreProperties;
import dev.scoreline.dsl.model.Aggregate;
import dev.scoreline.dsl.model.AssociationClause;
import dev.scoreline.dsl.model.CapPeriod;
import dev.scoreline.dsl.model.Condition;
import dev.scoreline.dsl.model.Condition.Operator;
import dev.scoreline.dsl.model.DateLiteral;
import dev.scoreline.dsl.model.Decay;
import dev.scoreline.dsl.model.EventCap;
import dev.scoreline.dsl.model.EventFilter;
import dev.scoreline.dsl.model.Frequency;
import dev.scoreline.dsl.model.Group;
import dev.scoreline.dsl.model.GroupKind;
import dev.scoreline.dsl.model.Levels;
import dev.scoreline.dsl.model.Operand;
import dev.scoreline.dsl.model.Rule;
import dev.scoreline.dsl.model.ScoreDefinition;
import dev.scoreline.dsl.model.ScoreType;
import dev.scoreline.dsl.model.SourcePosition;
import dev.scoreline.dsl.model.StatusThreshold;
import dev.scoreline.dsl.model.TimeUnit;
import dev.scoreline.dsl.model.Timeframe;
import dev.scoreline.dsl.model.Value;
import dev.scoreline.dsl.model.ValuePoints;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Random valid definitions (every check of the language passes), from a seed: names that are
 * keywords elsewhere, strings full of quotes and backslashes, numbers with scales and signs, deep
 * conditions. The round-trip properties feed it jqwik's seeds.
 */
final class DefinitionGenerator {

    private static final SourcePosition AT = SourcePosition.UNKNOWN;
    /** Names that are keywords somewhere in the grammar: a property or event may still be called so. */
    private static final List<String> TRICKY_NAMES = List.of("type", "limit", "group", "score", "add", "not", "in", "is",
            "and", "or", "where", "occurs", "each", "by", "on", "list", "true", "contains", "between", "last", "aggregate",
            "for", "if", "points", "labeled", "the", "sum", "value", "of", "times", "at", "most", "least", "exactly", "per",
            "day", "week", "since", "with", "associated", "status");
    /** Object types, mostly shared so that scores can read each other (and in another case, as data allows). */
    private static final List<String> OBJECT_TYPES = List.of("contact", "company", "Contact", "deal");
    private static final String STRING_CHARS = "abcXYZ 09\"\\#%,:()'é\t{}$*";

    private final Random random;
    /** The scores generated so far: a score reads only earlier ones, so references never form a cycle. */
    private final List<ScoreDefinition> earlier = new ArrayList<>();
    /** The object type of the record the conditions being generated read. */
    private String readType = "contact";

    DefinitionGenerator(long seed) {
        this.random = new Random(seed);
    }

    List<ScoreDefinition> definitions() {
        int n = 1 + random.nextInt(3);
        List<ScoreDefinition> list = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> properties = new HashSet<>();
        while (list.size() < n) {
            ScoreDefinition d = definition();
            if (!names.contains(d.name()) && ownProperties(d, properties)) {
                names.add(d.name());
                list.add(d);
                earlier.add(d);
            }
        }
        return list;
    }

    /**
     * Whether the score's properties are different from each other and from those in {@code taken}
     * (by object type, ignoring case, as the check compares them); if so they are added to it.
     */
    private static boolean ownProperties(ScoreDefinition d, Set<String> taken) {
        Set<String> mine = new HashSet<>();
        for (String p : ScoreProperties.names(ScoreDefinition.valueProperty(d.name(), d.property()), d.statusProperty(),
                d.type() == ScoreType.COMBINED)) {
            String key = d.objectType().toLowerCase(Locale.ROOT) + "\n" + p.toLowerCase(Locale.ROOT);
            if (taken.contains(key) || !mine.add(key)) {
                return false;
            }
        }
        taken.addAll(mine);
        return true;
    }

    ScoreDefinition definition() {
        ScoreType type = pick(ScoreType.values());
        String objectType = chance(4) ? name() : pick(OBJECT_TYPES.toArray(new String[0]));
        boolean combined = type == ScoreType.COMBINED;
        BigDecimal limit = chance(3) ? number() : null;
        BigDecimal minimum = chance(3) ? number() : null;
        BigDecimal effectiveLimit = limit != null ? limit : type == ScoreType.HEALTH ? BigDecimal.valueOf(100) : null;
        if (minimum != null && effectiveLimit != null && minimum.compareTo(effectiveLimit) > 0) {
            minimum = effectiveLimit;
        }
        List<StatusThreshold> statuses = new ArrayList<>();
        if (!combined && chance(2)) {
            Set<BigDecimal> froms = new HashSet<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                BigDecimal from = number();
                if (froms.add(from.stripTrailingZeros())) {
                    statuses.add(new StatusThreshold(text(false), from, AT));
                }
            }
        }
        int groupCount = 1 + random.nextInt(3);
        List<Group> groups = new ArrayList<>();
        int healthLeft = 100;
        for (int i = 0; i < groupCount; i++) {
            GroupKind kind = combined ? pick(GroupKind.values()) : null;
            Boolean events = switch (type) {
                case ENGAGEMENT -> true;
                case FIT -> false;
                case COMBINED -> kind == GroupKind.ENGAGEMENT;
                case HEALTH -> null;
            };
            BigDecimal groupLimit;
            if (type == ScoreType.HEALTH) {
                int l = i == groupCount - 1 ? healthLeft : random.nextInt(healthLeft + 1);
                healthLeft -= l;
                groupLimit = BigDecimal.valueOf(l);
            } else {
                groupLimit = chance(2) ? number().abs() : null;
            }
            List<Rule> rules = new ArrayList<>();
            for (int r = 1 + random.nextInt(4); r > 0; r--) {
                rules.add(rule(objectType, events == null ? random.nextBoolean() : events));
            }
            Decay decay = rules.stream().anyMatch(Rule::isEventRule) && chance(2)
                    ? new Decay(BigDecimal.valueOf(1 + random.nextInt(1000), 1), pick(new Integer[] {1, 3, 6, 12}), AT) : null;
            groups.add(new Group("g" + i + text(true), kind, groupLimit, decay, chance(3) ? number() : null, rules, AT));
        }
        return new ScoreDefinition(text(false), objectType, type, limit, minimum, lists(), lists(), statuses,
                combined && chance(2) ? levels() : null, combined && chance(2) ? levels() : null,
                chance(3) ? name() : null, chance(3) ? name() : null, chance(3) ? text(true) : null, groups, AT);
    }

    private Levels levels() {
        BigDecimal a = number();
        BigDecimal b = number();
        return a.compareTo(b) >= 0 ? new Levels(a, b) : new Levels(b, a);
    }

    private List<String> lists() {
        List<String> lists = new ArrayList<>();
        for (int i = random.nextInt(7) - 1; i > 0; i--) {
            lists.add(text(false));
        }
        return lists;
    }

    private Rule rule(String scoredType, boolean event) {
        readType = scoredType;
        AssociationClause association = chance(3) ? association() : null;
        BigDecimal limit = chance(4) ? positive() : null;
        if (!event) {
            return switch (random.nextInt(4)) {
                case 0 -> new Rule.PropertyRule(number(), condition(3), association, limit, AT);
                case 1 -> new Rule.PropertyPointsRule(name(), valuePoints(), association, limit, AT);
                case 2 -> new Rule.ValueRule(number(), operand(), association, limit, AT);
                default -> countRule(false, limit);
            };
        }
        return switch (random.nextInt(4)) {
            case 0 -> new Rule.EventRule(number(), event(), cap(), timeframe(), association, limit, AT);
            case 1 -> new Rule.EventPointsRule(event(), name(), valuePoints(), cap(), timeframe(), association, limit, AT);
            case 2 -> new Rule.FrequencyRule(number(), event(), frequency(), timeframe(),
                    association == null ? null
                            : new AssociationClause(association.objectType(), association.label(), association.where(), null),
                    limit, AT);
            default -> countRule(true, limit);
        };
    }

    /** A count rule: with an event it is an event rule, without one a property rule. */
    private Rule countRule(boolean withEvent, BigDecimal limit) {
        String type = objectType();
        readType = type;
        AssociationClause counted = new AssociationClause(type, chance(2) ? text(true) : null,
                chance(2) ? condition(2) : null, null);
        return new Rule.CountRule(number(), frequency(), counted, withEvent ? event() : null,
                withEvent ? timeframe() : null, limit, AT);
    }

    private Operand operand() {
        List<String> targets = targets();
        return !targets.isEmpty() && chance(2) ? new Operand.Score(targets.get(random.nextInt(targets.size())), AT)
                : new Operand.Property(name());
    }

    /** The names of the earlier scores on the type of the record being read. */
    private List<String> targets() {
        return earlier.stream().filter(d -> d.objectType().equalsIgnoreCase(readType)).map(ScoreDefinition::name).toList();
    }

    private EventCap cap() {
        return chance(3) ? new EventCap(1 + random.nextInt(50), pick(CapPeriod.values())) : null;
    }

    private String objectType() {
        return chance(4) ? name() : pick(OBJECT_TYPES.toArray(new String[0]));
    }

    /** An association; its where condition reads the associated records. */
    private AssociationClause association() {
        String type = objectType();
        readType = type;
        return new AssociationClause(type, chance(2) ? text(true) : null, chance(2) ? condition(2) : null,
                chance(2) ? pick(Aggregate.values()) : null);
    }

    private EventFilter event() {
        return new EventFilter(name(), chance(2) ? eventCondition() : null);
    }

    /** Whether conditions being generated may test scores (not an event's own properties: SL426). */
    private boolean references = true;

    /**
     * An event's where: conditions on the event, and sometimes a term of its own testing the
     * owner's scores, joined with and (the only way the two may meet, SL426).
     */
    private Condition eventCondition() {
        references = false;
        Condition events = condition(2);
        references = true;
        if (!chance(2) || targets().isEmpty()) {
            return events;
        }
        Condition owner = switch (random.nextInt(3)) {
            case 0 -> scoreReference();
            case 1 -> new Condition.Not(scoreReference());
            default -> new Condition.Or(List.of(scoreReference(), scoreReference()));
        };
        List<Condition> terms = new ArrayList<>(events instanceof Condition.And and ? and.terms() : List.of(events));
        terms.add(random.nextInt(terms.size() + 1), owner);
        return new Condition.And(terms);
    }

    private Frequency frequency() {
        Frequency.Kind kind = pick(Frequency.Kind.values());
        int a = random.nextInt(5);
        return new Frequency(kind, a, kind == Frequency.Kind.BETWEEN ? a + random.nextInt(5) : 0);
    }

    private Timeframe timeframe() {
        return switch (random.nextInt(6)) {
            case 4 -> new Timeframe.Since(name());
            case 0 -> new Timeframe.InTheLast(1 + random.nextInt(400), pick(TimeUnit.values()));
            case 1 -> new Timeframe.Before(date());
            case 2 -> new Timeframe.After(date());
            case 3 -> {
                DateLiteral a = date();
                DateLiteral b = date();
                yield a.start().isAfter(b.start()) ? new Timeframe.Between(b, a) : new Timeframe.Between(a, b);
            }
            default -> null;
        };
    }

    private List<ValuePoints> valuePoints() {
        List<ValuePoints> list = new ArrayList<>();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            list.add(new ValuePoints(value(), number()));
        }
        return list;
    }

    Condition condition(int depth) {
        int choice = random.nextInt(depth <= 0 ? 2 : 5);
        return switch (choice) {
            case 0 -> references && random.nextInt(3) == 0 && !targets().isEmpty() ? scoreReference() : predicate();
            case 1 -> random.nextInt(4) == 0 ? new Condition.InList(text(true), random.nextBoolean(), AT) : predicate();
            case 2 -> new Condition.Not(condition(depth - 1));
            case 3 -> new Condition.And(terms(depth));
            default -> new Condition.Or(terms(depth));
        };
    }

    /** A {@code score "NAME"} or {@code status "NAME"} test on an earlier score of the type being read. */
    private Condition scoreReference() {
        List<String> targets = targets();
        String score = targets.get(random.nextInt(targets.size()));
        if (random.nextBoolean()) {
            Operator op = pick(new Operator[] {Operator.IS, Operator.IS_NOT, Operator.ANY_OF, Operator.NONE_OF});
            List<Value> labels = new ArrayList<>();
            for (int i = op == Operator.IS || op == Operator.IS_NOT ? 1 : 1 + random.nextInt(3); i > 0; i--) {
                labels.add(new Value.Text(text(true)));
            }
            return new Condition.StatusTest(score, op, labels, AT);
        }
        Operator op = pick(new Operator[] {Operator.GREATER, Operator.GREATER_OR_EQUAL, Operator.LESS,
                Operator.LESS_OR_EQUAL, Operator.BETWEEN_NUMBERS, Operator.KNOWN, Operator.UNKNOWN});
        List<Value> values = switch (op) {
            case KNOWN, UNKNOWN -> List.of();
            case BETWEEN_NUMBERS -> {
                BigDecimal a = number();
                BigDecimal b = number();
                yield a.compareTo(b) > 0 ? List.of(new Value.Number(b), new Value.Number(a))
                        : List.of(new Value.Number(a), new Value.Number(b));
            }
            default -> List.of(new Value.Number(number()));
        };
        return new Condition.ScoreTest(score, op, values, AT);
    }

    private List<Condition> terms(int depth) {
        List<Condition> terms = new ArrayList<>();
        for (int i = 2 + random.nextInt(2); i > 0; i--) {
            terms.add(condition(depth - 1));
        }
        return terms;
    }

    private Condition predicate() {
        Operator op = pick(Operator.values());
        List<Value> values = switch (op) {
            case IS, IS_NOT -> List.of(value());
            case ANY_OF, NONE_OF -> values();
            case CONTAINS, NOT_CONTAINS, STARTS_WITH, ENDS_WITH -> List.of(new Value.Text(text(true)));
            case CONTAINS_ANY_OF -> List.of(new Value.Text(text(true)), new Value.Text(text(true)));
            case GREATER, GREATER_OR_EQUAL, LESS, LESS_OR_EQUAL -> List.of(new Value.Number(number()));
            case BETWEEN_NUMBERS -> {
                BigDecimal a = number();
                BigDecimal b = number();
                yield a.compareTo(b) > 0 ? List.of(new Value.Number(b), new Value.Number(a))
                        : List.of(new Value.Number(a), new Value.Number(b));
            }
            case BETWEEN_DATES -> {
                DateLiteral a = date();
                DateLiteral b = date();
                yield a.start().isAfter(b.start()) ? List.of(new Value.Date(b), new Value.Date(a))
                        : List.of(new Value.Date(a), new Value.Date(b));
            }
            case KNOWN, UNKNOWN -> List.of();
            case BEFORE, AFTER -> List.of(new Value.Date(date()));
            case IN_THE_LAST -> List.of(new Value.Number(BigDecimal.valueOf(1 + random.nextInt(50))));
        };
        return new Condition.Predicate(name(), op, values, op == Operator.IN_THE_LAST ? pick(TimeUnit.values()) : null, AT);
    }

    private List<Value> values() {
        List<Value> list = new ArrayList<>();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            list.add(value());
        }
        return list;
    }

    private Value value() {
        return switch (random.nextInt(4)) {
            case 0 -> new Value.Text(text(true));
            case 1 -> new Value.Number(number());
            case 2 -> new Value.Date(date());
            default -> new Value.Bool(random.nextBoolean());
        };
    }

    private DateLiteral date() {
        LocalDate day = LocalDate.of(1000 + random.nextInt(9000), 1 + random.nextInt(12), 1 + random.nextInt(28));
        if (random.nextBoolean()) {
            return DateLiteral.ofDay(day);
        }
        return DateLiteral.ofInstant(Instant.parse(day + "T00:00:00Z").plusSeconds(random.nextInt(86400)));
    }

    /** Above 0, with 0 to 3 decimals as written. */
    private BigDecimal positive() {
        return BigDecimal.valueOf(1 + random.nextInt(100000), random.nextInt(4));
    }

    /** Signed, with 0 to 3 decimals as written (2.50 keeps its zero). */
    private BigDecimal number() {
        return BigDecimal.valueOf(random.nextInt(200001) - 100000, random.nextInt(4));
    }

    private String name() {
        if (chance(4)) {
            return TRICKY_NAMES.get(random.nextInt(TRICKY_NAMES.size()));
        }
        String first = "abcxyzABC_";
        String rest = "abcxyzABC_09.-";
        StringBuilder sb = new StringBuilder().append(first.charAt(random.nextInt(first.length())));
        for (int i = random.nextInt(8); i > 0; i--) {
            sb.append(rest.charAt(random.nextInt(rest.length())));
        }
        return sb.toString();
    }

    /** A string without line breaks; never blank unless {@code blankAllowed}. */
    private String text(boolean blankAllowed) {
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(10); i > 0; i--) {
            sb.append(STRING_CHARS.charAt(random.nextInt(STRING_CHARS.length())));
        }
        if (!blankAllowed && sb.toString().isBlank()) {
            sb.append('x');
        }
        return sb.toString();
    }

    private boolean chance(int oneIn) {
        return random.nextInt(oneIn) == 0;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
