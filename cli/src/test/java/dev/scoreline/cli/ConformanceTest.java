package dev.scoreline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conformance cases (the repository's one copy, conformance/cases, and the project's own,
 * conformance/project-cases), run in process with the
 * same rules as shared/conformance/run: {@code expect.jsonl} for score output, {@code expect-check}
 * for check results. A case conformance/not-yet-implemented names is skipped with its reason.
 */
class ConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double TOLERANCE = 0.005;

    /** The shared cases (conformance/cases), then the project's own (conformance/project-cases). */
    static List<Named<Path>> cases() throws IOException {
        List<Named<Path>> cases = new ArrayList<>();
        for (String folder : List.of("conformance/cases", "conformance/project-cases")) {
            try (Stream<Path> s = Files.list(resource(folder))) {
                s.filter(Files::isDirectory).sorted().map(d -> Named.of(d.getFileName().toString(), d)).forEach(cases::add);
            }
        }
        return cases;
    }

    private static Path resource(String name) {
        var url = ConformanceTest.class.getClassLoader().getResource(name);
        assertThat(url).as("test resource %s", name).isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theOneCopyHoldsEveryCase() throws IOException {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(20);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void conformanceCase(Path dir, @TempDir Path tmp) throws IOException {
        String name = dir.getFileName().toString();
        read(resource("conformance/not-yet-implemented")).lines().filter(l -> l.startsWith(name + " "))
                .findFirst().ifPresent(l -> Assumptions.abort(l.substring(name.length()).strip()));
        List<String> rules;
        try (Stream<Path> s = Files.list(dir)) {
            rules = s.filter(p -> p.toString().endsWith(".score")).map(Path::toString).sorted().toList();
        }
        if (Files.exists(dir.resolve("expect-check"))) {
            checkCase(dir, rules);
        } else {
            scoreCase(dir, rules, tmp);
        }
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8).strip() : null;
    }

    private void checkCase(Path dir, List<String> rules) throws IOException {
        List<String> args = new ArrayList<>(List.of("check"));
        args.addAll(rules);
        StringWriter err = new StringWriter();
        int exit = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), args.toArray(String[]::new));
        List<String> errorLines = err.toString().lines()
                .filter(l -> Pattern.compile(":\\d+:\\d+: error:").matcher(l).find()).toList();
        for (String line : read(dir.resolve("expect-check")).lines().map(String::strip).toList()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 3);
            if (parts[0].equals("exit")) {
                assertThat(exit).as("exit code; stderr:\n%s", err).isEqualTo(Integer.parseInt(parts[1]));
            } else if (parts[0].equals("error")) {
                String text = parts.length > 2 ? parts[2].toLowerCase() : null;
                Pattern at = Pattern.compile(":" + parts[1] + ":\\d+: error:");
                assertThat(errorLines).as("an error at line %s%s; stderr:\n%s", parts[1],
                                text == null ? "" : " mentioning \"" + text + "\"", err)
                        .anyMatch(l -> at.matcher(l).find() && (text == null || l.toLowerCase().contains(text)));
            }
        }
    }

    private void scoreCase(Path dir, List<String> rules, Path tmp) throws IOException {
        Path out = tmp.resolve("out.jsonl");
        List<String> args = new ArrayList<>(List.of("score", "--rules", String.join(",", rules),
                "--data", dir.resolve("data").toString(), "--out", out.toString()));
        String asOf = read(dir.resolve("as-of"));
        if (asOf != null) {
            args.addAll(List.of("--as-of", asOf));
        }
        String adapter = read(dir.resolve("adapter"));
        if (adapter != null) {
            args.addAll(List.of("--adapter", adapter));
        }
        StringWriter err = new StringWriter();
        int exit = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), args.toArray(String[]::new));
        assertThat(exit).as("exit code; stderr:\n%s", err).isZero();
        Map<String, JsonNode> got = lines(out);
        Map<String, JsonNode> expected = lines(dir.resolve("expect.jsonl"));
        assertThat(got.keySet()).as("scored (score, record) pairs").containsExactlyInAnyOrderElementsOf(expected.keySet());
        List<String> problems = new ArrayList<>();
        expected.forEach((key, exp) -> compare(key, exp, got.get(key), problems));
        assertThat(problems).as("differences").isEmpty();
    }

    private static Map<String, JsonNode> lines(Path file) throws IOException {
        Map<String, JsonNode> out = new TreeMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                JsonNode o = JSON.readTree(line);
                out.put(o.get("score").asText() + " / " + o.get("record").asText(), o);
            }
        }
        return out;
    }

    private static void compare(String key, JsonNode exp, JsonNode got, List<String> problems) {
        for (String field : new String[] {"value", "status", "engagement", "fit"}) {
            if (exp.has(field)) {
                if (!got.has(field)) {
                    problems.add(key + ": " + field + " missing");
                } else if (!same(exp.get(field), got.get(field))) {
                    problems.add(key + ": " + field + " " + got.get(field) + " != expected " + exp.get(field));
                }
            }
        }
        if (exp.has("groups")) {
            JsonNode g = got.get("groups");
            List<String> expNames = new ArrayList<>();
            exp.get("groups").fieldNames().forEachRemaining(expNames::add);
            List<String> gotNames = new ArrayList<>();
            if (g != null) {
                g.fieldNames().forEachRemaining(gotNames::add);
            }
            if (!new java.util.HashSet<>(expNames).equals(new java.util.HashSet<>(gotNames))) {
                problems.add(key + ": groups " + gotNames + " != expected " + expNames);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = exp.get("groups").fields(); it.hasNext(); ) {
                var e = it.next();
                if (g != null && g.has(e.getKey()) && !same(e.getValue(), g.get(e.getKey()))) {
                    problems.add(key + ": group " + e.getKey() + " " + g.get(e.getKey()) + " != " + e.getValue());
                }
            }
        }
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return Math.abs(a.asDouble() - b.asDouble()) <= TOLERANCE;
        }
        return a.equals(b);
    }
}
