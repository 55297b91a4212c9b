package dev.scoreline.flink.streaming;

import dev.scoreline.api.Association;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.DataChange;
import dev.scoreline.api.ListMembership;
import dev.scoreline.api.RecordKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/** The records as a test's changes leave them, to write the next random change from. */
final class World {

    private static final List<String> MISSING = List.of("contact:c8", "company:a9");

    private final Map<RecordKey, CrmRecord> records = new HashMap<>();
    private Instant clock = StreamingAgreesWithLiveScoresTest.START;

    DataChange property(String key, String name, Object value) {
        RecordKey k = RecordKey.parse(key);
        CrmRecord old = records.get(k);
        Map<String, Object> props = new TreeMap<>(old == null ? Map.of() : old.properties());
        props.put(name, value);
        List<String> lists = old != null ? old.lists() : k.type().equals("contact") ? List.of("Customers") : List.of();
        CrmRecord r = new CrmRecord(k, props, lists);
        records.put(k, r);
        return new DataChange.RecordUpserted(r);
    }

    StreamingAgreesWithLiveScoresTest.Step randomStep(Random random) {
        int dice = random.nextInt(100);
        if (dice < 20) {
            long hours = 1 + random.nextInt(24 * 40);
            clock = clock.plus(Duration.ofHours(hours));
            return new StreamingAgreesWithLiveScoresTest.Step(null, hours);
        }
        return new StreamingAgreesWithLiveScoresTest.Step(change(dice, random), 0);
    }

    private DataChange change(int dice, Random random) {
        if (dice < 50) {
            String[] pages = {"/pricing", "/pricing/plans", "/blog", null};
            String page = pages[random.nextInt(pages.length)];
            // Mostly in the past (up to 90 days), sometimes a little in the future (visible later).
            Instant at = clock.minus(Duration.ofHours(random.nextInt(24 * 90) - (random.nextInt(10) == 0 ? 60 : 0)));
            return new DataChange.EventAppended(new CrmEvent(RecordKey.parse(anyRecord(random)),
                    random.nextBoolean() ? "visit" : "reply", at, page == null ? Map.of() : Map.of("page", page)));
        }
        if (dice < 62) {
            if (random.nextBoolean()) {
                return property(pick(random, StreamingAgreesWithLiveScoresTest.CONTACTS), "role",
                        random.nextBoolean() ? "buyer" : "user");
            }
            String company = pick(random, StreamingAgreesWithLiveScoresTest.COMPANIES);
            return random.nextBoolean() ? property(company, "tier", random.nextBoolean() ? "gold" : "silver")
                    : property(company, "renewal", clock.minus(Duration.ofDays(random.nextInt(60) - 20)).toString());
        }
        if (dice < 82) {
            RecordKey from = RecordKey.parse(random.nextInt(10) == 0 ? anyRecord(random)
                    : pick(random, StreamingAgreesWithLiveScoresTest.COMPANIES));
            RecordKey to = RecordKey.parse(random.nextInt(15) == 0 ? from.toString() : anyRecord(random));
            Association a = new Association(from, to, random.nextBoolean() ? Set.of("Champion") : Set.of());
            return random.nextInt(3) == 0 ? new DataChange.AssociationRemoved(a) : new DataChange.AssociationAdded(a);
        }
        if (dice < 95) {
            String[] lists = {"VIP", "Churned", "Trial", "Customers", " vip "};
            ListMembership m = new ListMembership(lists[random.nextInt(lists.length)],
                    RecordKey.parse(pick(random, StreamingAgreesWithLiveScoresTest.CONTACTS)));
            return random.nextBoolean() ? new DataChange.ListMembershipAdded(m) : new DataChange.ListMembershipRemoved(m);
        }
        RecordKey gone = RecordKey.parse(anyRecord(random));
        records.remove(gone);
        return new DataChange.RecordRemoved(gone);
    }

    private static String anyRecord(Random random) {
        int n = random.nextInt(20);
        if (n == 0) {
            return pick(random, MISSING);
        }
        return n < 14 ? pick(random, StreamingAgreesWithLiveScoresTest.CONTACTS)
                : pick(random, StreamingAgreesWithLiveScoresTest.COMPANIES);
    }

    private static String pick(Random random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }
}
