package dev.scoreline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scoreline check}: messages on stderr sorted by position, exit 0 / 1 / 2. */
class CheckCommandTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) { }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void validFilesExitZeroSilently() throws IOException {
        Path f = file("ok.score", "score \"Fine\" on contact\n  type fit\n  group \"G\"\n    add 1 if industry is \"x\"\n");
        Run r = run("check", f.toString());
        assertThat(r.exit()).isEqualTo(Main.OK);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void warningsDoNotChangeTheExitCode() throws IOException {
        Path f = file("w.score", "score \"W\" on contact\n  type fit\n  group \"G\" fit\n    add 1 if industry is \"x\"\n");
        Run r = run("check", f.toString());
        assertThat(r.exit()).isEqualTo(Main.OK);
        assertThat(r.err()).isEqualTo(f + ":3:13: warning: the \"fit\" tag applies to groups of combined scores only; "
                + "it is ignored in a fit score; remove it [SL403]\n");
    }

    @Test
    void errorsOfEveryFileSortedByFileThenPosition() throws IOException {
        Path a = file("a.score", "score \"Op\" on contact\n  type fit\n  group \"G\"\n    add 1 if industry equals \"x\"\n"
                + "    add 1 if industry is \"x\" aggregate median\n");
        Path b = file("b.score", "score \"Op\" on contact\n  type fit\n  group \"G\"\n    add 1 if industry is \"x\"\n");
        Run r = run("check", a.toString(), b.toString());
        assertThat(r.exit()).isEqualTo(Main.RULE_ERRORS);
        assertThat(r.err().lines()).containsExactly(
                a + ":4:23: error: unknown operator \"equals\"; did you mean \"is\"? [SL203]",
                a + ":5:40: error: unknown aggregate \"median\"; use sum, average, min or max [SL206]",
                b + ":1:7: error: a score named \"Op\" is already defined at " + a + ":1; rename one of them: "
                        + "score names must be unique across all files [SL308]");
    }

    @Test
    void theHealthSumIsNamedOnTheScoreLine() throws IOException {
        Path f = file("h.score", "score \"Health\" on company\n  type health\n  group \"A\" limit 50\n    add 10 if nps >= 9\n"
                + "  group \"B\" limit 45\n    add 10 if wau >= 9\n");
        Run r = run("check", f.toString());
        assertThat(r.exit()).isEqualTo(Main.RULE_ERRORS);
        assertThat(r.err()).startsWith(f + ":1:1: error: group limits of a health score must add up to 100, they add up to 95");
    }

    @Test
    void aFolderIsEveryScoreFileBelowItSortedAndSuccessIsCounted() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules/nested"));
        Files.writeString(dir.resolve("rules/b.score"), "score \"B\" on contact\n  type fit\n  group \"G\"\n    add 1 if x is 1\n");
        Files.writeString(rules.resolve("a.score"), "score \"A\" on contact\n  type fit\n  group \"G\"\n    add 1 if x is 1\n");
        Files.writeString(dir.resolve("rules/notes.txt"), "not rules");
        Path single = file("c.score", "score \"C\" on contact\n  type fit\n  group \"G\"\n    add 1 if x is 1\n");
        Run ok = run("check", dir.resolve("rules").toString(), single.toString());
        assertThat(ok.exit()).as(ok.err()).isEqualTo(Main.OK);
        assertThat(ok.out()).isEqualTo("3 files, 0 problems\n");
        assertThat(ok.err()).isEmpty();

        // a duplicate name is reported on the later file in sorted order: rules/b.score sorts before rules/nested/a.score
        Files.writeString(rules.resolve("a.score"), "score \"B\" on contact\n  type fit\n  group \"G\"\n    add 1 if x is 1\n");
        Run dup = run("check", dir.resolve("rules").toString());
        assertThat(dup.exit()).isEqualTo(Main.RULE_ERRORS);
        assertThat(dup.out()).isEmpty();
        assertThat(dup.err()).startsWith(rules.resolve("a.score") + ":1:7: error: a score named \"B\" is already defined at "
                + dir.resolve("rules/b.score") + ":1");
    }

    @Test
    void aFolderWithoutScoreFilesIsAUsageError() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Run r = run("check", empty.toString());
        assertThat(r.exit()).isEqualTo(Main.USAGE);
        assertThat(r.err()).startsWith("error[SL505]: no .score file in " + empty);
    }

    @Test
    void noFileOrAMissingFileIsAUsageError() {
        assertThat(run("check").exit()).isEqualTo(Main.USAGE);
        Run missing = run("check", dir.resolve("nope.score").toString());
        assertThat(missing.exit()).isEqualTo(Main.USAGE);
        assertThat(missing.err()).contains("cannot read").contains("nope.score");
        assertThat(run("check", "--bogus").exit()).isEqualTo(Main.USAGE);
    }
}
