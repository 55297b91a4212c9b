package dev.scoreline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecordKeyTest {

    /** compareTo avoids building "type:id" but must order exactly as the texts do (outputs rely on it). */
    @Test
    void ordersAsItsTextDoes() {
        List<RecordKey> keys = new ArrayList<>(List.of(
                new RecordKey("contact", "c1"), new RecordKey("contact", "c10"), new RecordKey("contact", "c2"),
                new RecordKey("contac", "t:c1"), new RecordKey("contact:", "x"), new RecordKey("company", "c1"),
                new RecordKey("a", "b"), new RecordKey("a:b", "c"), new RecordKey("ab", "c"), new RecordKey("a", "b:c"),
                new RecordKey("Contact", "c1"), new RecordKey("contact", "C1"), new RecordKey("c", "ontact")));
        Random random = new Random(7);
        String alphabet = "ab:9Z";
        for (int i = 0; i < 400; i++) {
            keys.add(new RecordKey(word(random, alphabet), word(random, alphabet)));
        }
        for (RecordKey x : keys) {
            for (RecordKey y : keys) {
                assertEquals(Integer.signum(x.toString().compareTo(y.toString())), Integer.signum(x.compareTo(y)),
                        x + " vs " + y);
            }
        }
    }

    private static String word(Random random, String alphabet) {
        StringBuilder sb = new StringBuilder();
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
