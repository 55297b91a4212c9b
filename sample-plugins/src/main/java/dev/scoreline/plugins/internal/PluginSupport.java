package dev.scoreline.plugins.internal;

import com.google.inject.Module;
import dev.scoreline.api.PluginSettings;
import dev.scoreline.api.ReliableSink;
import dev.scoreline.api.ScoreSink;
import dev.scoreline.api.ScorelineBinder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Settings the sample plugins share. */
public final class PluginSupport {

    private PluginSupport() { }

    /** Describes the shared sink settings, for {@code ScorelinePlugin.settings()}. */
    public static final Map<String, String> RELIABLE_SETTINGS = Map.of(
            "outbox", "optional file: retry a failing sink and keep what it refuses there, never dropping an update",
            "attempts", "tries per batch before it goes to the outbox (1-100, default 3)",
            "backoff", "first wait between tries, doubling (default 200ms)");

    /** Wraps the sink in a {@link ReliableSink} when the settings name an {@code outbox}. */
    public static ScoreSink reliableIfAsked(PluginSettings s, ScoreSink sink) {
        Optional<Path> outbox = s.optionalPath("outbox");
        int attempts = s.integer("attempts", 3, 1, 100);
        Duration backoff = s.duration("backoff", Duration.ofMillis(200));
        if (outbox.isEmpty()) {
            return sink;
        }
        return ReliableSink.wrap(sink).outbox(outbox.get()).attempts(attempts)
                .backoff(backoff, Duration.ofSeconds(30)).build();
    }

    /** A JDBC DataSource from {@code url}, {@code user} and {@code password} or {@code password-env}. */
    public static DataSource dataSource(PluginSettings s) {
        String url = s.requiredString("url");
        if (!url.startsWith("jdbc:")) {
            throw s.error("url", "must be a JDBC URL starting with jdbc:, got \"" + url + "\"");
        }
        String user = s.optionalString("user").orElse(null);
        String password = s.optionalString("password").orElse(null);
        Optional<String> env = s.optionalString("password-env");
        if (env.isPresent()) {
            if (password != null) {
                throw s.error("password-env", "cannot be set together with \"password\"; keep one");
            }
            password = System.getenv(env.get());
            if (password == null) {
                throw s.error("password-env", "names the environment variable " + env.get() + ", which is not set");
            }
        }
        return new SimpleDataSource(url, user, password);
    }

    public static final Map<String, String> JDBC_SETTINGS = Map.of(
            "url", "JDBC URL (required), e.g. jdbc:postgresql://host/db or jdbc:h2:./scores",
            "user", "database user",
            "password", "database password (prefer password-env)",
            "password-env", "name of an environment variable holding the password");

    /** A module that binds one sink instance under a name. */
    public static Module sinkModule(String name, ScoreSink sink) {
        return binder -> ScorelineBinder.of(binder).addSink(name, sink);
    }
}
