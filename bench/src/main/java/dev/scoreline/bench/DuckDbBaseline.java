package dev.scoreline.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * DuckDB embedded through JDBC: loads the jsonl data folder with {@code read_json} into typed
 * tables ({@code duckdb/common.sql}, {@code load.sql} — or {@code load-csv.sql} with {@code
 * read_csv} for the csv layout — and {@code events-and-links.sql}, timed as load), then computes
 * each scenario's scores with the SQL a competent user would write ({@code duckdb/<scenario>.sql}: GROUP BY per record,
 * SUM(CASE …) with decay factors, LEAST/GREATEST for clamps), fetching every record's values
 * (timed as scoring). A row carries an id and, per score of the scenario, its value, status and
 * groups; a scenario scoring two types returns a row per record, NULL in the other type's columns. The data is loaded once per data folder and kept for every scenario.
 */
public final class DuckDbBaseline implements Contender {
    private final int threads;
    /** Whether it loads the csv folder ({@link CsvFolder}) with {@code read_csv} instead of the jsonl one. */
    private final boolean csv;
    private Connection connection;
    private Path loaded;

    public DuckDbBaseline(int threads) {
        this(threads, false);
    }

    public DuckDbBaseline(int threads, boolean csv) {
        this.csv = csv;
        this.threads = threads;
    }

    @Override
    public String name() {
        return "duckdb-" + (csv ? "csv-" : "") + threads + "t";
    }

    @Override
    public void load(Scenario scenario, DataSet data, Instant asOf) throws Exception {
        Path dir = data.folder().orElseThrow(() -> new IllegalStateException("DuckDB loads a jsonl data folder: write the data set first"));
        if (dir.equals(loaded) && connection != null) return;
        close();
        Class.forName("org.duckdb.DuckDBDriver");
        connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = connection.createStatement()) {
            s.execute("SET threads TO " + threads);
            s.execute("SET preserve_insertion_order = false");
            Path from = csv ? CsvFolder.of(dir) : dir;
            for (String file : List.of("common", csv ? "load-csv" : "load", "events-and-links")) {
                String sql = resource("duckdb/" + file + ".sql").replace("${dir}", quote(from.toAbsolutePath().toString()));
                for (String stmt : statements(sql)) s.execute(stmt);
            }
        }
        loaded = dir;
    }

    /** {@code duckdb/load.sql} (or {@code load-csv.sql}) loads every file, whatever the scenario reads. */
    @Override
    public java.util.List<Path> filesRead(Scenario scenario, Path folder) throws IOException {
        return csv ? CsvFolder.files(folder, true) : DataSetReader.files(folder, true);
    }

    @Override
    public ScoredSummary score(Scenario scenario, DataSet data, Instant asOf) throws Exception {
        if (connection == null) load(scenario, data, asOf);
        ScoredSummary out = new ScoredSummary(scenario, data);
        String sql = resource("duckdb/" + scenario.name + ".sql");
        try (Statement s = connection.createStatement()) {
            s.execute("SET VARIABLE now = " + asOf.toEpochMilli());
            try (ResultSet r = s.executeQuery(sql)) {
                while (r.next()) {
                    String id = r.getString(1);
                    int col = 2;
                    for (ScoreSpec spec : scenario.scores) {
                        double v = r.getDouble(col++);
                        boolean scored = !r.wasNull(); // a row of another score's type leaves this one's columns NULL
                        String status = r.getString(col++);
                        double[] g = new double[spec.groups().size()];
                        for (int k = 0; k < g.length; k++) g[k] = r.getDouble(col++);
                        if (scored) out.putById(id, spec.name(), v, status, g);
                    }
                }
            }
        }
        return out;
    }

    /** Rows, bytes of DuckDB's own memory (outside the Java heap), for reports. */
    public long duckDbMemoryBytes() {
        if (connection == null) return 0;
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT COALESCE(SUM(memory_usage_bytes), 0) FROM duckdb_memory()")) {
            return r.next() ? r.getLong(1) : 0;
        } catch (SQLException e) {
            return -1;
        }
    }

    @Override
    public void close() throws SQLException {
        if (connection != null) {
            connection.close();
            connection = null;
            loaded = null;
        }
    }

    static String resource(String name) throws IOException {
        try (InputStream in = DuckDbBaseline.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IOException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** Splits a script on semicolons at line ends, dropping comment-only lines. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (line.trim().startsWith("--")) continue;
            cur.append(line).append('\n');
            if (line.trim().endsWith(";")) {
                String st = cur.toString().trim();
                out.add(st.substring(0, st.length() - 1));
                cur.setLength(0);
            }
        }
        if (!cur.toString().isBlank()) out.add(cur.toString().trim());
        return out;
    }
}
