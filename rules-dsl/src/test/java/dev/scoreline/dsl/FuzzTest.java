package dev.scoreline.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;

/**
 * Whatever the text, the parser gives diagnostics, never an exception or a hang: mutated real
 * files and random token soups. A mutant that happens to be valid must still round-trip.
 */
class FuzzTest {

    private static final List<String> VOCABULARY = List.of("score", "type", "limit", "minimum", "include", "exclude",
            "lists", "status", "from", "fit", "engagement", "combined", "health", "levels", "high", "medium", "property",
            "description", "group", "decay", "every", "month", "months", "start", "at", "add", "subtract", "points", "for",
            "each", "if", "where", "occurs", "exactly", "least", "most", "between", "and", "or", "not", "time", "times",
            "in", "the", "last", "days", "before", "after", "on", "associated", "labeled", "aggregate", "sum", "average",
            "min", "max", "is", "any", "none", "of", "contains", "does", "contain", "starts", "ends", "with", "greater",
            "less", "than", "known", "unknown", "list", "true", "false", "by", "(", ")", ",", ":", "%", ">", ">=", "<",
            "<=", "=", "!=", "\"text\"", "\"\"", "\"a\\\"b\"", "\"unterminated", "5", "-2.5", "100", "1e5", "2026-01-01",
            "2026-01-01T10:00:00Z", "2026-13-45", "x", "contact", "email_open", "\\", "#", "'", "\u00e9", "\t", "\n",
            "\\\n", "\"\\q\"", "0", "12", "3");
    private static final String NOISE = "\"\\#()%,:<>=!-.0123456789 \nabcXYZ_\u00e9\u2603\r\t'";

    @Test
    void mutantsAndSoupsGiveOnlyDiagnostics() {
        List<String> seeds = new ArrayList<>();
        Stream.concat(Resources.conformanceScoreFiles().stream().map(Named::getPayload),
                        Resources.files("diagnostics", ".score").stream())
                .map(Resources::read).forEach(seeds::add);
        seeds.add(Resources.read(Resources.folder("thirty-mistakes.score")));
        Random random = new Random(20260301);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int i = 0; i < 4000; i++) {
                String text = i % 4 == 3 ? soup(random) : mutate(seeds.get(random.nextInt(seeds.size())), random);
                parseSafely(text);
            }
        });
    }

    @Test
    void pathologicalInputsAreRefusedQuickly() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            String head = "score \"S\" on contact\n type fit\n group \"G\"\n add 1 if ";
            parseSafely(head + "(".repeat(100_000) + "a is 1");
            parseSafely(head + "not ".repeat(100_000) + "a is 1");
            parseSafely(head + "a is 1 and ".repeat(20_000) + "a is 1\n");
            parseSafely(head + "a is any of " + "1, ".repeat(50_000) + "1\n");
            parseSafely("\\\n".repeat(50_000));
            parseSafely("\"".repeat(100_001));
            parseSafely("score \"S\" on contact\n".repeat(5_000));
            assertThat(ScoreParser.parse("t", head + "(".repeat(1000) + "a is 1").errors())
                    .extracting(Diagnostic::code).containsExactly("SL202");
        });
    }

    private static void parseSafely(String text) {
        ParseResult result;
        try {
            result = ScoreParser.parse("fuzz.score", text);
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("parser threw on:\n" + text, e);
        }
        long lines = text.split("\r\n|\r|\n", -1).length;
        for (Diagnostic d : result.diagnostics()) {
            assertThat(d.position().line()).as("%s in:%n%s", d, text).isBetween(1, (int) lines);
            assertThat(d.position().column()).as("%s", d).isPositive();
            assertThat(d.code()).matches("SL\\d{3}");
        }
        if (!result.hasErrors()) {
            String formatted = ScoreFormatter.format(result.definitions(), text);
            ParseResult again = ScoreParser.parse("fuzz.score", formatted);
            assertThat(again.errors()).as("errors in the formatted form of:%n%s%n---%n%s", text, formatted).isEmpty();
            assertThat(again.definitions()).as("round trip of:%n%s", text).isEqualTo(result.definitions());
        }
    }

    private static String mutate(String text, Random random) {
        StringBuilder sb = new StringBuilder(text);
        for (int m = 1 + random.nextInt(4); m > 0; m--) {
            int at = sb.length() == 0 ? 0 : random.nextInt(sb.length());
            switch (random.nextInt(6)) {
                case 0 -> sb.delete(at, Math.min(sb.length(), at + 1 + random.nextInt(8)));
                case 1 -> sb.insert(at, " " + VOCABULARY.get(random.nextInt(VOCABULARY.size())) + " ");
                case 2 -> sb.insert(at, NOISE.charAt(random.nextInt(NOISE.length())));
                case 3 -> sb.setLength(at);
                case 4 -> {
                    List<String> lines = new ArrayList<>(Arrays.asList(sb.toString().split("\n", -1)));
                    int a = random.nextInt(lines.size());
                    int b = random.nextInt(lines.size());
                    String t = lines.get(a);
                    lines.set(a, lines.get(b));
                    lines.set(b, t);
                    sb = new StringBuilder(String.join("\n", lines));
                }
                default -> {
                    List<String> lines = new ArrayList<>(Arrays.asList(sb.toString().split("\n", -1)));
                    int a = random.nextInt(lines.size());
                    lines.add(a, lines.get(a));
                    sb = new StringBuilder(String.join("\n", lines));
                }
            }
        }
        return sb.toString();
    }

    private static String soup(Random random) {
        StringBuilder sb = new StringBuilder();
        for (int line = random.nextInt(12); line >= 0; line--) {
            for (int t = random.nextInt(15); t >= 0; t--) {
                sb.append(VOCABULARY.get(random.nextInt(VOCABULARY.size()))).append(random.nextInt(5) == 0 ? "" : " ");
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
