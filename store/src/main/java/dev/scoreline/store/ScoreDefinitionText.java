package dev.scoreline.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of one {@code score} block as the catalog keeps it: its name and object type (as written
 * in its {@code score "NAME" on TYPE} line) and the source text itself.
 */
public record ScoreDefinitionText(String name, String objectType, String sourceText) {

    /** A {@code score "NAME" on TYPE} line (language.md §3); the name may hold {@code \"} and {@code \\}. */
    private static final Pattern HEADER = Pattern.compile(
            "^([ \\t]*score[ \\t]+)\"((?:[^\"\\\\\\n]|\\\\.)*)\"[ \\t]+on[ \\t]+([A-Za-z_][A-Za-z0-9_.-]*)",
            Pattern.MULTILINE);

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
     * none. This only finds the blocks: validate the file with the parser.
     */
    public static List<ScoreDefinitionText> split(String fileText) {
        String text = fileText.replace("\r\n", "\n");
        Matcher m = HEADER.matcher(text);
        List<int[]> headers = new ArrayList<>();   // start offset of the line, matcher group bounds
        List<String[]> names = new ArrayList<>();
        while (m.find()) {
            headers.add(new int[] {m.start()});
            names.add(new String[] {unescape(m.group(2)), m.group(3)});
        }
        List<ScoreDefinitionText> out = new ArrayList<>();
        if (headers.isEmpty()) {
            return out;
        }
        int[] starts = new int[headers.size()];
        starts[0] = 0;
        for (int i = 1; i < headers.size(); i++) {
            starts[i] = leadingCommentStart(text, headers.get(i)[0], headers.get(i - 1)[0]);
        }
        for (int i = 0; i < starts.length; i++) {
            int end = i + 1 < starts.length ? starts[i + 1] : text.length();
            String block = text.substring(starts[i], end).strip() + "\n";
            out.add(new ScoreDefinitionText(names.get(i)[0], names.get(i)[1], block));
        }
        return out;
    }

    /**
     * The same text under another name: the name in its {@code score "…"} line is replaced.
     * A text whose first {@code score} line does not carry this name is returned unchanged.
     */
    public ScoreDefinitionText withName(String newName) {
        Matcher m = HEADER.matcher(sourceText);
        String text = sourceText;
        if (m.find() && unescape(m.group(2)).equals(name)) {
            text = sourceText.substring(0, m.start(2)) + escape(newName) + sourceText.substring(m.end(2));
        }
        return new ScoreDefinitionText(newName, objectType, text);
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

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) {
                ch = s.charAt(++i);
            }
            b.append(ch);
        }
        return b.toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
