package dev.scoreline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.scoreline.testkit.EmbeddedPostgresDatabases;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's failure paths of {@link RunLockTest}, {@link RunCommandTest} and
 * {@link SinkOutboxRunTest} on a real PostgreSQL store (an embedded server, a fresh database per
 * test): the lock, the feed positions and the outbox's delivery log are the store's tables there
 * as on H2, so each path is run on both.
 */
class PostgresRunTest {

    static {
        System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb", "error");
    }

    @TempDir
    Path dir;

    private final String url = EmbeddedPostgresDatabases.freshDatabaseUrl();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void twoRunsStartedTogetherOnPostgresNeverBothWriteNorLeaveARunUnfinished() throws Exception {
        Path config = onPostgres(RunCommandTest.quickstart(dir));
        Process a = RunLockTest.scoreline(dir, "run", config.toString());
        Process b = RunLockTest.scoreline(dir, "run", config.toString());
        List<String> errs = new ArrayList<>();
        List<Integer> exits = new ArrayList<>();
        for (Process p : List.of(a, b)) {
            errs.add(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
            exits.add(p.exitValue());
        }
        assertThat(exits).as(errs.toString()).contains(0).allMatch(e -> e == 0 || e == Main.STORE_UNAVAILABLE);
        for (int i = 0; i < 2; i++) {
            if (exits.get(i) != 0) {
                assertThat(errs.get(i)).as(errs.toString()).contains("error[SL604]: another run (", ", pid ", ", since ");
            }
            assertThat(errs.get(i)).doesNotContain("\tat ");
        }
        long runs = exits.stream().filter(e -> e == 0).count();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM sl_run WHERE state <> 'done'")).isZero();
            assertThat(count(s, "SELECT COUNT(DISTINCT run_id) FROM sl_run")).isEqualTo(runs);
            assertThat(count(s, "SELECT COUNT(*) FROM sl_store_lock")).isZero();
        }
    }

    @Test
    void aFreshExportOfTheSameLengthOnPostgresMakesTheRunFull() throws IOException {
        Path config = onPostgres(RunCommandTest.quickstart(dir));
        CliRunner first = CliRunner.run("run", config.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        Path records = dir.resolve("data/records.jsonl");
        String before = Files.readString(records);
        String after = before.replace("\"industry\": \"Retail\", \"country\": \"GB\"", "\"industry\": \"Retail\", \"country\": \"BR\"");
        assertThat(after).isNotEqualTo(before).hasSameSizeAs(before);
        Files.writeString(records, after);

        CliRunner rewritten = CliRunner.run("run", config.toString());
        assertThat(rewritten.exit()).as(rewritten.err()).isZero();
        assertThat(rewritten.out()).contains("full: records.jsonl was rewritten (same length, the bytes the last run read differ)")
                .doesNotContain("; 0 changed");
        assertThat(CliRunner.run("run", config.toString()).out()).contains("incremental: 0 records changed in the feed");
    }

    @Test
    void aDeadWebhookOnPostgresExitsFourAndTheNextRunDeliversEachNotificationOnceSigned() throws IOException {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        RunCommandTest.quickstart(dir);
        Path config = dir.resolve("webhook.yaml");
        Files.writeString(config, """
                rules: [lead.score]
                adapter: {name: jsonl, dir: data}
                sinks:
                  - {name: jsonl, file: out/scores.jsonl}
                  - name: webhook
                    url: http://127.0.0.1:%d/hook
                    secret: not-a-real-secret
                    thresholds: [{score: "Lead score", value: 10, name: warm}]
                    attempts: 2
                    backoff: 1ms
                outbox: out/outbox
                as-of: 2026-03-01T00:00:00Z
                %s""".formatted(port, storeLine()));
        CliRunner down = CliRunner.run("run", config.toString());
        assertThat(down.exit()).as(down.err()).isEqualTo(4);
        assertThat(down.err()).contains("error[SL703]: ", "sink webhook keeps 400 (", "ConnectException");

        List<String> ids = new CopyOnWriteArrayList<>();
        List<String> badSignatures = new CopyOnWriteArrayList<>();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String expected = sign(id + "." + exchange.getRequestHeaders().getFirst("webhook-timestamp") + "." + body);
            if (!expected.equals(exchange.getRequestHeaders().getFirst("webhook-signature"))) {
                badSignatures.add(id);
            }
            ids.add(id);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        CliRunner up = CliRunner.run("run", config.toString());
        assertThat(up.exit()).as(up.err()).isZero();
        assertThat(up.out()).contains("sink webhook: 400 delivered").doesNotContain("kept");
        assertThat(ids).isNotEmpty().doesNotHaveDuplicates();
        assertThat(badSignatures).isEmpty();
        int delivered = ids.size();
        assertThat(CliRunner.run("run", config.toString()).exit()).isZero();
        assertThat(ids).as("a third run sends nothing again").hasSize(delivered);
    }

    private static String sign(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("not-a-real-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** The quickstart's config with its embedded store replaced by this test's PostgreSQL database. */
    private Path onPostgres(Path config) throws IOException {
        String text = Files.readString(config);
        assertThat(text).contains("\nstore: embedded\n");
        Files.writeString(config, text.replace("\nstore: embedded\n", "\n" + storeLine()));
        return config;
    }

    private String storeLine() {
        return "store: {url: \"%s\", user: %s, password: %s}\n".formatted(url, EmbeddedPostgresDatabases.USER,
                EmbeddedPostgresDatabases.PASSWORD);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, EmbeddedPostgresDatabases.USER, EmbeddedPostgresDatabases.PASSWORD);
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
