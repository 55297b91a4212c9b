package dev.scoreline.engine.internal.compile;

import dev.scoreline.dsl.model.Condition;
import dev.scoreline.dsl.model.DateLiteral;
import dev.scoreline.dsl.model.Value;
import dev.scoreline.engine.internal.data.DataValue;
import java.math.BigDecimal;
import java.util.List;

/**
 * A condition of a {@code .score} file compiled into a tree of fixed predicate objects. Literals
 * are held as values (folded text, numbers, time ranges), never as code: a Drools constraint calls
 * {@link #test} and nothing of the user's text is ever compiled.
 */
@FunctionalInterface
public interface FactTest {

    boolean test(MatchFact fact);

    static FactTest of(Condition condition) {
        if (condition instanceof Condition.Or or) {
                FactTest[] terms = or.terms().stream().map(FactTest::of).toArray(FactTest[]::new);
                return f -> {
                    for (FactTest t : terms) {
                        if (t.test(f)) {
                            return true;
                        }
                    }
                    return false;
                };
        }
        if (condition instanceof Condition.And and) {
                FactTest[] terms = and.terms().stream().map(FactTest::of).toArray(FactTest[]::new);
                return f -> {
                    for (FactTest t : terms) {
                        if (!t.test(f)) {
                            return false;
                        }
                    }
                    return true;
                };
        }
        if (condition instanceof Condition.Not not) {
            FactTest term = of(not.term());
            return f -> !term.test(f);
        }
        if (condition instanceof Condition.InList in) {
            String list = DataValue.fold(in.list());
            return in.negated() ? f -> !f.inList(list) : f -> f.inList(list);
        }
        if (condition instanceof Condition.ScoreTest t) {
            return predicate(References.scoreProperty(t.score()), t.operator(), t.values(), null);
        }
        if (condition instanceof Condition.StatusTest t) {
            return predicate(References.statusProperty(t.score()), t.operator(), t.values(), null);
        }
        Condition.Predicate p = (Condition.Predicate) condition;
        return predicate(DataValue.fold(p.property()), p.operator(), p.values(), p.unit());
    }

    /**
     * A predicate on the property {@code name} (folded; for a reference to another score, its
     * {@link References} name): the value there is the referenced score's value or status, so
     * a reference is tested exactly like a property (unknown where the record is out of its scope).
     */
    private static FactTest predicate(String name, Condition.Operator operator, List<Value> values,
                                      dev.scoreline.dsl.model.TimeUnit unit) {
        return switch (operator) {
            case IS -> anyAtom(name, equalsAny(values));
            case IS_NOT -> not(anyAtom(name, equalsAny(values)));
            case ANY_OF -> anyAtom(name, equalsAny(values));
            case NONE_OF -> not(anyAtom(name, equalsAny(values)));
            case CONTAINS, CONTAINS_ANY_OF -> anyAtom(name, textTest(values, TextOp.CONTAINS));
            case NOT_CONTAINS -> not(anyAtom(name, textTest(values, TextOp.CONTAINS)));
            case STARTS_WITH -> anyAtom(name, textTest(values, TextOp.STARTS));
            case ENDS_WITH -> anyAtom(name, textTest(values, TextOp.ENDS));
            case GREATER -> numeric(name, number(values.get(0)), null, false, true);
            case GREATER_OR_EQUAL -> numeric(name, number(values.get(0)), null, true, true);
            case LESS -> numeric(name, null, number(values.get(0)), true, false);
            case LESS_OR_EQUAL -> numeric(name, null, number(values.get(0)), true, true);
            case BETWEEN_NUMBERS -> {
                BigDecimal a = number(values.get(0));
                BigDecimal b = number(values.get(1));
                yield numeric(name, a.min(b), a.max(b), true, true);
            }
            case BETWEEN_DATES -> instantIn(name, TimeRange.between(date(values.get(0)), date(values.get(1))));
            case BEFORE -> instantIn(name, TimeRange.before(date(values.get(0))));
            case AFTER -> instantIn(name, TimeRange.after(date(values.get(0))));
            case IN_THE_LAST -> {
                long amount = number(values.get(0)).longValueExact();
                int unitDays = unit.days();
                yield f -> {
                    TimeRange r = TimeRange.inTheLast(amount, unitDays, f.now());
                    for (DataValue.Atom a : f.value(name).atoms()) {
                        if (a.hasInstant() && r.contains(a.instant())) {
                            return true;
                        }
                    }
                    return false;
                };
            }
            case KNOWN -> f -> !f.value(name).isUnknown();
            case UNKNOWN -> f -> f.value(name).isUnknown();
        };
    }

    /** A test of one atom of a property value. */
    @FunctionalInterface
    interface AtomTest {
        boolean test(DataValue.Atom atom);
    }

    private static FactTest anyAtom(String name, AtomTest test) {
        return f -> {
            for (DataValue.Atom a : f.value(name).atoms()) {
                if (test.test(a)) {
                    return true;
                }
            }
            return false;
        };
    }

    private static FactTest not(FactTest t) {
        return f -> !t.test(f);
    }

    /** Equality of an atom with any of the literals: text ignoring case and spaces, numbers by value, dates by day. */
    static AtomTest equalsAny(List<Value> literals) {
        AtomTest[] tests = literals.stream().map(FactTest::equalsLiteral).toArray(AtomTest[]::new);
        if (tests.length == 1) {
            return tests[0];
        }
        return a -> {
            for (AtomTest t : tests) {
                if (t.test(a)) {
                    return true;
                }
            }
            return false;
        };
    }

    static AtomTest equalsLiteral(Value literal) {
        if (literal instanceof Value.Text t) {
            String folded = DataValue.fold(t.text());
            return a -> a.folded.equals(folded);
        }
        if (literal instanceof Value.Number n) {
            BigDecimal x = n.number();
            return a -> a.number() != null && a.number().compareTo(x) == 0;
        }
        if (literal instanceof Value.Bool b) {
            String folded = Boolean.toString(b.value());
            return a -> a.folded.equals(folded);
        }
        TimeRange day = TimeRange.on(((Value.Date) literal).date());
        return a -> a.hasInstant() && day.contains(a.instant());
    }

    enum TextOp { CONTAINS, STARTS, ENDS }

    private static AtomTest textTest(List<Value> literals, TextOp op) {
        String[] needles = literals.stream().map(v -> DataValue.fold(v.toString())).toArray(String[]::new);
        return a -> {
            for (String n : needles) {
                boolean hit = switch (op) {
                    case CONTAINS -> a.folded.contains(n);
                    case STARTS -> a.folded.startsWith(n);
                    case ENDS -> a.folded.endsWith(n);
                };
                if (hit) {
                    return true;
                }
            }
            return false;
        };
    }

    private static FactTest numeric(String name, BigDecimal low, BigDecimal high, boolean lowInclusive,
                                    boolean highInclusive) {
        return anyAtom(name, a -> {
            BigDecimal x = a.number();
            if (x == null) {
                return false; // counted as a data warning where the value is read, never a crash
            }
            if (low != null) {
                int c = x.compareTo(low);
                if (c < 0 || (c == 0 && !lowInclusive)) {
                    return false;
                }
            }
            if (high != null) {
                int c = x.compareTo(high);
                return c < 0 || (c == 0 && highInclusive);
            }
            return true;
        });
    }

    private static FactTest instantIn(String name, TimeRange range) {
        return anyAtom(name, a -> a.hasInstant() && range.contains(a.instant()));
    }

    private static BigDecimal number(Value v) {
        if (v instanceof Value.Number n) {
            return n.number();
        }
        throw new IllegalArgumentException("not a number literal: " + v);
    }

    private static DateLiteral date(Value v) {
        if (v instanceof Value.Date d) {
            return d.date();
        }
        throw new IllegalArgumentException("not a date literal: " + v);
    }
}
