package dev.scoreline.cli;

import dev.scoreline.learn.Outcome;
import picocli.CommandLine.Option;

/** The options that say what backtest and suggest predict (docs/outcomes.md). */
final class OutcomeOptions {

    @Option(names = "--start", required = true, paramLabel = "EVENT",
            description = "The event that puts a record in the population, as in a rule: TYPE [where CONDITION].")
    String start;

    @Option(names = "--end", required = true, paramLabel = "EVENT",
            description = "The event that is the conversion, e.g. 'lifecycle_change where to is \"marketingqualifiedlead\"'.")
    String end;

    @Option(names = "--within", required = true, paramLabel = "WINDOW",
            description = "How soon after a snapshot the end must happen: 30d, 4w, 1m (a month is 30 days).")
    String within;

    @Option(names = "--every", paramLabel = "DAYS",
            description = "A snapshot every DAYS days instead of the first day of each month.")
    Integer every;

    Outcome outcome(String type) {
        return Outcome.parse(type, start, end, within);
    }
}
