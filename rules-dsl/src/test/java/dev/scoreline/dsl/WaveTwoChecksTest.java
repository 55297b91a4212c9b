package dev.scoreline.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.dsl.model.ScoreDefinition;
import dev.scoreline.dsl.model.ScoreReference;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checks of the second wave: misplaced pieces of the new forms, and score references across
 * the files given together (unknown names, other object types, cycles).
 */
class WaveTwoChecksTest {

    private static String score(String name, String on, String type, String... rules) {
        return "score \"" + name + "\" on " + on + "\n  type " + type + "\n  group \"G\"\n    "
                + String.join("\n    ", rules) + "\n";
    }

    /** The diagnostics of rule lines in an engagement score on contact, as {@code LINE:CODE: text}. */
    private static List<String> engagement(String... rules) {
        return ScoreParser.parse("t.score", score("S", "contact", "engagement", rules)).diagnostics().stream()
                .map(d -> d.position().line() + ":" + d.code() + ": " + d.message() + "; " + d.fix()).toList();
    }

    @Test
    void misplacedPiecesOfTheNewFormsSayWhatToWrite() {
        assertThat(engagement("add 1 for each e in last 30 days"))
                .containsExactly("4:SL202: expected \"the\" after \"in\" (in the last N days), found \"last\"; "
                        + "did you mean \"in the last\"?");
        assertThat(engagement("add 1 if e occurs at least 1 time in last 3 days")).singleElement().asString()
                .contains("did you mean \"in the last\"?");
        assertThat(engagement("add 1 for each e in the last 3 days at most 2 per day")).singleElement().asString()
                .startsWith("4:SL202: the cap comes before the timeframe");
        assertThat(engagement("add 1 for each e at most 2 per days")).singleElement().asString()
                .isEqualTo("4:SL205: a cap counts per day, week or month, not \"days\"; did you mean \"day\"?");
        assertThat(engagement("add 1 for each e at most 0 per day")).singleElement().asString().startsWith("4:SL207:");
        assertThat(engagement("add 1 if at least 2 associated contact in the last 3 days")).singleElement().asString()
                .contains("write \"with EVENT\" before it");
        assertThat(engagement("add 1 for each e limit 5 on associated contact")).singleElement().asString()
                .isEqualTo("4:SL208: unexpected \"on\" after the rule's limit; write \"limit 5\" at the very end of the rule");
        assertThat(engagement("add 1 if at least 2 associated contact with e on associated company")).singleElement()
                .asString().startsWith("4:SL202: a count rule already reads associated records");
        assertThat(engagement("add 1 if at least 2 associated contact with e aggregate sum")).singleElement().asString()
                .startsWith("4:SL420:");
        assertThat(engagement("add 1 if at least 2 contacts")).singleElement().asString()
                .startsWith("4:SL202: expected \"associated\" after the count");
        assertThat(engagement("add 1 for each e since 2026-01-01")).singleElement().asString()
                .startsWith("4:SL202: \"since\" reads a date property of the scored record");
        assertThat(engagement("add 1 for each e limit -3")).singleElement().asString()
                .isEqualTo("4:SL421: a rule's limit must be greater than 0, not -3; "
                        + "write limit 3 (the rule's points are kept between -L and L)");
    }

    @Test
    void capsOnlyOnForEachRules() {
        String fit = score("F", "contact", "fit", "add 1 if x is 1 at most 2 per day", "points for x: 1 2 at most 1 per week",
                "add value of x at most 1 per month", "add 1 if at least 1 associated deal at most 1 per day");
        assertThat(ScoreParser.parse("f", fit).errors()).extracting(Diagnostic::code)
                .containsExactly("SL419", "SL419", "SL419", "SL419");
    }

    @Test
    void scoreReferencesAreOperatorChecked() {
        List<String> d = ScoreParser.parse("t", score("S", "contact", "fit", "add 1 if score \"S2\" is \"High\"",
                "add 1 if status \"S2\" > 3", "add 1 if status \"S2\" is 5", "add 1 if score \"S2\" is between 2026-01-01 and 2026-02-01"))
                .errors().stream().map(x -> x.position().line() + ":" + x.code()).toList();
        assertThat(d).containsExactly("4:SL203", "5:SL203", "6:SL203", "7:SL203");
    }

    @Test
    void referencesResolveAcrossTheFilesGivenTogether() {
        ParseResult r = ScoreParser.parseAll(List.of(
                new ScoreParser.SourceText("health.score", score("Health", "company", "health",
                        "add value of score \"Lead score\" on associated Contact aggregate average")
                        .replace("group \"G\"", "group \"G\" limit 100")),
                new ScoreParser.SourceText("lead.score", score("Lead score", "contact", "engagement", "add 1 for each e"))));
        assertThat(r.diagnostics()).isEmpty();
        ParseResult alone = ScoreParser.parse("health.score", score("Health", "company", "fit",
                "add value of score \"Lead score\" on associated contact"));
        assertThat(alone.errors()).singleElement().extracting(Diagnostic::format).asString()
                .isEqualTo("health.score:4:24: error: no score named \"Lead score\" in the files checked together; "
                        + "name one of the scores checked together: \"Health\" [SL422]");
    }

    @Test
    void theRecordAReferenceReadsDecidesTheTypeItNeeds() {
        String lead = score("Lead", "contact", "fit", "add 1 if x is 1");
        // An event's where reads the event's owner; a count rule's where and with read the counted records.
        String company = score("Company", "company", "engagement",
                "add 1 for each e where score \"Lead\" > 1 on associated contact",
                "add 1 if at least 1 associated contact where score \"Lead\" > 1 with e where status \"Lead\" is \"High\"",
                "add 1 for each e where score \"Lead\" > 1",
                "add 1 if e occurs at least 1 time on associated contact where status \"Lead\" is \"Low\"");
        List<Diagnostic> errors = ScoreParser.parse("t", lead + "\n" + company).errors();
        assertThat(errors).extracting(d -> d.position().line() + ":" + d.code()).containsExactly("11:SL423");
        assertThat(errors.get(0).message()).isEqualTo(
                "score \"Lead\" is on contact, but this reference reads the scored company record");
        assertThat(errors.get(0).fix()).isEqualTo(
                "read it on associated contact records (… on associated contact), or refer to a score on company");
    }

    @Test
    void cyclesAreNamedInFullAtEveryReferenceOnThem() {
        ParseResult r = ScoreParser.parseAll(List.of(
                new ScoreParser.SourceText("a.score", score("A", "contact", "fit", "add 1 if score \"B\" > 1")),
                new ScoreParser.SourceText("b.score", score("B", "contact", "fit", "add 1 if status \"C\" is \"x\"")),
                new ScoreParser.SourceText("c.score", score("C", "contact", "fit", "add value of score \"A\"",
                        "add 1 if score \"D\" is known")),
                new ScoreParser.SourceText("d.score", score("D", "contact", "fit", "add 1 if score \"B\" is known"))));
        assertThat(r.errors()).extracting(Diagnostic::format).containsExactly(
                "a.score:4:20: error: score \"A\" refers to itself through other scores: \"A\" → \"B\" → \"C\" → \"A\"; "
                        + "remove one of the references on the cycle; a score cannot read its own value [SL424]",
                "b.score:4:21: error: score \"B\" refers to itself through other scores: \"B\" → \"C\" → \"A\" → \"B\"; "
                        + "remove one of the references on the cycle; a score cannot read its own value [SL424]",
                "c.score:4:24: error: score \"C\" refers to itself through other scores: \"C\" → \"A\" → \"B\" → \"C\"; "
                        + "remove one of the references on the cycle; a score cannot read its own value [SL424]",
                "c.score:5:20: error: score \"C\" refers to itself through other scores: \"C\" → \"D\" → \"B\" → \"C\"; "
                        + "remove one of the references on the cycle; a score cannot read its own value [SL424]",
                "d.score:4:20: error: score \"D\" refers to itself through other scores: \"D\" → \"B\" → \"C\" → \"D\"; "
                        + "remove one of the references on the cycle; a score cannot read its own value [SL424]");
    }

    @Test
    void aReferenceThroughAnotherTypeIsNotACycleEdge() {
        String a = score("A", "contact", "fit", "add 1 if score \"B\" > 1");
        String b = score("B", "company", "fit", "add 1 if score \"A\" > 1 on associated contact");
        assertThat(ScoreParser.parse("t", a + "\n" + b).errors()).extracting(Diagnostic::code).containsExactly("SL423");
    }

    @Test
    void unknownNamesAreNotReportedWhileAScoreLineIsBroken() {
        String broken = "score Lead on contact\n  type fit\n  group \"G\"\n    add 1 if x is 1\n";
        String reader = score("R", "contact", "fit", "add 1 if score \"Lead\" > 1");
        assertThat(ScoreParser.parse("t", broken + "\n" + reader).errors()).extracting(Diagnostic::code)
                .containsExactly("SL202");
    }

    @Test
    void scoreReferencesListWhatEachReferenceReads() {
        String text = score("Lead", "contact", "fit", "add 1 if x is 1") + "\n"
                + score("H", "company", "health", "add value of score \"Lead\" on associated contact aggregate max",
                "add 1 if status \"H2\" is \"A1\"", "add 1 if at least 1 associated contact where score \"Lead\" is known")
                        .replace("group \"G\"", "group \"G\" limit 100")
                + "\n" + score("H2", "company", "combined", "add 1 if x is 1").replace("group \"G\"", "group \"G\" fit");
        ParseResult r = Resources.clean(text);
        ScoreDefinition h = r.definitions().get(1);
        assertThat(ScoreReference.of(h)).extracting(ScoreReference::score, ScoreReference::kind, ScoreReference::objectType,
                ScoreReference::associated).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Lead", ScoreReference.Kind.VALUE, "contact", true),
                        org.assertj.core.groups.Tuple.tuple("H2", ScoreReference.Kind.STATUS, "company", false),
                        org.assertj.core.groups.Tuple.tuple("Lead", ScoreReference.Kind.VALUE, "contact", true));
        assertThat(ScoreReference.of(h).get(1).position().line()).isEqualTo(10);
    }
}
