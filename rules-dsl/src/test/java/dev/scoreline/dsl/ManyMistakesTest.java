package dev.scoreline.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One run reports every mistake of a file, each at its line, and nothing else. */
class ManyMistakesTest {

    @Test
    void thirtyMistakesGiveThirtyErrorsAtTheirLines() {
        String text = Resources.read(Resources.folder("thirty-mistakes.score"));
        ParseResult r = ScoreParser.parse("thirty-mistakes.score", text);
        List<String> found = r.diagnostics().stream().map(d -> d.position().line() + ":" + d.code()).toList();
        assertThat(found).containsExactly(
                "1:SL301",  // a rule before any score
                "3:SL204",  // type fitt
                "4:SL103",  // limit 1e3
                "5:SL201",  // Minimum (keywords are lower case)
                "7:SL203",  // equals
                "8:SL101",  // unterminated string
                "9:SL205",  // dayz
                "10:SL206", // aggregate median
                "11:SL412", // aggregate on a frequency rule
                "12:SL202", // unquoted text
                "13:SL409", // every 2 months
                "14:SL309", // group "A" twice
                "15:SL416", // between 10 and 1
                "16:SL105", // single quotes
                "17:SL208", // a second value after the rule
                "18:SL303", // a setting after the groups
                "21:SL304", // type twice
                "22:SL302", // a rule before any group
                "24:SL410", // decay 150%
                "25:SL401", // a property rule in an engagement score
                "29:SL414", // two statuses from 0
                "30:SL415", // minimum above the implied health limit
                "33:SL406", // a health group without limit
                "37:SL405", // status in a combined score
                "38:SL417", // medium above high
                "39:SL402", // untagged group in a combined score
                "42:SL401", // an event rule in a fit group
                "43:SL308", // score "Beta" twice
                "45:SL411", // six include lists
                "47:SL102"); // "\d"
        assertThat(r.errors()).hasSize(30);
        assertThat(r.definitions()).isEmpty();
    }
}
