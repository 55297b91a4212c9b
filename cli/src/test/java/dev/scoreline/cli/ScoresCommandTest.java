package dev.scoreline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scoreline scores …} in process, on an embedded store in a temporary folder. */
class ScoresCommandTest {

    @TempDir
    Path tmp;

    private Path store;
    private Path lead;
    private Path two;

    record Run(int code, String out, String err) { }

    @BeforeEach
    void files() throws IOException {
        store = tmp.resolve("store");
        lead = tmp.resolve("lead.score");
        Files.writeString(lead, """
                # Lead score for contacts
                score "Lead score" on contact
                  type engagement
                  limit 100

                  group "Sales engagement" limit 60
                    add 10 for each meeting_booked
                """, StandardCharsets.UTF_8);
        two = tmp.resolve("two.score");
        Files.writeString(two, """
                score "Fit" on contact
                  type fit

                  group "Persona"
                    add 25 if jobtitle contains "chief"

                # Health of companies
                score "Health" on company
                  type health

                  group "Usage" limit 100
                    add 10 for each login
                """, StandardCharsets.UTF_8);
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.isEmpty() && !all.contains("--store") && !all.contains("--help")) {
            all.add("--store");
            all.add(store.toString());
        }
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void theLifecycleOfAScore() throws IOException {
        Run added = run("scores", "add", lead.toString(), two.toString());
        assertThat(added.code()).as(added.err()).isZero();
        assertThat(added.out()).contains("saved \"Lead score\" (contact) as draft version 1 (sha256 ")
                .contains("saved \"Fit\" (contact) as draft version 1").contains("saved \"Health\" (company) as draft version 1");

        assertThat(run("scores", "add", lead.toString()).out()).contains("\"Lead score\" unchanged (version 1, draft)");

        Run list = run("scores", "list");
        assertThat(list.code()).isZero();
        assertThat(list.out().lines().toList()).hasSize(4);
        assertThat(list.out()).containsPattern("NAME\\s+TYPE\\s+STATE\\s+VERSION\\s+ACTIVE\\s+HASH\\s+UPDATED")
                .containsPattern("Lead score\\s+contact\\s+draft\\s+1\\s+-\\s+[0-9a-f]{12}\\s+");

        Run activated = run("scores", "activate", "Lead score");
        assertThat(activated.code()).isZero();
        assertThat(activated.out()).contains("activated \"Lead score\" version 1; the next run scores every contact record with it");
        assertThat(run("scores", "activate", "Lead score").out()).contains("\"Lead score\" version 1 is already active");

        Files.writeString(lead, Files.readString(lead).replace("add 10", "add 12"));
        assertThat(run("scores", "add", lead.toString()).out())
                .contains("saved \"Lead score\" version 2 (sha256 ").contains("active version 1 runs until it is activated");
        assertThat(run("scores", "activate", "Lead score").out()).contains("activated \"Lead score\" version 2");

        JsonNode json = new ObjectMapper().readTree(run("scores", "list", "--json").out());
        assertThat(json).hasSize(3);
        assertThat(json.get(2).get("name").asText()).isEqualTo("Lead score");
        assertThat(json.get(2).get("state").asText()).isEqualTo("active");
        assertThat(json.get(2).get("version").asInt()).isEqualTo(2);
        assertThat(json.get(2).get("activeVersion").asInt()).isEqualTo(2);
        assertThat(json.get(2).get("hash").asText()).hasSize(64);

        Run cloned = run("scores", "clone", "Lead score", "Lead score 2");
        assertThat(cloned.out()).contains("cloned \"Lead score\" as draft \"Lead score 2\" (contact, version 1)");
        Run shown = run("scores", "show", "Lead score 2");
        assertThat(shown.code()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("score \"Lead score 2\" on contact").contains("add 12 for each meeting_booked");
        assertThat(run("scores", "show", "Lead score", "--version", "1").out()).contains("add 10 for each meeting_booked");

        Run refused = run("scores", "delete", "Lead score");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).isEqualTo("error[SL607]: score \"Lead score\" is active; fix: deactivate it before deleting it"
                + System.lineSeparator());
        assertThat(run("scores", "deactivate", "Lead score").out()).contains("deactivated \"Lead score\"; it is a draft again");
        assertThat(run("scores", "deactivate", "Lead score").out()).contains("\"Lead score\" is not active");
        assertThat(run("scores", "delete", "Lead score").out()).contains("deleted \"Lead score\"; its history is kept");
        assertThat(run("scores", "list").out()).doesNotContainPattern("(?m)^Lead score  ").contains("Lead score 2");
    }

    @Test
    void errorsAndUsage() throws IOException {
        Run unknown = run("scores", "activate", "Nope");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("error[SL605]: no score named \"Nope\"");

        assertThat(run("scores").code()).isEqualTo(2);
        assertThat(run("scores", "frobnicate").code()).isEqualTo(2);
        assertThat(run("scores", "clone", "only-one").code()).isEqualTo(2);

        Run missing = run("scores", "add", tmp.resolve("missing.score").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot read");

        Path empty = tmp.resolve("empty.score");
        Files.writeString(empty, "# nothing\n");
        assertThat(run("scores", "add", empty.toString()).err()).contains("holds no score");

        Path brokenHeader = tmp.resolve("broken-header.score");
        Files.writeString(brokenHeader, "score \"B\" on contact extra\n  type fit\n  group \"G\"\n    add 1 if industry is \"x\"\n");
        Run header = run("scores", "add", brokenHeader.toString());
        assertThat(header.code()).isEqualTo(1);
        assertThat(header.err()).contains("broken-header.score:1:").contains("error[SL500]: the rules have 1 error");

        Path bad = tmp.resolve("bad.score");
        Files.writeString(bad, "score \"Bad\" on contact\n  type engagement\n  group \"G\"\n    add ten for each call\n");
        Run invalid = run("scores", "add", bad.toString());
        assertThat(invalid.code()).isEqualTo(1);
        assertThat(invalid.err()).contains("bad.score:4:").contains("error[SL500]: the rules have 1 error");
        assertThat(run("scores", "list").out()).contains("no scores in the store");
    }

    @Test
    void quotasAreSetPerObjectTypeAndEnforced() {
        Run set = run("scores", "quota", "contact", "1", "1");
        assertThat(set.code()).isZero();
        assertThat(set.out()).contains("quotas of contact: 1 active, 1 drafts");
        assertThat(run("scores", "quota").out()).contains("quotas of other object types: 10 active, 20 drafts (built in)")
                .contains("quotas of contact: 1 active, 1 drafts");

        Run over = run("scores", "add", two.toString(), lead.toString());
        assertThat(over.code()).isEqualTo(1);
        assertThat(over.out()).contains("saved \"Fit\"").contains("saved \"Health\"");
        assertThat(over.err()).contains("cannot add a draft: object type contact already has 1 draft and its quota is 1");

        assertThat(run("scores", "add", "--activate", lead.toString()).code()).isEqualTo(1);
        assertThat(run("scores", "activate", "Fit").code()).isZero();
        Run added = run("scores", "add", "--activate", lead.toString());
        assertThat(added.code()).isEqualTo(1);
        assertThat(added.out()).contains("saved \"Lead score\"");
        assertThat(added.err()).contains("cannot activate \"Lead score\": object type contact already has 1 active score and its quota is 1");

        assertThat(run("scores", "quota", "contact", "x", "1").code()).isEqualTo(2);
        assertThat(run("scores", "quota", "contact", "1").code()).isEqualTo(2);
    }
}
