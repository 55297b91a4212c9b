package dev.scoreline.runtime;

import dev.scoreline.api.PluginSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the runtime delivers to one sink so that no update is lost: a write the sink refuses is
 * retried {@code attempts} times, waiting {@code firstBackoff}, then twice that, up to
 * {@code maxBackoff}; what it still has not taken goes to the outbox {@code file} (JSON lines, one
 * update each, forced to disk) and is delivered, in order, on a later write, a flush, or the next
 * run. After a write that failed every attempt, later writes only queue for
 * {@code pauseAfterFailure}, so a sink that is down does not slow the run; flush, close and the
 * next run's open always try.
 *
 * <pre>{@code
 * Scoreline.builder()
 *         .install(ScorelineModule.sink(new JdbcSink(dataSource)))
 *         .outbox("jdbc", SinkOutbox.DEFAULT.withFile(Path.of("state/jdbc.outbox")).withAttempts(5))
 * }</pre>
 *
 * @param file where what the sink has not taken is kept; {@code null} for
 *             {@code OUTBOX_DIR/NAME.outbox} (see {@link Scoreline.Builder#outbox(Path)})
 */
public record SinkOutbox(Path file, int attempts, Duration firstBackoff, Duration maxBackoff,
                         Duration pauseAfterFailure) {

    /** Three attempts, 200 ms then doubling up to 30 s, a 5 s pause after a failed write; the default folder. */
    public static final SinkOutbox DEFAULT = new SinkOutbox(null, 3, Duration.ofMillis(200), Duration.ofSeconds(30),
            Duration.ofSeconds(5));

    /** The settings any sink entry of a config file may carry; the runtime reads them, not the plugin. */
    public static final Map<String, String> SETTINGS = settingsHelp();

    public SinkOutbox {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(pauseAfterFailure, "pauseAfterFailure");
    }

    /**
     * The {@link #SETTINGS} of a config file's sink entry, over the defaults; other keys are left
     * for the plugin.
     *
     * @throws dev.scoreline.api.PluginSettingsException naming the sink and the key when one is unusable
     */
    public static SinkOutbox fromSettings(String sinkName, Map<String, Object> settings) {
        PluginSettings s = PluginSettings.of("sink \"" + sinkName + "\"", settings);
        return new SinkOutbox(s.optionalPath("outbox").orElse(null), s.integer("attempts", DEFAULT.attempts, 1, 100),
                s.duration("backoff", DEFAULT.firstBackoff), DEFAULT.maxBackoff, DEFAULT.pauseAfterFailure);
    }

    public SinkOutbox withFile(Path file) {
        return new SinkOutbox(file, attempts, firstBackoff, maxBackoff, pauseAfterFailure);
    }

    public SinkOutbox withAttempts(int attempts) {
        return new SinkOutbox(file, attempts, firstBackoff, maxBackoff, pauseAfterFailure);
    }

    public SinkOutbox withBackoff(Duration first, Duration max) {
        return new SinkOutbox(file, attempts, first, max, pauseAfterFailure);
    }

    public SinkOutbox withPauseAfterFailure(Duration pause) {
        return new SinkOutbox(file, attempts, firstBackoff, maxBackoff, pause);
    }

    /** The wait before attempt {@code n + 1} (n from 1): doubling from the first backoff, capped. */
    public Duration backoff(int n) {
        long millis = firstBackoff.toMillis() << Math.min(n - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }

    /**
     * The wait actually slept before attempt {@code n + 1}: at random between half of
     * {@link #backoff(int)} and all of it, so sinks (or processes) that failed together do not all
     * come back at the same instant.
     */
    public Duration jitteredBackoff(int n) {
        long max = backoff(n).toMillis();
        long half = max / 2;
        return Duration.ofMillis(half + java.util.concurrent.ThreadLocalRandom.current().nextLong(max - half + 1));
    }

    /** This outbox's file, or {@code NAME.outbox} in {@code dir} when none was chosen. */
    public Path fileIn(Path dir, String sinkName) {
        return file != null ? file : dir.resolve(sinkName + ".outbox");
    }

    private static Map<String, String> settingsHelp() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("outbox", "file where what the sink has not taken is kept (default OUTBOX_DIR/NAME.outbox)");
        out.put("attempts", "tries per write before the rest goes to the outbox (1-100, default 3)");
        out.put("backoff", "first wait between tries, doubling up to 30s (default 200ms)");
        return java.util.Collections.unmodifiableMap(out);
    }
}
