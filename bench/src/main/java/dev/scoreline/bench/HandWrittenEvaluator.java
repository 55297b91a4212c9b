package dev.scoreline.bench;

import dev.scoreline.bench.internal.Parallel;
import dev.scoreline.bench.internal.Values;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The "hand-written limit": plain Java loops computing exactly each scenario's scores, hard-coded
 * rule by rule from the {@code .score} files, over the columnar {@link DataSet}. Predicates on
 * property values are decided once per distinct value (the data is dictionary-encoded), events are
 * walked once per record with their decay, and {@link ScoreSpec#finish} does clamps, rounding and
 * status. Scores records on {@code threads} threads.
 */
public final class HandWrittenEvaluator implements Contender {
    private static final long DAY = 86_400_000L;
    private final int threads;

    public HandWrittenEvaluator(int threads) {
        this.threads = threads;
    }

    @Override
    public String name() {
        return "hand-written-" + threads + "t";
    }

    @Override
    public ScoredSummary score(Scenario scenario, DataSet data, Instant asOf) throws Exception {
        ScoredSummary out = new ScoredSummary(scenario, data);
        long now = asOf.toEpochMilli();
        switch (scenario.name) {
            case "lead" -> lead(scenario, data, now, out);
            case "fit" -> fit(scenario, data, out);
            case "health" -> health(scenario, data, now, out);
            case "rollup" -> rollup(scenario, data, now, out);
            default -> throw new IllegalArgumentException("no hand-written evaluator for " + scenario);
        }
        return out;
    }

    // ------------------------------------------------------------------ helpers

    /** Per dictionary code of a column (index 0 = missing), a number computed from the raw value. */
    static double[] perValue(Column c, ToDoubleFunction<Object> f) {
        double[] out = new double[c.dict.size() + 1];
        out[0] = f.applyAsDouble(null);
        for (int k = 0; k < c.dict.size(); k++) out[k + 1] = f.applyAsDouble(c.dictValue(k));
        return out;
    }

    static boolean[] perValueTest(Column c, java.util.function.Predicate<Object> f) {
        boolean[] out = new boolean[c.dict.size() + 1];
        out[0] = f.test(null);
        for (int k = 0; k < c.dict.size(); k++) out[k + 1] = f.test(c.dictValue(k));
        return out;
    }

    @SuppressWarnings("unchecked")
    static boolean[] perLists(Column lists, Function<List<String>, Boolean> f) {
        boolean[] out = new boolean[lists.dict.size() + 1];
        out[0] = f.apply(List.of());
        for (int k = 0; k < lists.dict.size(); k++) out[k + 1] = f.apply((List<String>) lists.dictValue(k));
        return out;
    }

    /** Scenario-local codes of the data's event types: index of {@code names} matching, or -1. */
    static int[] eventCodes(DataSet data, String... names) {
        int[] out = new int[data.eventTypes.size()];
        for (int t = 0; t < out.length; t++) {
            out[t] = -1;
            for (int n = 0; n < names.length; n++) if (data.eventTypes.get(t).trim().equalsIgnoreCase(names[n])) out[t] = n;
        }
        return out;
    }

    /** Per event-props code (index 0 = none), a number computed from one event property's value. */
    static double[] perEventProp(DataSet data, String prop, ToDoubleFunction<Object> f) {
        double[] out = new double[data.eventProps.size() + 1];
        out[0] = f.applyAsDouble(null);
        for (int k = 0; k < data.eventProps.size(); k++) out[k + 1] = f.applyAsDouble(prop(data.eventProps.get(k), prop));
        return out;
    }

    static Object prop(java.util.Map<String, Object> props, String name) {
        Object v = props.get(name);
        if (v != null || props.isEmpty()) return v;
        for (java.util.Map.Entry<String, Object> e : props.entrySet()) if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
        return null;
    }

    private static double factor(long age, int percent, int months) {
        long steps = age / (30L * DAY * months);
        double f = 1 - steps * percent / 100.0;
        return f > 0 ? f : 0;
    }

    // ------------------------------------------------------------------ lead

    private static final int CALL = 0, BOOKED = 1, COMPLETED = 2, CTA = 3, OPEN = 4, CLICK = 5, VIEW = 6, FORM = 7;

    private void lead(Scenario sc, DataSet data, long now, ScoredSummary out) throws Exception {
        Table t = data.table("contact");
        ScoreSpec lead = sc.score("Lead score"), intent = sc.score("Lead intent"), fit = sc.score("Lead fit");
        int[] code = eventCodes(data, "call_started", "meeting_booked", "meeting_completed", "cta_click",
                "marketing_email_open", "marketing_email_click", "page_view", "form_submission");
        double[] pricing = perEventProp(data, "url", v -> Values.contains(v, "pricing") ? 1 : 0);
        double[] blog = perEventProp(data, "url", v -> Values.startsWith(v, "https://example.com/blog") ? 1 : 0);
        double[] formPts = perEventProp(data, "form_name", v -> switch (Values.firstListed(v, "Demo request|Contact us|Newsletter signup")) {
            case 0 -> 20;
            case 1 -> 15;
            case 2 -> 2;
            default -> 0;
        });
        Column job = t.column("jobtitle"), ind = t.column("industry"), emp = t.column("numberofemployees");
        double[] role = perValue(job, v -> (Values.containsAny(v, "chief|vp|head of") ? 30 : 0)
                + (Values.contains(v, "director") || Values.contains(v, "manager") ? 15 : 0)
                - (Values.containsAny(v, "student|intern") ? 20 : 0));
        double[] indPts = perValue(ind, v -> Values.anyOf(v, "Software|Financial Services") ? 20 : 0);
        double[] empPts = perValue(emp, v -> (Values.between(v, 50, 1000) ? 15 : 0) + (Values.gt(v, 1000) ? 25 : 0)
                - (Values.unknown(v) ? 10 : 0));
        int[] evStart = t.evStart, evType = t.evType, evProps = t.evProps;
        long[] evAt = t.evAt;
        Parallel.forRange(threads, t.size, 4096, (from, to) -> {
            double[] g2 = new double[2], out2 = new double[2];
            for (int i = from; i < to; i++) {
                double sales = 0, mkt = 0, web = 0;
                int booked = 0, opens = 0, ctas = 0;
                long bookedNewest = Long.MIN_VALUE, ctaNewest = Long.MIN_VALUE;
                for (int k = evStart[i], end = evStart[i + 1]; k < end; k++) {
                    long at = evAt[k];
                    if (at > now) continue;
                    long age = now - at;
                    switch (code[evType[k]]) {
                        case CALL -> sales += 15;
                        case BOOKED -> {
                            sales += 10;
                            if (age <= 90 * DAY) { booked++; if (at > bookedNewest) bookedNewest = at; }
                        }
                        case COMPLETED -> sales += 20;
                        case CTA -> {
                            mkt += 6 * factor(age, 50, 1);
                            if (age <= 60 * DAY) { ctas++; if (at > ctaNewest) ctaNewest = at; }
                        }
                        case OPEN -> {
                            mkt += 2 * factor(age, 50, 1);
                            if (age <= 180 * DAY) opens++;
                        }
                        case CLICK -> mkt += 5 * factor(age, 50, 1);
                        case VIEW -> {
                            int p = evProps[k] + 1;
                            double pts = 3 * pricing[p] + (age <= 30 * DAY ? 0.5 * blog[p] : 0);
                            if (pts != 0) web += pts * factor(age, 25, 3);
                        }
                        case FORM -> {
                            double pts = formPts[evProps[k] + 1];
                            if (pts != 0) web += pts * factor(age, 25, 3);
                        }
                        default -> { }
                    }
                }
                g2[0] = sales;
                g2[1] = mkt;
                double v = lead.finish(g2, out2);
                out.put(lead.name(), i, v, lead.status(v), out2);

                double signals = 0;
                if (booked >= 1) signals += 25 * factor(now - bookedNewest, 50, 1);
                if (opens == 0) signals -= 10;
                if (ctas >= 3 && ctas <= 10) signals += 10 * factor(now - ctaNewest, 50, 1);
                g2[0] = web;
                g2[1] = signals;
                v = intent.finish(g2, out2);
                out.put(intent.name(), i, v, intent.status(v), out2);

                g2[0] = role[job.codes[i] + 1];
                g2[1] = indPts[ind.codes[i] + 1] + empPts[emp.codes[i] + 1];
                v = fit.finish(g2, out2);
                out.put(fit.name(), i, v, fit.status(v), out2);
            }
        });
    }

    // ------------------------------------------------------------------ fit

    private void fit(Scenario sc, DataSet data, ScoredSummary out) throws Exception {
        Table t = data.table("contact");
        ScoreSpec fit = sc.score("Fit score");
        Column job = t.column("jobtitle"), ind = t.column("industry"), emp = t.column("numberofemployees"),
                rev = t.column("annualrevenue"), country = t.column("country"), state = t.column("state"),
                stage = t.column("lifecyclestage"), source = t.column("hs_analytics_source"), lists = t.lists;
        double[] persona = perValue(job, v -> (Values.containsAny(v, "chief|vp|head of") ? 20 : 0)
                + (Values.contains(v, "director") ? 10 : 0)
                + (Values.contains(v, "manager") && !Values.contains(v, "assistant") ? 5 : 0)
                - (Values.containsAny(v, "student|intern") ? 15 : 0)
                - (Values.unknown(v) ? 5 : 0)
                + (Values.endsWith(v, "engineer") || Values.startsWith(v, "software") ? 5 : 0));
        double[] indPts = perValue(ind, v -> (Values.is(v, "Software") ? 15 : 0) + (Values.is(v, "Financial Services") ? 10 : 0)
                + (Values.is(v, "Healthcare") ? 8 : 0) + (Values.is(v, "Retail") ? 3 : 0) - (Values.is(v, "Education") ? 5 : 0));
        double[] empPts = perValue(emp, v -> (Values.between(v, 200, 5000) ? 10 : 0) + (Values.between(v, 50, 199) ? 5 : 0)
                - (Values.lt(v, 10) ? 5 : 0));
        double[] revPts = perValue(rev, v -> (Values.ge(v, 10_000_000) ? 10 : 0) + (Values.between(v, 1_000_000, 9_999_999.99) ? 5 : 0)
                - (Values.unknown(v) ? 3 : 0));
        double[] countryPts = perValue(country, v -> (Values.anyOf(v, "United States|Canada|United Kingdom") ? 10 : 0)
                + (Values.anyOf(v, "Germany|France|Netherlands") ? 5 : 0));
        boolean[] countryUnknown = perValueTest(country, Values::unknown);
        boolean[] countryUs = perValueTest(country, v -> Values.is(v, "United States"));
        double[] statePts = perValue(state, v -> (Values.is(v, "Northeast") ? 4 : 0) + (Values.is(v, "West") ? 3 : 0)
                + (Values.is(v, "Midwest") ? 2 : 0) + (Values.is(v, "South") ? 1 : 0));
        boolean[] stateUnknown = perValueTest(state, Values::unknown);
        double[] stagePts = perValue(stage, v -> (Values.anyOf(v, "opportunity|salesqualifiedlead") ? 10 : 0)
                + (Values.is(v, "marketingqualifiedlead") ? 5 : 0));
        boolean[] stageCustomer = perValueTest(stage, v -> Values.is(v, "customer"));
        boolean[] inCustomers = perLists(lists, l -> Values.inList(l, "Customers"));
        boolean[] inNewsletter = perLists(lists, l -> Values.inList(l, "Newsletter"));
        boolean[] excluded = perLists(lists, l -> !fit.inScope(l));
        double[] sourcePts = perValue(source, v -> Values.known(v) && !Values.is(v, "DIRECT_TRAFFIC") ? 2.5 : 0);
        boolean[] sourcePaid = perValueTest(source, v -> Values.is(v, "PAID_SEARCH"));
        Parallel.forRange(threads, t.size, 8192, (from, to) -> {
            double[] g = new double[4], go = new double[4];
            for (int i = from; i < to; i++) {
                int l = lists.codes[i] + 1;
                if (excluded[l]) continue;
                int c = country.codes[i] + 1, s = state.codes[i] + 1, st = stage.codes[i] + 1, so = source.codes[i] + 1;
                g[0] = persona[job.codes[i] + 1];
                g[1] = indPts[ind.codes[i] + 1] + empPts[emp.codes[i] + 1] + revPts[rev.codes[i] + 1];
                g[2] = countryPts[c] + statePts[s] - (countryUnknown[c] && stateUnknown[s] ? 10 : 0);
                g[3] = stagePts[st] - (stageCustomer[st] || inCustomers[l] ? 20 : 0) + (inNewsletter[l] ? 5 : 0)
                        + sourcePts[so] - (countryUs[c] || sourcePaid[so] ? 0 : 5);
                double v = fit.finish(g, go);
                out.put(fit.name(), i, v, fit.status(v), go);
            }
        });
    }

    // ------------------------------------------------------------------ health

    private void health(Scenario sc, DataSet data, long now, ScoredSummary out) throws Exception {
        Table co = data.table("company"), contacts = data.table("contact"), deals = data.table("deal"), tickets = data.table("ticket");
        ScoreSpec health = sc.score("Customer health");
        Column wau = co.column("weekly_active_users"), fa = co.column("feature_adoption"), nps = co.column("nps");
        double[] usagePts = perValue(wau, v -> (Values.ge(v, 50) ? 15 : 0) - (Values.lt(v, 5) || Values.unknown(v) ? 10 : 0));
        double[] faPts = perValue(fa, v -> Values.ge(v, 0.5) ? 10 : 0);
        double[] npsPts = perValue(nps, v -> (Values.ge(v, 9) ? 20 : 0) + (Values.between(v, 7, 8) ? 10 : 0) - (Values.le(v, 6) ? 15 : 0));
        Column stage = deals.column("dealstage");
        boolean[] won = perValueTest(stage, v -> Values.is(v, "closedwon"));
        boolean[] lost = perValueTest(stage, v -> Values.is(v, "closedlost"));
        Column sla = tickets.column("sla_status"), prio = tickets.column("priority");
        double[] slaPts = perValue(sla, v -> (Values.is(v, "Overdue") ? -3 : 0) + (Values.is(v, "Completed late") ? -1 : 0));
        boolean[] slaMatch = perValueTest(sla, v -> Values.is(v, "Overdue") || Values.is(v, "Completed late"));
        boolean[] overdue = perValueTest(sla, v -> Values.is(v, "Overdue"));
        boolean[] onTime = perValueTest(sla, v -> Values.is(v, "On time"));
        boolean[] high = perValueTest(prio, v -> Values.is(v, "High"));
        Column lc = contacts.column("lifecyclestage");
        double[] lcPts = perValue(lc, v -> (Values.is(v, "customer") ? 2 : 0) + (Values.is(v, "evangelist") ? 4 : 0)
                + (Values.is(v, "opportunity") ? 1 : 0));
        boolean[] lcMatch = perValueTest(lc, v -> Values.anyOf(v, "customer|evangelist|opportunity"));
        int[] code = eventCodes(data, "call_started", "meeting_booked", "meeting_completed", "cta_click",
                "marketing_email_open", "marketing_email_click", "page_view", "form_submission");
        double[] pricing = perEventProp(data, "url", v -> Values.contains(v, "pricing") ? 1 : 0);
        Links toDeal = data.links("company", "deal"), toTicket = data.links("company", "ticket"), toContact = data.links("company", "contact");
        boolean[] champion = new boolean[toContact.labelDict.size() + 1];
        for (int k = 0; k < toContact.labelDict.size(); k++) champion[k + 1] = Values.inList(toContact.labelDict.get(k), "Champion");
        int[] evStart = contacts.evStart, evType = contacts.evType, evProps = contacts.evProps;
        long[] evAt = contacts.evAt;
        Parallel.forRange(threads, co.size, 64, (from, to) -> {
            double[] g = new double[4], go = new double[4];
            for (int c = from; c < to; c++) {
                double usage = usagePts[wau.codes[c] + 1] + faPts[fa.codes[c] + 1];
                boolean anyWon = false;
                for (int k = toDeal.start[c]; k < toDeal.start[c + 1]; k++) {
                    int s = stage.codes[toDeal.target[k]] + 1;
                    if (won[s]) anyWon = true;
                    if (lost[s]) usage -= 2;
                }
                if (anyWon) usage += 5;

                double eng = 0, pricingSum = 0, lcSum = 0;
                int calls = 0, pricingCount = 0, lcCount = 0;
                long callNewest = Long.MIN_VALUE;
                for (int k = toContact.start[c]; k < toContact.start[c + 1]; k++) {
                    int p = toContact.target[k];
                    boolean champ = champion[toContact.labels[k] + 1];
                    int l = lc.codes[p] + 1;
                    if (lcMatch[l]) { lcSum += lcPts[l]; lcCount++; }
                    for (int e = evStart[p], end = evStart[p + 1]; e < end; e++) {
                        long at = evAt[e];
                        if (at > now) continue;
                        long age = now - at;
                        switch (code[evType[e]]) {
                            case COMPLETED -> eng += 2 * factor(age, 50, 3);
                            case CLICK -> { if (age <= 90 * DAY) eng += 0.5 * factor(age, 50, 3); }
                            case BOOKED -> { if (champ) eng += 3 * factor(age, 50, 3); }
                            case CALL -> { if (age <= 30 * DAY) { calls++; if (at > callNewest) callNewest = at; } }
                            case VIEW -> {
                                if (pricing[evProps[e] + 1] != 0) { pricingSum += 4 * factor(age, 50, 3); pricingCount++; }
                            }
                            default -> { }
                        }
                    }
                }
                if (calls >= 2) eng += 10 * factor(now - callNewest, 50, 3);
                if (pricingCount > 0) eng += pricingSum / pricingCount;
                if (lcCount > 0) eng += lcSum / lcCount;

                double support = 0;
                boolean anyOnTime = false;
                for (int k = toTicket.start[c]; k < toTicket.start[c + 1]; k++) {
                    int tk = toTicket.target[k];
                    int s = sla.codes[tk] + 1;
                    if (slaMatch[s]) support += slaPts[s];
                    if (overdue[s] && high[prio.codes[tk] + 1]) support -= 2;
                    if (onTime[s]) anyOnTime = true;
                }
                if (anyOnTime) support += 4;

                g[0] = usage;
                g[1] = npsPts[nps.codes[c] + 1];
                g[2] = eng;
                g[3] = support;
                double v = health.finish(g, go);
                out.put(health.name(), c, v, health.status(v), go);
            }
        });
    }

    // ------------------------------------------------------------------ rollup

    /** A date property as epoch ms (a date at 00:00 UTC, or an instant), or Long.MIN_VALUE when unknown or not a date. */
    static long instantOf(Object v) {
        if (!(v instanceof String text)) return Long.MIN_VALUE;
        String t = text.trim();
        try {
            return t.length() == 10 ? java.time.LocalDate.parse(t).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli()
                    : Instant.parse(t).toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            return Long.MIN_VALUE;
        }
    }

    /** The UTC day, ISO week (from Monday 00:00 UTC; 1970-01-01 was a Thursday) and UTC calendar month of an instant. */
    private static long day(long at) {
        return Math.floorDiv(at, DAY);
    }

    private static long week(long at) {
        return Math.floorDiv(day(at) + 3, 7);
    }

    private static long month(long at) {
        java.time.LocalDate d = java.time.LocalDate.ofEpochDay(day(at));
        return d.getYear() * 12L + d.getMonthValue();
    }

    /**
     * How many of the sorted periods {@code p[0..n)} count under a cap of {@code k} per period:
     * the k oldest of each (every event of these rules gives the same points, undecayed).
     */
    private static int capped(long[] p, int n, int k) {
        java.util.Arrays.sort(p, 0, n);
        int counted = 0, run = 0;
        for (int j = 0; j < n; j++) {
            run = j > 0 && p[j] == p[j - 1] ? run + 1 : 1;
            if (run <= k) counted++;
        }
        return counted;
    }

    private void rollup(Scenario sc, DataSet data, long now, ScoredSummary out) throws Exception {
        Table contacts = data.table("contact"), co = data.table("company");
        ScoreSpec lead = sc.score("Contact lead"), rollup = sc.score("Company rollup");
        int[] code = eventCodes(data, "call_started", "meeting_booked", "meeting_completed", "cta_click",
                "marketing_email_open", "marketing_email_click", "page_view", "form_submission");
        Column recycled = contacts.column("recycled_at");
        long[] since = new long[recycled.dict.size() + 1];
        since[0] = Long.MIN_VALUE;
        for (int k = 0; k < recycled.dict.size(); k++) since[k + 1] = instantOf(recycled.dictValue(k));
        int[] evStart = contacts.evStart, evType = contacts.evType;
        long[] evAt = contacts.evAt;
        double[] leadValue = new double[contacts.size];
        long[] newestMeeting = new long[contacts.size]; // of meeting_completed, for the count rule (MIN_VALUE: none)
        Parallel.forRange(threads, contacts.size, 4096, (from, to) -> {
            double[] g = new double[2], go = new double[2];
            long[] views = new long[64], clicks = new long[64], forms = new long[64];
            for (int i = from; i < to; i++) {
                long bound = since[recycled.codes[i] + 1];
                int nv = 0, nc = 0, nf = 0, ctas = 0;
                double activity = 0;
                long ctaNewest = Long.MIN_VALUE, meeting = Long.MIN_VALUE;
                int end = evStart[i + 1];
                if (end - evStart[i] > views.length) {
                    views = new long[end - evStart[i]];
                    clicks = new long[views.length];
                    forms = new long[views.length];
                }
                for (int k = evStart[i]; k < end; k++) {
                    long at = evAt[k];
                    if (at > now) continue;
                    switch (code[evType[k]]) {
                        case VIEW -> { if (at >= bound) views[nv++] = week(at); }
                        case CLICK -> { if (at >= bound) clicks[nc++] = month(at); }
                        case COMPLETED -> {
                            if (at >= bound) activity += 15;
                            meeting = Math.max(meeting, at);
                        }
                        case FORM -> forms[nf++] = at;
                        case CTA -> { if (now - at <= 30 * DAY) { ctas++; ctaNewest = Math.max(ctaNewest, at); } }
                        default -> { }
                    }
                }
                activity += 5 * capped(views, nv, 1) + 3 * capped(clicks, nc, 1);
                // at most 1 form a day: the oldest of each day, decayed by its own age
                java.util.Arrays.sort(forms, 0, nf);
                double intent = 0;
                for (int j = 0; j < nf; j++) {
                    if (j == 0 || day(forms[j]) != day(forms[j - 1])) intent += 10 * factor(now - forms[j], 50, 1);
                }
                if (ctas >= 2) intent += 8 * factor(now - ctaNewest, 50, 1);
                g[0] = activity;
                g[1] = intent;
                double v = lead.finish(g, go);
                leadValue[i] = v;
                newestMeeting[i] = meeting;
                out.put(lead.name(), i, v, lead.status(v), go);
            }
        });
        Links toContact = data.links("company", "contact");
        boolean[] champion = new boolean[toContact.labelDict.size() + 1];
        for (int k = 0; k < toContact.labelDict.size(); k++) champion[k + 1] = Values.inList(toContact.labelDict.get(k), "Champion");
        Parallel.forRange(threads, co.size, 256, (from, to) -> {
            double[] g = new double[2], go = new double[2];
            for (int c = from; c < to; c++) {
                int n = toContact.start[c + 1] - toContact.start[c], high = 0;
                double sum = 0, max = 0;
                boolean championMet = false;
                for (int k = toContact.start[c]; k < toContact.start[c + 1]; k++) {
                    int p = toContact.target[k];
                    double l = leadValue[p];
                    sum += l;
                    max = k == toContact.start[c] ? l : Math.max(max, l);
                    if (l >= 40) high++;
                    if (champion[toContact.labels[k] + 1] && newestMeeting[p] != Long.MIN_VALUE && now - newestMeeting[p] <= 90 * DAY) {
                        championMet = true;
                    }
                }
                g[0] = (n == 0 ? 0 : Math.min(40, sum / n)) + (n == 0 ? 0 : Math.min(20, 0.2 * max));
                g[1] = (high >= 3 ? 20 : 0) + (championMet ? 10 : 0) + (n >= 10 ? 10 : 0);
                double v = rollup.finish(g, go);
                out.put(rollup.name(), c, v, rollup.status(v), go);
            }
        });
    }
}
