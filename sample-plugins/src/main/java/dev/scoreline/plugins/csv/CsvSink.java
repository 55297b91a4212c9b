package dev.scoreline.plugins.csv;

import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.api.WholeLineFile;
import dev.scoreline.plugins.internal.FileSink;
import dev.scoreline.plugins.internal.UpdateJson;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Appends one CSV row per score update, with a header row when the file is new:
 * {@value #HEADER}. {@code groups} and {@code properties} (the values by the names of the record
 * properties they are stored in, {@code ScoreResult.propertyValues()}) are JSON objects in one cell
 * each; cells are quoted per RFC 4180 where they need it, so the file opens in any spreadsheet, and
 * no cell runs there as a formula. A file begun with the header of earlier versions, which had no
 * {@code properties} column, keeps getting rows of its own columns, so it stays one table.
 */
public final class CsvSink extends FileSink {

    public static final String HEADER =
            "score,record,value,status,engagement,fit,groups,previous_value,previous_status,at,cause,properties";
    /** The header before {@code properties} was added at the end. */
    static final String HEADER_WITHOUT_PROPERTIES = HEADER.substring(0, HEADER.lastIndexOf(','));

    /** Whether the file's header has the {@code properties} column; read when the file is opened. */
    private boolean writeProperties = true;
    private boolean headerRead;

    public CsvSink(Path file) {
        this(file, WholeLineFile.FILES);
    }

    /** A sink whose file is opened through {@code opener} (a test's full disk, another file system). */
    public CsvSink(Path file, WholeLineFile.Opener opener) {
        super(file, HEADER + "\r\n", opener);
    }

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public synchronized void open() throws IOException {
        super.open();
        if (!headerRead) {
            try (BufferedReader in = Files.newBufferedReader(file(), StandardCharsets.UTF_8)) {
                writeProperties = !HEADER_WITHOUT_PROPERTIES.equals(in.readLine());
            }
            headerRead = true;
        }
    }

    /** Opens the file first: how a row is written depends on the header found there. */
    @Override
    public synchronized void write(List<ScoreUpdate> updates) throws IOException {
        open();
        super.write(updates);
    }

    @Override
    public synchronized void close() throws IOException {
        super.close();
        headerRead = false;
    }

    @Override
    protected void append(ScoreUpdate u, StringBuilder text) {
        var r = u.result();
        String[] cells = {r.score(), r.record().toString(), plain(r.value()), r.status() == null ? "" : r.status(), plain(r.engagement()),
                plain(r.fit()), UpdateJson.line(r.groups()), plain(u.previousValue()),
                u.previousStatus() == null ? "" : u.previousStatus(), u.at().toString(), u.cause(),
                UpdateJson.line(r.propertyValues())};
        int columns = writeProperties ? cells.length : cells.length - 1;
        for (int i = 0; i < columns; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(quote(cells[i]));
        }
        text.append("\r\n");
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    /**
     * RFC 4180 quoting, and a text cell a spreadsheet would run as a formula (starting with =, +, -
     * or @, e.g. a cause or a record id) is written after an apostrophe, which spreadsheets show as
     * text. Numbers such as -5 stay numbers.
     */
    static String quote(String cell) {
        if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?[0-9]+(\\.[0-9]+)?")) {
            cell = "'" + cell;
        }
        return rfc4180(cell);
    }

    /** RFC 4180 quoting alone: a cell holding a comma, a quote or a line break is quoted, its quotes doubled. */
    static String rfc4180(String cell) {
        if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}
