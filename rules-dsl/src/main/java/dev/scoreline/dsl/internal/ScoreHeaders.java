package dev.scoreline.dsl.internal;

import dev.scoreline.dsl.ScoreHeader;
import dev.scoreline.dsl.internal.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the {@code score "NAME" on TYPE} lines of a text with the lexer and the same
 * {@link LineReader} calls the parser uses for a score line; other statements are skipped
 * unread, and nothing is validated.
 */
public final class ScoreHeaders {

    private ScoreHeaders() { }

    /** Every well-formed score line of {@code text}, in order. */
    public static List<ScoreHeader> read(String text) {
        List<ScoreHeader> out = new ArrayList<>();
        for (List<Token> line : Lexer.lines(text)) {
            if (line.get(0).isWord("score")) {
                header(line).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The header a score line holds; empty when the line is broken (the parser reports why). */
    private static Optional<ScoreHeader> header(List<Token> line) {
        if (line.stream().anyMatch(t -> t.kind() == Kind.ERROR)) {
            return Optional.empty();
        }
        LineReader in = new LineReader("", line);
        try {
            Token keyword = in.next();
            Token nameToken = in.peek();
            String name = in.string("the score's name");
            in.word("on", " after the score's name");
            String objectType = in.name("the object type the score is on");
            in.end("the score line");
            return Optional.of(new ScoreHeader(name, objectType, keyword.line(), nameToken.line(), nameToken.column(),
                    nameToken.text().length()));
        } catch (ParseFailure broken) {
            return Optional.empty();
        }
    }
}
