package dev.scoreline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupValuesTest {

    private static final List<String> NAMES = List.of("Sales", "Marketing", "Web");

    @Test
    void keepsTheScoresOrderAndEqualsAnyMapWithTheSameEntries() {
        BigDecimal[] values = {BigDecimal.TEN, BigDecimal.ONE, BigDecimal.ZERO};
        GroupValues g = GroupValues.of(NAMES, values);
        Map<String, BigDecimal> expected = new LinkedHashMap<>();
        expected.put("Sales", BigDecimal.TEN);
        expected.put("Marketing", BigDecimal.ONE);
        expected.put("Web", BigDecimal.ZERO);
        assertEquals(expected, g);
        assertEquals(g, expected);
        assertEquals(expected.hashCode(), g.hashCode());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(g.keySet()));
        assertEquals(expected.toString(), g.toString());
        assertEquals(BigDecimal.ONE, g.get("Marketing"));
        assertNull(g.get("Support"));
        assertTrue(g.containsKey("Web"));
        assertFalse(g.containsKey("web"));
    }

    @Test
    void isImmutableAndDoesNotShareTheCallersValues() {
        BigDecimal[] values = {BigDecimal.TEN, BigDecimal.ONE, BigDecimal.ZERO};
        GroupValues g = GroupValues.of(NAMES, values);
        values[0] = BigDecimal.valueOf(99);
        assertEquals(BigDecimal.TEN, g.get("Sales"));
        assertThrows(UnsupportedOperationException.class, () -> g.put("Sales", BigDecimal.ONE));
        assertThrows(UnsupportedOperationException.class, () -> g.entrySet().iterator().next().setValue(BigDecimal.ONE));
        assertThrows(UnsupportedOperationException.class, () -> g.remove("Sales"));
    }

    @Test
    void rejectsRepeatedNamesAndAMismatchedCount() {
        assertThrows(IllegalArgumentException.class,
                () -> GroupValues.of(List.of("A", "B", "A"), BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE));
        assertThrows(IllegalArgumentException.class, () -> GroupValues.of(List.of("A", "B"), BigDecimal.ONE));
        assertThrows(IllegalArgumentException.class, () -> new GroupValues.Names(List.of("A", "A")));
        GroupValues.Names names = new GroupValues.Names(List.of("A", "B"));
        assertThrows(IllegalArgumentException.class, () -> GroupValues.of(names, BigDecimal.ONE));
        assertEquals(List.of("A", "B"), List.copyOf(GroupValues.of(names, BigDecimal.ONE, BigDecimal.TEN).keySet()));
    }

    @Test
    void copyOfKeepsTheMapsOrderAndReturnsAGroupValuesAsIs() {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        m.put("Z", BigDecimal.ONE);
        m.put("A", BigDecimal.TEN);
        GroupValues g = GroupValues.copyOf(m);
        assertEquals(List.of("Z", "A"), List.copyOf(g.keySet()));
        assertSame(g, GroupValues.copyOf(g));
        m.put("Z", BigDecimal.ZERO);
        assertEquals(BigDecimal.ONE, g.get("Z"));
    }

    @Test
    void aScoreResultHoldsItsGroupsAsGroupValues() {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        m.put("Z", BigDecimal.ONE);
        ScoreResult r = new ScoreResult("s", RecordKey.parse("contact:c1"), BigDecimal.ONE, "Low", m, null, null);
        m.put("Y", BigDecimal.TEN);
        assertEquals(Map.of("Z", BigDecimal.ONE), r.groups());
        assertTrue(r.groups() instanceof GroupValues);
    }
}
