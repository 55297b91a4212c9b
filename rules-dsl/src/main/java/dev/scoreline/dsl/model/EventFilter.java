package dev.scoreline.dsl.model;

/** {@code EVENT_TYPE [where CONDITION]}; {@code where} is {@code null} when not written. */
public record EventFilter(String type, Condition where) { }
