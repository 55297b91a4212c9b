package dev.scoreline.dsl.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * A group of rules. {@code kind} is set only in combined scores; {@code limit}, {@code decay} and
 * {@code startAt} are {@code null} when not written.
 */
public record Group(String name, GroupKind kind, BigDecimal limit, Decay decay, BigDecimal startAt,
                    List<Rule> rules, SourcePosition position) {

    public Group {
        rules = List.copyOf(rules);
    }
}
