package dev.scoreline.engine.internal.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Which texts read as numbers (language.md section 10) and which values are unknown. */
class DataValueNumbersTest {

    private static BigDecimal number(Object raw) {
        DataValue v = DataValue.of(raw);
        return v.isUnknown() ? null : v.atoms()[0].number();
    }

    @Test
    void decimalsWithSignsBareFractionsAndExponentsReadAsNumbers() {
        assertThat(number("100")).isEqualByComparingTo("100");
        assertThat(number(" 100.0 ")).isEqualByComparingTo("100");
        assertThat(number("+7")).isEqualByComparingTo("7");
        assertThat(number("-3")).isEqualByComparingTo("-3");
        assertThat(number(".5")).isEqualByComparingTo("0.5");
        assertThat(number("-.5")).isEqualByComparingTo("-0.5");
        assertThat(number("1e3")).isEqualByComparingTo("1000");
        assertThat(number("2.5E-2")).isEqualByComparingTo("0.025");
        assertThat(number("1E+2")).isEqualByComparingTo("100");
        assertThat(number(new BigDecimal("1E+3"))).isEqualByComparingTo("1000");
    }

    @Test
    void otherTextsDoNotReadAsNumbers() {
        for (String t : new String[] {"5.", ".", "+", "-", "e3", "1e", "1e+", "1,000", "n/a", "true", "0x10", "1 000",
                "1e401", "1e-9999", "--1", "1.2.3"}) {
            assertThat(number(t)).as(t).isNull();
        }
        assertThat(number(Boolean.TRUE)).isNull();
    }

    @Test
    void aWhitespaceOnlyStringIsUnknown() {
        assertThat(DataValue.of("   ").isUnknown()).isTrue();
        assertThat(DataValue.of("\t \n").isUnknown()).isTrue();
        assertThat(DataValue.of(java.util.Arrays.asList(" ", null, "")).isUnknown()).isTrue();
        assertThat(DataValue.of(java.util.Arrays.asList(" ", "x")).atoms()).hasSize(1);
    }
}
