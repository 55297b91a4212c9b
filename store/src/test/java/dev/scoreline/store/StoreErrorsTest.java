package dev.scoreline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScorelineException;
import dev.scoreline.testkit.EmbeddedPostgresDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each error code the store raises, from a real failure: the code, the thing named, the fix, the cause. */
class StoreErrorsTest {

    static {
        System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb", "error");
        System.setProperty("org.slf4j.simpleLogger.log.io.zonky", "warn");
    }

    private static final String TEXT = "score \"A\" on contact\n  type engagement\n";

    @TempDir
    Path tmp;

    @Test
    void anUnreachableServerIsSl601NamingTheUrlWithoutItsPassword() {
        String url = "jdbc:postgresql://127.0.0.1:1/scoreline?user=sl&password=hunter2&connectTimeout=2";
        assertThatThrownBy(() -> ScoreStore.open(url, null, null))
                .isInstanceOfSatisfying(ScorelineException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.STORE_UNREACHABLE);
                    assertThat(e.getMessage()).startsWith("cannot open the score store at "
                            + "jdbc:postgresql://127.0.0.1:1/scoreline?user=sl&password=***&connectTimeout=2: ")
                            .doesNotContain("hunter2");
                    assertThat(e.fix()).contains("database server runs");
                    assertThat(e.getCause()).isInstanceOf(SQLException.class);
                    assertThat(e.line()).startsWith("error[SL601]: cannot open the score store at").doesNotContain("\n");
                });
    }

    @Test
    void anEmbeddedStoreHeldByAnotherProcessIsSl604() {
        // What H2 throws when another JVM holds the file lock (org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1).
        SQLException held = new SQLException("Database may be already in use: \"Locked by another process\"", "90020", 90020);
        ScorelineException e = dev.scoreline.store.internal.StoreErrors.cannotOpen("jdbc:h2:file:/srv/store;AUTO_SERVER=TRUE", held);
        assertThat(e.code()).isEqualTo(ErrorCode.STORE_LOCKED);
        assertThat(e.line()).isEqualTo("error[SL604]: the score store at jdbc:h2:file:/srv/store;AUTO_SERVER=TRUE is held by "
                + "another process; fix: wait for the other Scoreline run (or command) to finish, or stop it");
        assertThat(e.getCause()).isSameAs(held);
    }

    @Test
    void aUrlNoDriverTakesIsSl601WithTheUrlsThatWork() {
        assertThatThrownBy(() -> ScoreStore.open("jdbc:nosuchdb://x/y", null, null))
                .isInstanceOfSatisfying(ScorelineException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.STORE_UNREACHABLE);
                    assertThat(e.getMessage()).contains("jdbc:nosuchdb://x/y");
                    assertThat(e.fix()).isEqualTo("a store URL starts with jdbc:postgresql:// or jdbc:h2:");
                });
    }

    @Test
    void aStoreOpenedReadOnlyIsSl602() {
        Path dir = tmp.resolve("ro");
        try (ScoreStore store = ScoreStore.embedded(dir)) {
            store.saveDraft("A", "contact", TEXT);
        }
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("store") + ";ACCESS_MODE_DATA=r";
        assertThatThrownBy(() -> {
            try (ScoreStore store = ScoreStore.open(url, "sa", "")) {
                assertThat(store.list()).extracting(CatalogEntry::name).containsExactly("A");   // reading works
                store.saveDraft("B", "contact", TEXT.replace("\"A\"", "\"B\""));
            }
        }).isInstanceOfSatisfying(ScorelineException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.STORE_READ_ONLY);
            assertThat(e.getMessage()).startsWith("the score store at " + url + " cannot be written: ");
            assertThat(e.fix()).contains("writable");
            assertThat(e.getCause()).isInstanceOf(SQLException.class);
        });
    }

    @Test
    void aReadOnlyPostgresqlDatabaseIsSl602() throws SQLException {
        String url = StoreDatabases.freshUrl(StoreDatabases.POSTGRESQL);
        try (ScoreStore store = StoreDatabases.open(url)) {
            store.saveDraft("A", "contact", TEXT);
        }
        String db = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        try (Connection c = EmbeddedPostgresDatabases.postgres().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + db + " SET default_transaction_read_only = on");
        }
        assertThatThrownBy(() -> {
            try (ScoreStore store = StoreDatabases.open(url)) {
                store.activate("A");
            }
        }).isInstanceOfSatisfying(ScorelineException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.STORE_READ_ONLY);
            assertThat(e.getMessage()).contains(url);
        });
    }

    @Test
    void aStoreFolderThatCannotBeMadeIsSl602NamingTheFolder() throws IOException {
        Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
        Path dir = file.resolve("store");
        assertThatThrownBy(() -> ScoreStore.embedded(dir))
                .isInstanceOfSatisfying(ScorelineException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.STORE_READ_ONLY);
                    assertThat(e.getMessage()).startsWith("the store folder " + dir.toAbsolutePath().normalize() + " cannot be written");
                    assertThat(e.getCause()).isInstanceOf(IOException.class);
                });
    }

    @Test
    void aStatementThatFailsIsSl603NamingTheStoreAndKeepingTheCause() throws SQLException {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (ScoreStore store = ScoreStore.open(url, "sa", "");
             Connection other = DriverManager.getConnection(url, "sa", ""); Statement s = other.createStatement()) {
            s.execute("DROP TABLE sl_quota");
            assertThatThrownBy(() -> store.quotas("contact"))
                    .isInstanceOfSatisfying(ScorelineException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.STORE_FAILED);
                        assertThat(e.getMessage()).startsWith("the score store at " + url + " failed: ").containsIgnoringCase("sl_quota");
                        assertThat(e.getCause()).isInstanceOf(SQLException.class);
                        assertThat(e.fix()).isNotBlank();
                    });
        }
    }

    @Test
    void aConnectionLostAfterOpeningIsSl601() throws SQLException {
        String url = StoreDatabases.freshUrl(StoreDatabases.POSTGRESQL);
        String db = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        try (ScoreStore store = StoreDatabases.open(url)) {
            store.saveDraft("A", "contact", TEXT);
            try (Connection c = EmbeddedPostgresDatabases.postgres().getConnection();
                 PreparedStatement kill = c.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                         + "WHERE datname = ? AND pid <> pg_backend_pid()")) {
                kill.setString(1, db);
                kill.executeQuery().close();
            }
            assertThatThrownBy(store::list).isInstanceOfSatisfying(ScorelineException.class, e -> {
                assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.STORE_UNREACHABLE);
                assertThat(e.getMessage()).startsWith("lost the score store at " + url);
            });
        }
    }

    /** The highest version among the store's migrations (V1__…, V2__…): what this Scoreline knows. */
    private static int newestMigration() {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/scoreline"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aSchemaFromANewerScorelineIsSl608AndLeftAlone() throws SQLException {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        ScoreStore.open(url, "sa", "").close();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO \"sl_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", "
                    + "\"script\", \"checksum\", \"installed_by\", \"installed_on\", \"execution_time\", \"success\") "
                    + "VALUES (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 0, 'sa', CURRENT_TIMESTAMP, 0, TRUE)");
        }
        assertThatThrownBy(() -> ScoreStore.open(url, "sa", ""))
                .isInstanceOfSatisfying(ScorelineException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.STORE_SCHEMA);
                    assertThat(e.getMessage()).isEqualTo("the score store at " + url
                            + " has schema version 99, newer than this Scoreline knows (" + newestMigration() + ")");
                    assertThat(e.fix()).contains("newer");
                });
    }

    @Test
    void unknownScoresAndVersionsAreSl605() {
        try (ScoreStore store = StoreDatabases.open(StoreDatabases.freshUrl(StoreDatabases.H2))) {
            for (Runnable call : new Runnable[] {() -> store.require("Nope"), () -> store.versions("Nope"),
                    () -> store.latest("Nope"), () -> store.deactivate("Nope"), () -> store.clone("Nope", "B")}) {
                assertThatThrownBy(call::run).isInstanceOfSatisfying(ScorelineException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_SCORE);
                    assertThat(e.line()).isEqualTo("error[SL605]: no score named \"Nope\"; fix: see the names with `scoreline scores list`");
                });
            }
        }
    }
}
