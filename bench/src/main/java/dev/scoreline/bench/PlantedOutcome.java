package dev.scoreline.bench;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A planted outcome for {@code scoreline suggest} on the generated data (docs/outcomes.md): every
 * contact becomes a lead ({@code lifecycle_change} to "lead") 300 to 420 days before NOW; 30% get a
 * burst of 3 to 5 views of https://example.com/pricing within a week; at the first of each month a
 * contact that is not yet a marketing qualified lead becomes one within 28 days with probability
 * sigmoid(-5.5 + 3.5 [job title contains "vp"] + 4.5 [at least 3 pricing-page views in the last 30 days]).
 * Drawn from a random stream of its own, so the rest of the data is the same with or without it.
 */
final class PlantedOutcome {

    private static final long DAY = 86_400_000L;

    private PlantedOutcome() { }

    /** Writes the contact's planted events; {@code pricing} holds its pricing-page views so far (added to). */
    static int write(Writer w, StringBuilder sb, String key, DataGenerator.Rec contact, List<Long> pricing,
                     SplittableRandom r, long now) throws IOException {
        long started = now - (300 + r.nextInt(120)) * DAY;
        int written = 1;
        line(w, sb, key, "lifecycle_change", started, "to", "lead");
        if (r.nextDouble() < 0.3) {
            long burst = now - r.nextLong(365 * DAY);
            for (int k = 3 + r.nextInt(3); k > 0; k--) {
                long at = burst + r.nextLong(7 * DAY);
                at -= Math.floorMod(at, 1000L);
                pricing.add(at);
                line(w, sb, key, "page_view", at, "url", "https://example.com/pricing");
                written++;
            }
        }
        Object title = contact.props().get("jobtitle");
        boolean vp = title instanceof String s && s.toLowerCase(Locale.ROOT).contains("vp");
        LocalDate month = LocalDate.ofInstant(Instant.ofEpochMilli(started), ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1);
        for (long d = start(month); d + 30 * DAY <= now; month = month.plusMonths(1), d = start(month)) {
            long at = d;
            long views = pricing.stream().filter(t -> t <= at && t >= at - 30 * DAY).count();
            double logit = -5.5 + (vp ? 3.5 : 0) + (views >= 3 ? 4.5 : 0);
            if (r.nextDouble() < 1 / (1 + Math.exp(-logit))) {
                line(w, sb, key, "lifecycle_change", d + 60_000 * (1 + r.nextLong(28L * 24 * 60)), "to", "marketingqualifiedlead");
                return written + 1;
            }
        }
        return written;
    }

    private static long start(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static void line(Writer w, StringBuilder sb, String key, String type, long at, String prop, String value)
            throws IOException {
        sb.setLength(0);
        sb.append("{\"record\":");
        Json.string(sb, key);
        sb.append(",\"type\":");
        Json.string(sb, type);
        sb.append(",\"at\":");
        Json.string(sb, Instant.ofEpochMilli(at).toString());
        sb.append(",\"properties\":{");
        Json.string(sb, prop);
        sb.append(':');
        Json.string(sb, value);
        sb.append("}}\n");
        w.append(sb);
    }
}
