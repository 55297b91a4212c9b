package dev.scoreline.plugins.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The tables of the jdbc adapter and sink. The DDL ships as resources
 * ({@code dev/scoreline/plugins/jdbc/crm-schema.sql} and {@code scores-schema.sql}) in portable
 * SQL for PostgreSQL and H2; {@code CREATE ... IF NOT EXISTS} throughout, so creating twice is harmless.
 */
public final class JdbcSchema {

    public static final String CRM_DDL = "crm-schema.sql";
    public static final String SCORES_DDL = "scores-schema.sql";

    private JdbcSchema() { }

    /** Creates the CRM data tables the jdbc adapter reads. */
    public static void createCrmTables(DataSource dataSource) throws SQLException {
        run(dataSource, ddl(CRM_DDL));
    }

    /** Creates the {@code scoreline_scores} table the jdbc sink writes. */
    public static void createScoreTable(DataSource dataSource) throws SQLException {
        run(dataSource, ddl(SCORES_DDL));
    }

    /** The text of a DDL resource. */
    public static String ddl(String resource) {
        try (InputStream in = JdbcSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no DDL resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Statements of a script: split at ';' ending a line, comment lines dropped. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    private static void run(DataSource dataSource, String script) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements(script)) {
                s.execute(sql);
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    static boolean isPostgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    static boolean isH2(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().equalsIgnoreCase("H2");
    }
}
