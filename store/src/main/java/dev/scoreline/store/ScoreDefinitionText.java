package dev.scoreline.store;

import dev.scoreline.dsl.ScoreFormatter;
import dev.scoreline.dsl.ScoreHeader;
import dev.scoreline.dsl.ScoreParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The text of one {@code score} block as the catalog keeps it: its name and object type (as written
 * in its {@code score "NAME" on TYPE} line) and the source text itself.
 */
public record ScoreDefinitionText(String name, String objectType, String sourceText) {

    public ScoreDefinitionText {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(sourceText, "sourceText");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a score needs a name");
        }
        if (objectType.isBlank()) {
            throw new IllegalArgumentException("score \"" + name + "\" needs an object type");
        }
    }

    /**
     * Cuts the text of a {@code .score} file into one text per {@code score} block. Comment and
     * blank lines just above a {@code score} line go with that block (they describe it); what
     * precedes the first block goes with the first. A text without a {@code score} line gives
     * none. The score lines are read by the language's parser ({@link ScoreParser#headers}); a
     * broken one (or one with an empty name) starts no block: validate the file with the parser.
     */
    public static List<ScoreDefinitionText> split(String fileText) {
        String text = fileText.replace("\r\n", "\n");
        List<ScoreHeader> headers = ScoreParser.headers(text).stream().filter(h -> !h.name().isBlank()).toList();
        List<ScoreDefinitionText> out = new ArrayList<>();
        if (headers.isEmpty()) {
            return out;
        }
        int[] lines = lineStarts(text);
        int[] starts = new int[headers.size()];
        for (int i = 1; i < headers.size(); i++) {
            starts[i] = leadingCommentStart(text, lines[headers.get(i).line() - 1], lines[headers.get(i - 1).line() - 1]);
        }
        for (int i = 0; i < starts.length; i++) {
            int end = i + 1 < starts.length ? starts[i + 1] : text.length();
            String block = text.substring(starts[i], end).strip() + "\n";
            out.add(new ScoreDefinitionText(headers.get(i).name(), headers.get(i).objectType(), block));
        }
        return out;
    }

    /**
     * The same text under another name: the name in its {@code score "…"} line is replaced.
     * A text whose first {@code score} line does not carry this name is returned unchanged.
     */
    public ScoreDefinitionText withName(String newName) {
        String text = sourceText;
        Optional<ScoreHeader> header = ScoreParser.header(sourceText);
        if (header.isPresent() && header.get().name().equals(name)) {
            ScoreHeader h = header.get();
            int from = lineStarts(sourceText)[h.nameLine() - 1] + h.nameColumn() - 1;
            text = sourceText.substring(0, from) + ScoreFormatter.formatString(newName)
                    + sourceText.substring(from + h.nameLength());
        }
        return new ScoreDefinitionText(newName, objectType, text);
    }

    /** The offset of each physical line's start, as the lexer counts lines (\n, \r\n or \r ends one). */
    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The start of the comment/blank lines directly above the line at {@code lineStart}. */
    private static int leadingCommentStart(String text, int lineStart, int floor) {
        int start = lineStart;
        while (start > floor) {
            int prevEnd = start - 1;                     // the '\n' ending the previous line
            int prevStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
            if (prevStart <= floor) {
                break;
            }
            String line = text.substring(prevStart, prevEnd).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                break;
            }
            start = prevStart;
        }
        // Blank lines between the previous block and the comment stay with the previous block.
        while (start < lineStart) {
            int eol = text.indexOf('\n', start);
            if (!text.substring(start, eol).isBlank()) {
                break;
            }
            start = eol + 1;
        }
        return start;
    }
}
