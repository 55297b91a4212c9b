package dev.scoreline.plugins.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.Locale;

/**
 * Why a line is not valid JSON, in the words of the person who wrote the file: Jackson's messages
 * name its own classes and settings ({@code StreamReadConstraints.getMaxNumberLength()}) and
 * the parser's inner state, which mean nothing to them.
 */
public final class JsonProblems {

    private JsonProblems() { }

    /** {@code not valid JSON: …} for the failure of one line. */
    public static String describe(JsonProcessingException e) {
        String m = String.valueOf(e.getOriginalMessage());
        String lower = m.toLowerCase(Locale.ROOT);
        if (e instanceof StreamConstraintsException) {
            if (lower.contains("number value length")) {
                return "a number is too long (over 1000 digits)";
            }
            if (lower.contains("string value length")) {
                return "a text value is too long (over 20 million characters)";
            }
            if (lower.contains("nesting depth")) {
                return "objects or arrays are nested too deep (over 1000 levels)";
            }
            return "a value is too large to read";
        }
        if (lower.startsWith("unexpected end-of-input")) {
            return "not valid JSON: the line ends before the value does (a missing } ] or \")";
        }
        // "(code 110)" and "(start marker at [Source: …])" describe the parser, not the line.
        String plain = m.replaceAll(" \\(code \\d+\\)", "").replaceAll(" ?\\(start marker at [^)]*\\)\\)?", "")
                .replaceAll("\\s*at \\[Source:.*", "");
        return "not valid JSON: " + plain.lines().findFirst().orElse(plain).strip();
    }
}
