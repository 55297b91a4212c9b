package dev.scoreline.plugins.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Numbers in property rows read as language.md section 10 says. */
class PropertyRowsTest {

    @Test
    void aWhitespaceOnlyNumberIsUnknown() {
        assertNull(PropertyRows.value("   ", "number"));
        assertNull(PropertyRows.value("", "number"));
    }

    @Test
    void exponentsSignsAndBareFractionsReadAsNumbers() {
        assertEquals(0, new BigDecimal("1000").compareTo((BigDecimal) PropertyRows.value("1e3", "number")));
        assertEquals(0, new BigDecimal("7").compareTo((BigDecimal) PropertyRows.value(" +7 ", "number")));
        assertEquals(0, new BigDecimal("0.5").compareTo((BigDecimal) PropertyRows.value(".5", "number")));
        assertEquals(0, new BigDecimal("0.025").compareTo((BigDecimal) PropertyRows.value("2.5E-2", "number")));
    }
}
