package dev.scoreline.engine;

import java.time.Duration;

/** What a scoring run did. */
public record RunSummary(long results, long recordsOutOfScope, long droolsSessions, long factsMatched,
                         Duration took) { }
