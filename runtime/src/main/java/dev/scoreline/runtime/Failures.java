package dev.scoreline.runtime;

import com.google.inject.ConfigurationException;
import com.google.inject.CreationException;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;
import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.PluginSettingsException;
import dev.scoreline.api.ScorelineException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one translation of what the layers below throw (Guice, plugins, the store, I/O) into a
 * {@link ScorelineException} with its code, a one-line message, a fix, and the original as cause.
 * {@link Scoreline} applies it to everything it throws; a host that calls the store or a plugin
 * itself can apply it too.
 */
public final class Failures {

    /** How Guice names a key bound twice in a map binder: the key, then the map's value type. */
    private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate key \"([^\"]*)\" found in [\\w.]*Map<[\\w.]+, ([\\w.]+)>");

    private Failures() { }

    /** The coded form of {@code t} when it is a failure a user can meet, else empty (a bug: keep it as it is). */
    public static Optional<ScorelineException> known(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ScorelineException s) {
                return Optional.of(s);
            }
            if (c instanceof PluginSettingsException p) {
                return Optional.of(pluginSetting(p));
            }
        }
        if (t instanceof CreationException e) {
            return Optional.of(wiring(e.getErrorMessages(), e));
        }
        if (t instanceof ProvisionException e) {
            return Optional.of(wiring(e.getErrorMessages(), e));
        }
        if (t instanceof ConfigurationException e) {
            return Optional.of(wiring(e.getErrorMessages(), e));
        }
        if (t instanceof UncheckedIOException e) {
            // Until the outbox machinery codes its failures itself, its messages name the outbox.
            return Optional.of(String.valueOf(e.getMessage()).contains("outbox")
                    ? new ScorelineException(ErrorCode.OUTBOX_FAILED, firstLine(e.getMessage()),
                            "check that the outbox folder (outbox: in the config) exists and can be written", e)
                    : new ScorelineException(ErrorCode.DATA_UNREADABLE, firstLine(e.getMessage()),
                            "check that the file exists and can be read", e));
        }
        return Optional.empty();
    }

    /** {@link #known} or, for anything else, an internal error that keeps {@code t} as its cause. */
    public static ScorelineException of(Throwable t) {
        return known(t).orElseGet(() -> new ScorelineException(ErrorCode.INTERNAL_ERROR,
                "unexpected " + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + firstLine(t.getMessage())),
                "this is a bug in Scoreline; please report it", t));
    }

    /**
     * The exit code of data-and-cli.md for a kind of failure: 1 rule errors (and the catalog refusing
     * an operation), 2 usage or configuration, 3 bad data, 4 undelivered, 5 the store unavailable,
     * 70 a bug. The one mapping, for every process that ends on a failure (the command line, the
     * Flink job's entry point).
     */
    public static int exitCode(ErrorCode code) {
        return switch (code) {
            case RULE_ERRORS -> 1;
            // The catalog refusing an operation: exit 1, as the scores commands always did.
            case UNKNOWN_SCORE, QUOTA_EXCEEDED, CATALOG_CONFLICT, UNKNOWN_RECORD, UNKNOWN_ADJUSTMENT -> 1;
            case BAD_DATA -> 3;
            case SINK_OPEN, SINK_FAILED, UNDELIVERED, OUTBOX_FAILED -> 4;
            case STORE_UNREACHABLE, STORE_READ_ONLY, STORE_FAILED, STORE_LOCKED, STORE_SCHEMA -> 5;
            case INTERNAL_ERROR -> 70;
            default -> 2;
        };
    }

    /** {@code lines} bad data lines under {@code --strict}: nothing was written (SL804, exit 3). */
    public static ScorelineException badData(long lines) {
        return new ScorelineException(ErrorCode.BAD_DATA, lines + " bad data line" + (lines == 1 ? "" : "s")
                + " and --strict: nothing was written", "correct the lines listed above, or run without --strict to skip them");
    }

    /** A plugin setting that cannot be used; the plugin's message names the plugin and the key. */
    public static ScorelineException pluginSetting(PluginSettingsException e) {
        return new ScorelineException(ErrorCode.PLUGIN_SETTING, firstLine(e.getMessage()),
                "see the plugin's settings in docs/plugins.md", e);
    }

    /** Guice could not wire the plugins: two sinks under one name, or one line of what Guice says. */
    private static ScorelineException wiring(Collection<Message> messages, RuntimeException e) {
        for (Message m : messages) {
            Matcher dup = DUPLICATE_KEY.matcher(m.getMessage());
            if (dup.find()) {
                String kind = dup.group(2).endsWith("CrmAdapter") ? "adapter" : "sink";
                return new ScorelineException(ErrorCode.DUPLICATE_SINK, "two " + kind + "s are named \"" + dup.group(1) + "\"",
                        "give each " + kind + " a name of its own (in a config, an id: on each sink entry)", e);
            }
            if (m.getCause() != null) {
                Optional<ScorelineException> inner = known(m.getCause());
                if (inner.isPresent() && inner.get().code() != ErrorCode.INTERNAL_ERROR) {
                    return inner.get();
                }
            }
        }
        List<String> lines = new ArrayList<>();
        messages.forEach(m -> lines.add(firstLine(m.getMessage())));
        String first = lines.isEmpty() ? firstLine(e.getMessage()) : lines.get(0);
        return new ScorelineException(ErrorCode.PLUGIN_WIRING, "the plugins cannot be wired: " + first
                + (lines.size() > 1 ? " (and " + (lines.size() - 1) + " more)" : ""),
                "check the plugins' modules; --debug shows what Guice says in full", e);
    }

    /** The first line of a message, without a trailing period (a fix or more text follows it). */
    static String firstLine(String s) {
        String line = s == null ? "" : s.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        line = line.replaceFirst("^\\d+\\) ", "");
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
