package dev.scoreline.flink;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random score definitions whose references travel {@code depth} associations: "S0" reads its
 * record's own data; each "Sk" reads, through an association, "Sk-1" (or "Sk-1 own", a score on
 * the same record that reads "Sk-1") with forms drawn at random (value of an aggregate, score and
 * status tests, an association's where, an event's where, count rules), on top of its own data;
 * scopes and decays now and then, so values, statuses and "out of scope" all travel.
 */
final class RandomChain {

    static final String[] TYPES = {"contact", "company", "deal"};
    /** The id prefix of each type's records in {@link HopChainJobTest#write}. */
    static final String[] PREFIXES = {"p", "a", "d"};

    private RandomChain() { }

    static String definitions(Random r, int depth) {
        StringBuilder out = new StringBuilder();
        String type = TYPES[r.nextInt(TYPES.length)];
        boolean engagement = r.nextBoolean();
        out.append("score \"S0\" on ").append(type).append('\n')
                .append(engagement ? "  type engagement\n" : "  type health\n")
                .append(scope(r))
                .append(engagement ? "  group \"Activity\"\n" : "  group \"Activity\" limit 100\n")
                .append(r.nextBoolean() ? "    decay 50% every 1 month\n" : "")
                .append("    add 10 for each visit\n")
                .append("    add 5 for each visit where page starts with \"/pricing\" in the last 20 days\n")
                .append("    add 7 if reply occurs at least 2 times in the last 45 days\n\n");
        String read = "S0";
        String readStatus = engagement ? "Low" : "At risk";
        for (int k = 1; k <= depth; k++) {
            String previous = type;
            do {
                type = TYPES[r.nextInt(TYPES.length)];
            } while (type.equals(previous));
            String name = "S" + k;
            out.append("score \"").append(name).append("\" on ").append(type).append('\n')
                    .append("  type health\n").append(scope(r))
                    .append("  group \"Read\" limit 70\n");
            List<String> reads = reads(r, read, readStatus, previous);
            reads.forEach(line -> out.append("    ").append(line).append('\n'));
            out.append("  group \"Own\" limit 30\n")
                    .append(r.nextBoolean() ? "    decay 25% every 1 month\n" : "")
                    .append("    add 10 if tier is \"gold\"\n")
                    .append("    add value of amount times 0.001 limit 10\n")
                    .append("    add 2 for each visit in the last 30 days limit 10\n\n");
            read = name;
            readStatus = "At risk";
            if (r.nextBoolean()) { // the next score reads one on this record that reads this one
                out.append("score \"").append(name).append(" own\" on ").append(type).append('\n')
                        .append("  type fit\n")
                        .append("  group \"Read\"\n")
                        .append("    add 5 if score \"").append(name).append("\" >= 20\n")
                        .append("    subtract 2 if score \"").append(name).append("\" is unknown\n")
                        .append("    add value of score \"").append(name).append("\" times 0.5\n\n");
                read = name + " own";
                readStatus = "Low";
            }
        }
        return out.toString();
    }

    private static String scope(Random r) {
        return r.nextInt(3) == 0 ? "  include lists \"Customers\"\n" : "";
    }

    /** One to four rules reading score {@code read} of the associated records of {@code type}; the first always a value of. */
    private static List<String> reads(Random r, String read, String status, String type) {
        String[] aggregates = {"sum", "average", "max", "min"};
        String on = " on associated " + type + (r.nextInt(4) == 0 ? " labeled \"champion\"" : "");
        List<String> rules = new ArrayList<>();
        rules.add("add value of score \"" + read + "\"" + (r.nextBoolean() ? " times 0.5" : "") + on
                + " aggregate " + aggregates[r.nextInt(aggregates.length)] + " limit 40");
        List<String> more = new ArrayList<>(List.of(
                "add 4 if score \"" + read + "\" >= " + (5 + r.nextInt(20)) + on,
                "add 6 if status \"" + read + "\" is \"" + status + "\"" + on,
                "add 2 for each visit" + on + " where score \"" + read + "\" >= " + r.nextInt(15) + " limit 10",
                "add 1 for each reply where score \"" + read + "\" > " + r.nextInt(10) + on + " limit 8",
                "add 3 if at least " + (1 + r.nextInt(2)) + " associated " + type + " where score \"" + read
                        + "\" >= " + r.nextInt(20),
                "add 3 if at least 1 associated " + type + " with reply where score \"" + read + "\" is unknown"));
        for (int n = r.nextInt(4); n > 0; n--) {
            rules.add(more.remove(r.nextInt(more.size())));
        }
        return rules;
    }
}
