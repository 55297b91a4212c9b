package dev.scoreline.learn;

import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.CrmEvent;
import dev.scoreline.api.CrmRecord;
import dev.scoreline.api.RecordKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * A few thousand contacts with a planted outcome: each contact becomes a lead (lifecycle_change to
 * "lead") some time before the data's year, and at the first of each month, if it has not yet,
 * becomes a marketing qualified lead within 28 days with a probability that depends on two
 * criteria (job title contains "VP", at least 3 pricing-page views in the last 30 days) — or, with
 * {@code random}, with the same probability for everyone.
 */
final class PlantedData {

    static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
    static final String PRICING = "https://example.com/pricing";
    private static final String[] TITLES = {"VP Sales", "vp marketing", "CEO", "Engineer", "Analyst", "Manager",
            "Student", "Consultant"};
    private static final String[] URLS = {PRICING, "https://example.com/blog", "https://example.com/docs",
            "https://example.com/", "https://example.com/about"};
    private static final String[] OTHER = {"marketing_email_open", "cta_click", "form_submission"};
    private static final long DAY = 86_400_000L;

    final List<CrmRecord> records = new ArrayList<>();
    final List<CrmEvent> events = new ArrayList<>();

    PlantedData(int contacts, long seed, boolean random) {
        for (int i = 0; i < contacts; i++) {
            contact(i, new SplittableRandom(seed * 1_000_003L + i), random);
        }
    }

    private void contact(int i, SplittableRandom r, boolean random) {
        RecordKey key = new RecordKey("contact", "c" + i);
        Map<String, Object> props = new LinkedHashMap<>();
        String title = TITLES[r.nextInt(TITLES.length)];
        props.put("jobtitle", title);
        props.put("numberofemployees", (long) Math.exp(r.nextDouble() * 9));
        props.put("industry", r.nextBoolean() ? "Software" : "Retail");
        records.add(new CrmRecord(key, props));
        long now = NOW.toEpochMilli();
        Instant started = Instant.ofEpochMilli(now - (300 + r.nextInt(120)) * DAY);
        events.add(new CrmEvent(key, "lifecycle_change", started, Map.of("to", "lead")));
        List<Long> pricing = new ArrayList<>();
        int n = r.nextInt(40);
        for (int k = 0; k < n; k++) {
            long at = now - r.nextLong(365 * DAY);
            if (r.nextBoolean()) {
                String url = URLS[r.nextInt(URLS.length)];
                events.add(new CrmEvent(key, "page_view", Instant.ofEpochMilli(at), Map.of("url", url)));
                if (url.equals(PRICING)) {
                    pricing.add(at);
                }
            } else {
                events.add(new CrmEvent(key, OTHER[r.nextInt(OTHER.length)], Instant.ofEpochMilli(at), Map.of()));
            }
        }
        if (r.nextDouble() < 0.4) {
            long burst = now - r.nextLong(365 * DAY);
            for (int k = 3 + r.nextInt(3); k > 0; k--) {
                long at = burst + r.nextLong(7 * DAY);
                events.add(new CrmEvent(key, "page_view", Instant.ofEpochMilli(at), Map.of("url", PRICING)));
                pricing.add(at);
            }
        }
        boolean vp = title.toLowerCase(Locale.ROOT).contains("vp");
        LocalDate month = LocalDate.ofInstant(started, ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1);
        for (Instant d = start(month); !d.plus(Duration.ofDays(30)).isAfter(NOW); month = month.plusMonths(1), d = start(month)) {
            long dm = d.toEpochMilli();
            long views = pricing.stream().filter(t -> t <= dm && t >= dm - 30 * DAY).count();
            double logit = random ? -3.2 : -5.5 + (vp ? 3.5 : 0) + (views >= 3 ? 4.5 : 0);
            if (r.nextDouble() < 1 / (1 + Math.exp(-logit))) {
                Instant at = d.plus(Duration.ofMinutes(1 + r.nextLong(28L * 24 * 60)));
                events.add(new CrmEvent(key, "lifecycle_change", at, Map.of("to", "marketingqualifiedlead")));
                break;
            }
        }
    }

    private static Instant start(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    CrmAdapter adapter() {
        return new CrmAdapter() {
            @Override public String name() { return "planted"; }
            @Override public Stream<CrmRecord> records() { return records.stream(); }
            @Override public Stream<CrmEvent> events() { return events.stream(); }
        };
    }

    static Outcome outcome() {
        return Outcome.parse("contact", "lifecycle_change where to is \"lead\"",
                "lifecycle_change where to is \"marketingqualifiedlead\"", "30d");
    }
}
