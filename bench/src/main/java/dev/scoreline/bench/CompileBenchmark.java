package dev.scoreline.bench;

import dev.scoreline.dsl.ParseResult;
import dev.scoreline.dsl.ScoreParser;
import dev.scoreline.engine.ScoreEngine;
import java.util.Arrays;
import java.util.Locale;

/**
 * The "compile" scenario: a score of 50 rules of every form (property rules, event rules with
 * conditions and timeframes, frequency rules, points for) parsed and built into a Drools rule base,
 * warm (after 10 builds), each build with a different score name so the engine's cache of rule
 * bases by content hash never answers.
 */
final class CompileBenchmark {

    private CompileBenchmark() {
    }

    static String fiftyRules(int variant) {
        StringBuilder t = new StringBuilder("score \"Compile bench " + variant + "\" on contact\n  type combined\n  limit 100\n");
        t.append("  group \"Fit\" fit limit 50\n");
        for (int i = 0; i < 25; i++) {
            switch (i % 5) {
                case 0 -> t.append("    add ").append(i + 1).append(" if jobtitle contains \"title").append(i).append("\"\n");
                case 1 -> t.append("    add 2 if numberofemployees is between ").append(i * 10).append(" and ").append(i * 100).append('\n');
                case 2 -> t.append("    subtract 1 if industry is any of \"a").append(i).append("\", \"b").append(i).append("\"\n");
                case 3 -> t.append("    add 3 if country is \"c").append(i).append("\" and state is not \"s").append(i).append("\"\n");
                default -> t.append("    points for lifecyclestage: \"lead\" ").append(i).append(", \"customer\" 2\n");
            }
        }
        t.append("  group \"Engagement\" engagement limit 50\n    decay 10% every 1 month\n");
        for (int i = 0; i < 25; i++) {
            switch (i % 5) {
                case 0 -> t.append("    add 1 for each page_view where url contains \"/p").append(i).append("\"\n");
                case 1 -> t.append("    add 2 for each form_submission where form_name is \"f").append(i).append("\" in the last ").append(i + 1).append(" days\n");
                case 2 -> t.append("    add 5 if meeting_booked occurs at least ").append(i % 3 + 1).append(" times in the last 90 days\n");
                case 3 -> t.append("    points for each form_submission by form_name: \"x").append(i).append("\" 3, \"y\" 1\n");
                default -> t.append("    add 1 for each cta_click in the last ").append(i).append(" weeks\n");
            }
        }
        return t.toString();
    }

    static String run() {
        ScoreEngine engine = ScoreEngine.builder().build();
        int warmups = 10;
        int passes = 20;
        long[] parse = new long[passes];
        long[] build = new long[passes];
        for (int i = -warmups; i < passes; i++) {
            String text = fiftyRules(i + warmups);
            long t0 = System.nanoTime();
            ParseResult parsed = ScoreParser.parse("compile.score", text);
            long t1 = System.nanoTime();
            if (parsed.hasErrors()) {
                throw new IllegalStateException("the compile scenario has errors: " + parsed.errors());
            }
            engine.compile(parsed.definitions());
            long t2 = System.nanoTime();
            if (i >= 0) {
                parse[i] = t1 - t0;
                build[i] = t2 - t1;
            }
        }
        Arrays.sort(parse);
        Arrays.sort(build);
        StringBuilder t = new StringBuilder("## Scenario `compile`: a score of 50 rules parsed and built into a Drools rule base, warm\n\n");
        t.append(String.format(Locale.ROOT, "%d builds measured after %d warm-up, each a new text (no cache hit)%n%n", passes, warmups));
        t.append("| step | median ms | max ms |\n|---|---:|---:|\n");
        t.append(String.format(Locale.ROOT, "| parse and validate | %.1f | %.1f |%n", parse[passes / 2] / 1e6, parse[passes - 1] / 1e6));
        t.append(String.format(Locale.ROOT, "| build the rule base (executable model, KieBase) | %.1f | %.1f |%n", build[passes / 2] / 1e6, build[passes - 1] / 1e6));
        t.append(String.format(Locale.ROOT, "| total | %.1f | |%n%n", (parse[passes / 2] + build[passes / 2]) / 1e6));
        return t.toString();
    }
}
