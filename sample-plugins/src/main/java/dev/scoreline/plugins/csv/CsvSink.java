package dev.scoreline.plugins.csv;

import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.api.WholeLineFile;
import dev.scoreline.plugins.internal.FileSink;
import dev.scoreline.plugins.internal.UpdateJson;

import java.math.BigDecimal;
import java.nio.file.Path;

/**
 * Appends one CSV row per score update, with a header row when the file is new:
 * {@value #HEADER}. {@code groups} is a JSON object in one cell; cells are quoted per RFC 4180
 * where they need it, so the file opens in any spreadsheet, and no cell runs there as a formula.
 */
public final class CsvSink extends FileSink {

    public static final String HEADER =
            "score,record,value,status,engagement,fit,groups,previous_value,previous_status,at,cause";

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
    protected void append(ScoreUpdate u, StringBuilder text) {
        var r = u.result();
        String[] cells = {r.score(), r.record().toString(), plain(r.value()), r.status(), plain(r.engagement()),
                plain(r.fit()), UpdateJson.line(r.groups()), plain(u.previousValue()),
                u.previousStatus() == null ? "" : u.previousStatus(), u.at().toString(), u.cause()};
        for (int i = 0; i < cells.length; i++) {
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
        if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}
