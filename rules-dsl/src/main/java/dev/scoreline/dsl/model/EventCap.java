package dev.scoreline.dsl.model;

/**
 * {@code at most K per day|week|month} on a {@code for each} or {@code points for each … by} rule
 * (language.md section 6): of one record's matching events, only the {@code count} oldest in each
 * UTC {@code period} count; under {@code on associated} the cap applies per associated record that
 * owns the events. {@code count} is at least 0.
 */
public record EventCap(int count, CapPeriod period) { }
