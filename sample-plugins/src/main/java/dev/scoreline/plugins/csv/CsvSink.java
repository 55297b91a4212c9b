package dev.scoreline.plugins.csv;

import dev.scoreline.api.ScoreSink;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.plugins.internal.UpdateJson;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;

/**
 * Appends one CSV row per score update, with a header row when the file is new:
 * {@value #HEADER}. {@code groups} is a JSON object in one cell; cells are quoted per RFC 4180
 * where they need it, so the file opens in any spreadsheet, and no cell runs there as a formula.
 */
public final class CsvSink implements ScoreSink {

    public static final String HEADER =
            "score,record,value,status,engagement,fit,groups,previous_value,previous_status,at,cause";

    private final Path file;
    private FileChannel channel;
    private Writer out;

    public CsvSink(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public synchronized void open() throws IOException {
        if (out != null) {
            return;
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        out = new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8);
        if (channel.size() == 0) {
            out.write(HEADER + "\r\n");
            out.flush();
        }
    }

    @Override
    public synchronized void write(List<ScoreUpdate> updates) throws IOException {
        if (out == null) {
            open();
        }
        StringBuilder text = new StringBuilder();
        for (ScoreUpdate u : updates) {
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
        out.write(text.toString());
        out.flush();
    }

    @Override
    public synchronized void flush() throws IOException {
        if (out != null) {
            out.flush();
            channel.force(false);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (out != null) {
            flush();
            out.close();
            out = null;
        }
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
