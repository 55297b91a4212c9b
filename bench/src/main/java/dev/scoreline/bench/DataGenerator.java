package dev.scoreline.bench;

import dev.scoreline.bench.internal.WriteOnce;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded synthetic CRM data at any size: contacts, companies, deals, tickets, a year of events per
 * contact and the associations between them.
 *
 * <p>Every entity draws from its own {@link SplittableRandom} derived from (seed, kind, index), so
 * the same seed gives the same data whether it is streamed to a jsonl folder
 * ({@link #write(Path)}, constant memory: 30M events are fine) or built in memory
 * ({@link #generate()}), and in whatever order entities are produced.
 *
 * <p>Company sizes are skewed (a truncated Pareto between {@code minContactsPerCompany} and
 * {@code maxContactsPerCompany}); contacts are handed to companies in order until they run out, so
 * the last companies may have none, and when the companies' sizes add up to fewer than the
 * contacts the remaining contacts have no company.
 *
 * <p>The data deliberately holds what the spec's matching rules are about: mixed case and
 * surrounding spaces, numbers written as strings, values that do not read as numbers ("n/a"),
 * empty strings and empty arrays (unknown), multi-valued properties, list names in another case,
 * events written with epoch milliseconds, and a few events after the as-of instant.
 */
public final class DataGenerator {

    /** What to generate. */
    public record Config(int contacts, int companies, double eventsPerContact, long seed, Instant asOf,
                         int minContactsPerCompany, int maxContactsPerCompany,
                         int maxDealsPerCompany, int maxTicketsPerCompany) {

        public static final Instant DEFAULT_AS_OF = Instant.parse("2026-03-01T00:00:00Z");

        public Config {
            if (contacts < 0 || companies < 0 || eventsPerContact < 0) throw new IllegalArgumentException("negative size");
            if (minContactsPerCompany < 1 || maxContactsPerCompany < minContactsPerCompany) {
                throw new IllegalArgumentException("need 1 <= min contacts per company <= max");
            }
        }

        public static Config of(int contacts, int companies, double eventsPerContact, long seed) {
            return new Config(contacts, companies, eventsPerContact, seed, DEFAULT_AS_OF, 10, 5000, 4, 6);
        }

        public Config withCompanySizes(int min, int max) {
            return new Config(contacts, companies, eventsPerContact, seed, asOf, min, max, maxDealsPerCompany, maxTicketsPerCompany);
        }

        public Config withAsOf(Instant asOf) {
            return new Config(contacts, companies, eventsPerContact, seed, asOf, minContactsPerCompany,
                    maxContactsPerCompany, maxDealsPerCompany, maxTicketsPerCompany);
        }
    }

    static final String[] JOBTITLES = {
        "CEO", "CTO", "Chief Marketing Officer", "VP Sales", "VP of Engineering", " vp marketing ", "Head of Growth",
        "Director of Marketing", "IT Director", "Marketing Manager", "Sales Manager", "Assistant Manager",
        "Software Engineer", "Senior Software Engineer", "Data Analyst", "Consultant", "Student", "Marketing Intern",
        "Account Executive", "Office Assistant", "Founder", "Product Manager", "HEAD OF IT"};
    static final String[] INDUSTRIES = {
        "Software", "Financial Services", "Healthcare", "Retail", "Education", "Manufacturing", "Media",
        "Government", " software ", "financial services"};
    static final String[] COUNTRIES = {
        "United States", "Canada", "United Kingdom", "Germany", "France", "Netherlands", "India", "Brazil",
        "Australia", "Japan"};
    static final String[] REGIONS = {"Northeast", "West", "Midwest", "South", "EMEA", "APAC"};
    static final String[] STAGES = {
        "subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer", "evangelist"};
    static final String[] SOURCES = {
        "ORGANIC_SEARCH", "PAID_SEARCH", "EMAIL_MARKETING", "SOCIAL_MEDIA", "REFERRALS", "DIRECT_TRAFFIC"};
    static final String[] DEAL_STAGES = {
        "appointmentscheduled", "qualifiedtobuy", "presentationscheduled", "decisionmakerboughtin", "contractsent",
        "closedwon", "closedlost"};
    static final String[] FORMS = {
        "Contact us", "Demo request", "Newsletter signup", "Pricing inquiry", "Webinar registration", " demo request "};
    static final String[] URLS = {
        "https://example.com/pricing", "https://example.com/pricing/enterprise", "https://example.com/product",
        "https://example.com/blog/scoring-101", "https://example.com/blog/crm-hygiene", "https://example.com/docs/start",
        "https://example.com/", "https://example.com/about", "https://EXAMPLE.com/Pricing?plan=pro", "https://example.com/careers"};
    /** Event types and their weights (per mille). */
    static final String[] EVENT_TYPES = {
        "page_view", "marketing_email_open", "marketing_email_click", "cta_click", "form_submission",
        "call_started", "meeting_booked", "meeting_completed"};
    static final int[] EVENT_WEIGHTS = {340, 250, 110, 90, 60, 60, 50, 40};

    private static final long DAY = 86_400_000L;
    private static final int K_SIZES = 1, K_CONTACT = 2, K_EVENTS = 3, K_COMPANY = 4, K_DEAL = 5, K_TICKET = 6, K_RECYCLED = 7, K_OUTCOME = 8;

    private final Config config;
    private final long asOfMs;
    /** Contacts of company c: [contactStart[c], contactStart[c+1]). */
    private final int[] contactStart;
    private final int[] dealStart;
    private final int[] ticketStart;

    public DataGenerator(Config config) {
        this.config = config;
        this.asOfMs = config.asOf().toEpochMilli();
        int nc = config.companies();
        contactStart = new int[nc + 1];
        SplittableRandom sizes = rng(config.seed(), K_SIZES, 0);
        int assigned = 0;
        double min = config.minContactsPerCompany(), max = config.maxContactsPerCompany(), alpha = 1.1;
        double ratio = Math.pow(min / max, alpha);
        for (int c = 0; c < nc; c++) {
            // truncated Pareto by inversion
            double u = sizes.nextDouble();
            int size = (int) Math.floor(min / Math.pow(1 - u * (1 - ratio), 1 / alpha));
            size = Math.max(config.minContactsPerCompany(), Math.min(config.maxContactsPerCompany(), size));
            size = Math.min(size, config.contacts() - assigned);
            contactStart[c] = assigned;
            assigned += size;
        }
        contactStart[nc] = assigned;
        dealStart = new int[nc + 1];
        ticketStart = new int[nc + 1];
        for (int c = 0; c < nc; c++) {
            SplittableRandom r = rng(config.seed(), K_COMPANY, c);
            r.nextLong(); // the first draw of a company stream decides its deal and ticket counts
            dealStart[c + 1] = dealStart[c] + r.nextInt(config.maxDealsPerCompany() + 1);
            ticketStart[c + 1] = ticketStart[c] + r.nextInt(config.maxTicketsPerCompany() + 1);
        }
    }

    public Config config() {
        return config;
    }

    private boolean plantOutcome;

    /** Also writes a planted outcome ({@link PlantedOutcome}): lifecycle_change events a suggestion should explain. */
    public DataGenerator plantOutcome(boolean plant) {
        this.plantOutcome = plant;
        return this;
    }

    public int deals() {
        return dealStart[config.companies()];
    }

    public int tickets() {
        return ticketStart[config.companies()];
    }

    /** The company of a contact, or -1. */
    public int companyOf(int contact) {
        if (contact >= contactStart[config.companies()]) return -1;
        int lo = 0, hi = config.companies() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (contactStart[mid] <= contact) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    private static int owner(int[] start, int item) {
        int lo = 0, hi = start.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (start[mid] <= item) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    static SplittableRandom rng(long seed, int kind, long index) {
        return new SplittableRandom(mix(mix(seed ^ (kind * 0x9E3779B97F4A7C15L)) + index));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public static String contactId(int i) { return "c" + (i + 1); }
    public static String companyId(int i) { return "co" + (i + 1); }
    public static String dealId(int i) { return "d" + (i + 1); }
    public static String ticketId(int i) { return "t" + (i + 1); }

    // ---------------------------------------------------------------- entities

    /** A generated record: its properties, lists, and (contacts) the labels of its company link. */
    record Rec(Map<String, Object> props, List<String> lists, List<String> linkLabels) { }

    /** A generated event; {@code epochForm}: written as epoch milliseconds rather than ISO-8601. */
    record Ev(int type, long at, Map<String, Object> props, boolean epochForm) { }

    private static String pick(SplittableRandom r, String[] a) {
        return a[r.nextInt(a.length)];
    }

    /** A log-uniform number between lo and hi with 2 significant digits. */
    private static long roundNumber(SplittableRandom r, double lo, double hi) {
        double v = Math.exp(Math.log(lo) + r.nextDouble() * (Math.log(hi) - Math.log(lo)));
        double mag = Math.pow(10, Math.floor(Math.log10(v)) - 1);
        return Math.max(1, Math.round(Math.round(v / mag) * mag));
    }

    Rec contact(int i) {
        SplittableRandom r = rng(config.seed(), K_CONTACT, i);
        Map<String, Object> p = new LinkedHashMap<>();
        double u = r.nextDouble();
        if (u < 0.92) p.put("jobtitle", pick(r, JOBTITLES)); else if (u < 0.96) p.put("jobtitle", "");
        if (r.nextDouble() < 0.9) p.put("industry", pick(r, INDUSTRIES));
        u = r.nextDouble();
        long emp = roundNumber(r, 1, 50_000);
        if (r.nextDouble() < 0.1) emp = new long[]{10, 50, 199, 200, 1000, 5000}[r.nextInt(6)];
        if (u < 0.80) p.put("numberofemployees", emp);
        else if (u < 0.88) p.put("numberofemployees", Long.toString(emp));
        else if (u < 0.92) p.put("numberofemployees", "n/a");
        u = r.nextDouble();
        if (u < 0.72) p.put("annualrevenue", roundNumber(r, 10_000, 1_000_000_000));
        else if (u < 0.80) p.put("annualrevenue", new Object[]{new BigDecimal("9999999.99"), 1_000_000L, 10_000_000L,
                new BigDecimal("2500000.50")}[r.nextInt(4)]);
        u = r.nextDouble();
        if (u < 0.85) p.put("country", pick(r, COUNTRIES)); else if (u < 0.90) p.put("country", " united states ");
        u = r.nextDouble();
        if (u < 0.60) p.put("state", pick(r, REGIONS));
        else if (u < 0.75) {
            int a = r.nextInt(REGIONS.length), b = (a + 1 + r.nextInt(REGIONS.length - 1)) % REGIONS.length;
            p.put("state", List.of(REGIONS[a], REGIONS[b]));
        } else if (u < 0.80) p.put("state", List.of());
        if (r.nextDouble() < 0.95) p.put("lifecyclestage", pick(r, STAGES));
        u = r.nextDouble();
        if (u < 0.80) p.put("hs_analytics_source", pick(r, SOURCES)); else if (u < 0.85) p.put("hs_analytics_source", "");
        recycledAt(i, p);
        List<String> lists = new ArrayList<>(2);
        if (r.nextDouble() < 0.30) lists.add(r.nextDouble() < 0.1 ? " newsletter " : "Newsletter");
        if (r.nextDouble() < 0.05) lists.add("Unsubscribed");
        if (r.nextDouble() < 0.10) lists.add("Webinar attendees");
        if (r.nextDouble() < 0.08) lists.add("Customers");
        u = r.nextDouble();
        List<String> labels = u < 0.07 ? List.of("Champion") : u < 0.11 ? List.of("Billing")
                : u < 0.12 ? List.of("Champion", "Billing") : List.of();
        return new Rec(p, lists, labels);
    }

    /**
     * A contact's {@code recycled_at} (the rollup scenario's {@code since}), drawn from a stream of
     * its own so the other properties stay what they were: for 35% a day of the last year (a date,
     * or for a few an instant), for 3% text that is not a date (no bound), else none.
     */
    private void recycledAt(int i, Map<String, Object> p) {
        SplittableRandom r = rng(config.seed(), K_RECYCLED, i);
        double u = r.nextDouble();
        long at = asOfMs - r.nextLong(365) * DAY;
        if (u < 0.30) p.put("recycled_at", Instant.ofEpochMilli(at).toString().substring(0, 10));
        else if (u < 0.35) p.put("recycled_at", Instant.ofEpochMilli(at + r.nextLong(DAY / 1000) * 1000).toString());
        else if (u < 0.38) p.put("recycled_at", "n/a");
    }

    private static final Map<String, Object>[] FORM_PROPS = props("form_name", FORMS);
    private static final Map<String, Object>[] URL_PROPS = props("url", URLS);

    @SuppressWarnings("unchecked")
    private static Map<String, Object>[] props(String key, String[] values) {
        Map<String, Object>[] out = new Map[values.length];
        for (int i = 0; i < values.length; i++) out[i] = Map.of(key, values[i]);
        return out;
    }

    /** Produces the events of contact i, in no particular order. */
    void contactEvents(int i, java.util.function.Consumer<Ev> out) {
        SplittableRandom r = rng(config.seed(), K_EVENTS, i);
        double mean = config.eventsPerContact();
        int n = mean <= 0 ? 0 : (int) Math.min(Math.round(-mean * Math.log(1 - r.nextDouble())), 40 * mean + 10);
        for (int k = 0; k < n; k++) {
            int t = eventType(r);
            long at;
            if (r.nextInt(200) == 0) {
                at = asOfMs + r.nextLong(5 * DAY); // a few events after NOW: ignored by every score
            } else {
                at = asOfMs - r.nextLong(365 * DAY);
            }
            at -= Math.floorMod(at, 1000L);
            out.accept(new Ev(t, at, eventProps(t, r), r.nextInt(50) == 0));
        }
    }

    /** An event type drawn by {@link #EVENT_WEIGHTS}: an index into {@link #EVENT_TYPES}. */
    static int eventType(SplittableRandom r) {
        int w = r.nextInt(1000), t = 0;
        while (w >= EVENT_WEIGHTS[t]) w -= EVENT_WEIGHTS[t++];
        return t;
    }

    /** The properties of an event of type {@code t}: a form name or a URL, or null for the others. */
    static Map<String, Object> eventProps(int t, SplittableRandom r) {
        return switch (EVENT_TYPES[t]) {
            case "form_submission" -> FORM_PROPS[r.nextInt(FORMS.length)];
            case "page_view" -> URL_PROPS[r.nextInt(URLS.length)];
            default -> null;
        };
    }

    Rec company(int c) {
        SplittableRandom r = rng(config.seed(), K_COMPANY, c);
        r.nextLong();
        r.nextInt(config.maxDealsPerCompany() + 1);
        r.nextInt(config.maxTicketsPerCompany() + 1);
        Map<String, Object> p = new LinkedHashMap<>();
        if (r.nextDouble() < 0.95) p.put("industry", pick(r, INDUSTRIES));
        double u = r.nextDouble();
        if (u < 0.70) p.put("nps", (long) Math.min(10, Math.round(10 * Math.sqrt(r.nextDouble()))));
        else if (u < 0.75) p.put("nps", new BigDecimal("7.5"));
        else if (u < 0.80) p.put("nps", Integer.toString(r.nextInt(11)));
        else if (u < 0.85) p.put("nps", "n/a");
        if (r.nextDouble() < 0.85) p.put("weekly_active_users", (long) Math.floor(Math.exp(r.nextDouble() * Math.log(2000))) - 1);
        if (r.nextDouble() < 0.80) p.put("feature_adoption", BigDecimal.valueOf(r.nextInt(101), 2));
        p.put("numberofemployees", roundNumber(r, 1, 100_000));
        if (r.nextDouble() < 0.9) p.put("country", pick(r, COUNTRIES));
        return new Rec(p, List.of(), List.of());
    }

    Rec deal(int d) {
        SplittableRandom r = rng(config.seed(), K_DEAL, d);
        Map<String, Object> p = new LinkedHashMap<>();
        if (r.nextDouble() < 0.97) p.put("dealstage", pick(r, DEAL_STAGES));
        p.put("amount", roundNumber(r, 500, 2_000_000));
        return new Rec(p, List.of(), List.of());
    }

    /** A ticket; {@code linkLabels} holds "reversed" when its association is written ticket→company. */
    Rec ticket(int t) {
        SplittableRandom r = rng(config.seed(), K_TICKET, t);
        Map<String, Object> p = new LinkedHashMap<>();
        double u = r.nextDouble();
        if (u < 0.55) p.put("sla_status", "On time");
        else if (u < 0.75) p.put("sla_status", "Overdue");
        else if (u < 0.87) p.put("sla_status", "Completed late");
        else if (u < 0.92) p.put("sla_status", List.of("Overdue", "Completed late"));
        u = r.nextDouble();
        p.put("priority", u < 0.2 ? "High" : u < 0.7 ? "Medium" : "Low");
        return new Rec(p, List.of(), r.nextDouble() < 0.3 ? List.of("reversed") : List.of());
    }

    // ---------------------------------------------------------------- in memory

    /** The whole data set in memory. */
    public DataSet generate() {
        DataSetBuilder b = new DataSetBuilder(false).seed(config.seed());
        int n = config.contacts();
        for (int i = 0; i < n; i++) {
            Rec c = contact(i);
            b.record("contact", contactId(i), c.props(), c.lists());
        }
        for (int c = 0; c < config.companies(); c++) b.record("company", companyId(c), company(c).props(), null);
        for (int d = 0; d < deals(); d++) b.record("deal", dealId(d), deal(d).props(), null);
        for (int t = 0; t < tickets(); t++) b.record("ticket", ticketId(t), ticket(t).props(), null);
        int[] typeCodes = new int[EVENT_TYPES.length];
        for (int t = 0; t < EVENT_TYPES.length; t++) typeCodes[t] = b.eventTypeCode(EVENT_TYPES[t]);
        for (int i = 0; i < n; i++) {
            final int owner = i;
            contactEvents(i, e -> b.event("contact", owner, typeCodes[e.type()], e.at(), b.eventPropsCode(e.props())));
        }
        for (int i = 0; i < n; i++) {
            int co = companyOf(i);
            if (co >= 0) b.association("contact", i, "company", co, b.labelsCode(contact(i).linkLabels()));
        }
        for (int c = 0; c < config.companies(); c++) {
            for (int d = dealStart[c]; d < dealStart[c + 1]; d++) b.association("company", c, "deal", d, -1);
            for (int t = ticketStart[c]; t < ticketStart[c + 1]; t++) b.association("company", c, "ticket", t, -1);
        }
        return b.build();
    }

    // ---------------------------------------------------------------- streaming to files

    /** The file of a written folder that holds the config it was generated with. */
    static final String MARKER = "generated-with";

    /**
     * Writes the folder unless {@code dir} already holds this configuration's data (the marker file
     * {@code generated-with} names it); returns whether it wrote.
     */
    public boolean writeOnce(Path dir) throws IOException {
        return WriteOnce.unless(dir.resolve(MARKER), config.toString(), () -> write(dir));
    }

    /** Writes records.jsonl, events.jsonl and associations.jsonl into {@code dir}; returns the number of events written. */
    public long write(Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder sb = new StringBuilder(512);
        try (Writer w = writer(dir.resolve("records.jsonl"))) {
            for (int i = 0; i < config.contacts(); i++) writeRecord(w, sb, "contact", contactId(i), contact(i));
            for (int c = 0; c < config.companies(); c++) writeRecord(w, sb, "company", companyId(c), company(c));
            for (int d = 0; d < deals(); d++) writeRecord(w, sb, "deal", dealId(d), deal(d));
            for (int t = 0; t < tickets(); t++) writeRecord(w, sb, "ticket", ticketId(t), ticket(t));
        }
        long[] events = {0};
        try (Writer w = writer(dir.resolve("events.jsonl"))) {
            for (int i = 0; i < config.contacts(); i++) {
                String key = "contact:" + contactId(i);
                List<Long> pricing = new ArrayList<>();
                contactEvents(i, e -> {
                    if (e.props() == URL_PROPS[0] || e.props() == URL_PROPS[1] || e.props() == URL_PROPS[8]) pricing.add(e.at());
                    sb.setLength(0);
                    sb.append("{\"record\":");
                    Json.string(sb, key);
                    sb.append(",\"type\":");
                    Json.string(sb, EVENT_TYPES[e.type()]);
                    sb.append(",\"at\":");
                    if (e.epochForm()) sb.append(e.at()); else Json.string(sb, Instant.ofEpochMilli(e.at()).toString());
                    if (e.props() != null) {
                        sb.append(",\"properties\":");
                        Json.value(sb, e.props());
                    }
                    sb.append("}\n");
                    try {
                        w.append(sb);
                    } catch (IOException x) {
                        throw new java.io.UncheckedIOException(x);
                    }
                    events[0]++;
                });
                if (plantOutcome) events[0] += PlantedOutcome.write(w, sb, key, contact(i), pricing, rng(config.seed(), K_OUTCOME, i), asOfMs);
            }
        } catch (java.io.UncheckedIOException x) {
            throw x.getCause();
        }
        try (Writer w = writer(dir.resolve("associations.jsonl"))) {
            for (int i = 0; i < config.contacts(); i++) {
                int co = companyOf(i);
                if (co < 0) continue;
                writeAssociation(w, sb, "contact:" + contactId(i), "company:" + companyId(co), contact(i).linkLabels());
            }
            for (int c = 0; c < config.companies(); c++) {
                String ck = "company:" + companyId(c);
                for (int d = dealStart[c]; d < dealStart[c + 1]; d++) writeAssociation(w, sb, ck, "deal:" + dealId(d), List.of());
                for (int t = ticketStart[c]; t < ticketStart[c + 1]; t++) {
                    if (ticket(t).linkLabels().isEmpty()) writeAssociation(w, sb, ck, "ticket:" + ticketId(t), List.of());
                    else writeAssociation(w, sb, "ticket:" + ticketId(t), ck, List.of());
                }
            }
        }
        return events[0];
    }

    private static Writer writer(Path p) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(p, StandardCharsets.UTF_8), 1 << 16);
    }

    private static void writeRecord(Writer w, StringBuilder sb, String type, String id, Rec r) throws IOException {
        sb.setLength(0);
        sb.append("{\"type\":");
        Json.string(sb, type);
        sb.append(",\"id\":");
        Json.string(sb, id);
        sb.append(",\"properties\":");
        Json.value(sb, r.props());
        if (!r.lists().isEmpty()) {
            sb.append(",\"lists\":");
            Json.value(sb, r.lists());
        }
        sb.append("}\n");
        w.append(sb);
    }

    private static void writeAssociation(Writer w, StringBuilder sb, String from, String to, List<String> labels) throws IOException {
        sb.setLength(0);
        sb.append("{\"from\":");
        Json.string(sb, from);
        sb.append(",\"to\":");
        Json.string(sb, to);
        if (!labels.isEmpty()) {
            sb.append(",\"labels\":");
            Json.value(sb, labels);
        }
        sb.append("}\n");
        w.append(sb);
    }

    // ---------------------------------------------------------------- command line

    /** {@code --contacts N --companies N --events-per-contact N --seed S --out DIR [--min-company-size N --max-company-size N]}. */
    public static void main(String[] args) throws IOException {
        int contacts = 1000, companies = -1;
        double events = 30;
        long seed = 42;
        int minSize = 10, maxSize = 5000;
        boolean plant = false;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--contacts" -> { contacts = Integer.parseInt(v); i++; }
                case "--companies" -> { companies = Integer.parseInt(v); i++; }
                case "--events-per-contact" -> { events = Double.parseDouble(v); i++; }
                case "--seed" -> { seed = Long.parseLong(v); i++; }
                case "--out" -> { out = Path.of(v); i++; }
                case "--min-company-size" -> { minSize = Integer.parseInt(v); i++; }
                case "--max-company-size" -> { maxSize = Integer.parseInt(v); i++; }
                case "--plant-outcome" -> plant = true;
                case "-h", "--help" -> { usage(); return; }
                default -> { System.err.println("unknown option " + a); usage(); System.exit(2); }
            }
        }
        if (out == null) { usage(); System.exit(2); }
        if (companies < 0) companies = Math.max(1, contacts / 5);
        Config config = Config.of(contacts, companies, events, seed).withCompanySizes(minSize, maxSize);
        long t0 = System.nanoTime();
        DataGenerator g = new DataGenerator(config).plantOutcome(plant);
        long n = g.write(out);
        System.err.printf("wrote %d contacts, %d companies, %d deals, %d tickets, %d events to %s in %.1f s%n",
                contacts, companies, g.deals(), g.tickets(), n, out, (System.nanoTime() - t0) / 1e9);
    }

    private static void usage() {
        System.err.println("usage: DataGenerator --contacts N [--companies N] [--events-per-contact N] [--seed S]"
                + " [--min-company-size N] [--max-company-size N] [--plant-outcome] --out DIR");
    }
}
