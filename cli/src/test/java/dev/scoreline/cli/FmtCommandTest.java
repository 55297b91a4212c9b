package dev.scoreline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scoreline fmt}: canonical text on stdout, {@code --write} in place, files with errors left alone. */
class FmtCommandTest {

    private static final String MESSY = "# lead\nscore   \"Lead\"  on contact\n      type engagement\n"
            + "group \"G\"   limit 60\nadd 15 for each call   # calls\n";
    private static final String CANONICAL = "# lead\nscore \"Lead\" on contact\n  type engagement\n\n"
            + "  group \"G\" limit 60\n    add 15 for each call # calls\n";

    @TempDir
    Path dir;

    @Test
    void printsTheCanonicalFormAndLeavesTheFile() throws IOException {
        Path f = Files.writeString(dir.resolve("lead.score"), MESSY);
        CheckCommandTest.Run r = CheckCommandTest.run("fmt", f.toString());
        assertThat(r.exit()).isEqualTo(Main.OK);
        assertThat(r.out()).isEqualTo(CANONICAL);
        assertThat(Files.readString(f)).isEqualTo(MESSY);
    }

    @Test
    void writeRewritesInPlaceAndIsStable() throws IOException {
        Path f = Files.writeString(dir.resolve("lead.score"), MESSY);
        CheckCommandTest.Run r = CheckCommandTest.run("fmt", "--write", f.toString());
        assertThat(r.exit()).isEqualTo(Main.OK);
        assertThat(Files.readString(f)).isEqualTo(CANONICAL);
        assertThat(r.out()).contains("formatted " + f);
        CheckCommandTest.Run again = CheckCommandTest.run("fmt", "--write", f.toString());
        assertThat(again.out()).isEmpty();
    }

    @Test
    void aFileWithErrorsIsNotFormatted() throws IOException {
        String broken = "score \"Op\" on contact\n  type fit\n  group \"G\"\n    add 1 if industry equals \"x\"\n";
        Path bad = Files.writeString(dir.resolve("bad.score"), broken);
        Path good = Files.writeString(dir.resolve("good.score"), MESSY);
        CheckCommandTest.Run r = CheckCommandTest.run("fmt", "-w", bad.toString(), good.toString());
        assertThat(r.exit()).isEqualTo(Main.RULE_ERRORS);
        assertThat(r.err()).contains(bad + ":4:23: error: unknown operator \"equals\"");
        assertThat(Files.readString(bad)).isEqualTo(broken);
        assertThat(Files.readString(good)).isEqualTo(CANONICAL);
    }

    @Test
    void usageErrors() {
        assertThat(CheckCommandTest.run("fmt").exit()).isEqualTo(Main.USAGE);
        assertThat(CheckCommandTest.run("fmt", dir.resolve("missing.score").toString()).exit()).isEqualTo(Main.USAGE);
    }
}
