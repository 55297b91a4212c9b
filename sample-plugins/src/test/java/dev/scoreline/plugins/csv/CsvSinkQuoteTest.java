package dev.scoreline.plugins.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A scores.csv cell never runs as a formula in a spreadsheet; numbers stay numbers. */
class CsvSinkQuoteTest {

    @Test
    void formulaLikeTextIsWrittenAsText() {
        assertThat(CsvSink.quote("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(CsvSink.quote("+1+1")).isEqualTo("'+1+1");
        assertThat(CsvSink.quote("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvSink.quote("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvSink.quote("contact:=a")).isEqualTo("contact:=a");
    }

    @Test
    void numbersAndPlainTextAreUnchanged() {
        assertThat(CsvSink.quote("-5")).isEqualTo("-5");
        assertThat(CsvSink.quote("-12.25")).isEqualTo("-12.25");
        assertThat(CsvSink.quote("Healthy")).isEqualTo("Healthy");
        assertThat(CsvSink.quote("a,b")).isEqualTo("\"a,b\"");
    }
}
