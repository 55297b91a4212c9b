package dev.scoreline.api;

/**
 * The stable code of every failure a user can meet outside the rule files (those are SL1xx-SL4xx,
 * the language's diagnostics). The command line prints {@code error[SL603]: message}; hosts can
 * branch on the code. Codes are never reused: a retired code stays listed in docs/diagnostics.md.
 *
 * <p>SL5xx configuration, SL6xx store, SL7xx delivery to sinks, SL8xx data sources, SL900 an
 * internal error (a bug).
 */
public enum ErrorCode {

    /** The rules given to a host have errors; each is a diagnostic of its own. */
    RULE_ERRORS(500, "the rules have errors"),
    /** A config file is missing or unreadable. */
    CONFIG_UNREADABLE(501, "config file cannot be read"),
    /** A config file is not valid YAML or not of the expected shape. */
    CONFIG_INVALID(502, "config file is invalid"),
    /** A config names a plugin that is not on the class path. */
    UNKNOWN_PLUGIN(503, "unknown plugin"),
    /** A plugin setting is missing, unknown or unusable. */
    PLUGIN_SETTING(504, "bad plugin setting"),
    /** No rules were given. */
    NO_RULES(505, "no rules"),
    /** No adapter, or several when one must be chosen, or an unknown adapter name. */
    ADAPTER_CHOICE(506, "adapter cannot be chosen"),
    /** Two sinks under one name. */
    DUPLICATE_SINK(507, "two sinks under one name"),
    /** The adapter has no change feed, but following was asked for. */
    NO_CHANGE_FEED(508, "adapter has no change feed"),
    /** A command-line value that cannot be used (an instant, a duration, a record key). */
    BAD_ARGUMENT(509, "bad argument"),
    /** Plugins could not be wired together. */
    PLUGIN_WIRING(510, "plugins cannot be wired"),
    /** A rules file named to a host or in a config that cannot be read. */
    RULES_UNREADABLE(511, "rules file cannot be read"),
    /** {@code scoreline flink run}: the Flink job's jar (or the Flink jars beside it) cannot be found. */
    FLINK_JAR_MISSING(512, "Flink job jar not found"),

    /** The store cannot be opened: unreachable server, bad URL, bad credentials. */
    STORE_UNREACHABLE(601, "store cannot be opened"),
    /** The store is read-only or its folder cannot be written. */
    STORE_READ_ONLY(602, "store cannot be written"),
    /** A store operation failed after it was opened. */
    STORE_FAILED(603, "store operation failed"),
    /** Another run holds the store. */
    STORE_LOCKED(604, "store is held by another run"),
    /** A score or version that the catalog does not have. */
    UNKNOWN_SCORE(605, "unknown score"),
    /** Activating or adding a score would pass a quota. */
    QUOTA_EXCEEDED(606, "quota exceeded"),
    /** A catalog operation that conflicts with the catalog's state (a name taken, an active score deleted). */
    CATALOG_CONFLICT(607, "catalog conflict"),
    /** The store's schema is newer than this version of Scoreline. */
    STORE_SCHEMA(608, "store schema is newer than this Scoreline"),
    /** A record the store holds no value of (an adjustment of a record never scored). */
    UNKNOWN_RECORD(609, "unknown record"),
    /** An adjustment id the store does not have. */
    UNKNOWN_ADJUSTMENT(610, "unknown adjustment"),

    /** A sink could not be opened. */
    SINK_OPEN(701, "sink cannot be opened"),
    /** A sink refused updates; what it refused is kept for the next run. */
    SINK_FAILED(702, "sink failed"),
    /** Updates stay undelivered in a sink's outbox after the run. */
    UNDELIVERED(703, "updates kept undelivered"),
    /** A sink's outbox cannot be read or written. */
    OUTBOX_FAILED(704, "outbox cannot be used"),
    /** A file a command writes its results to (--out, --html) cannot be written. */
    OUTPUT_UNWRITABLE(705, "output file cannot be written"),

    /** A data folder, file or table that does not exist. */
    DATA_MISSING(801, "data source not found"),
    /** A data source that cannot be read (permissions, I/O, a refused connection). */
    DATA_UNREADABLE(802, "data source cannot be read"),
    /** A data folder with no file the adapter knows. */
    DATA_NO_FILES(803, "no data files the adapter knows"),
    /** Bad data lines under --strict. */
    BAD_DATA(804, "bad data"),
    /** A change feed that cannot be read. */
    CHANGE_FEED(805, "change feed cannot be read"),
    /** Backtest or suggest: the data holds too few outcome examples (snapshots, records, converted) to rest on. */
    TOO_FEW_EXAMPLES(806, "too few outcome examples"),
    /** A run whose data holds no record while the store holds values: it would clear them all. */
    DATA_EMPTY(807, "no record where the store holds values"),

    /** A failure Scoreline did not foresee: a bug, reported with its trace under --debug. */
    INTERNAL_ERROR(900, "internal error");

    private final int number;
    private final String summary;

    ErrorCode(int number, String summary) {
        this.number = number;
        this.summary = summary;
    }

    /** {@code SL603}. */
    public String code() {
        return "SL" + number;
    }

    public int number() {
        return number;
    }

    /** A few words on what the code means, for listings. */
    public String summary() {
        return summary;
    }
}
