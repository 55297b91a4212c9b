package dev.scoreline.bench;

import dev.scoreline.bench.internal.Parallel;
import dev.scoreline.bench.internal.drools.EventFact;
import dev.scoreline.bench.internal.drools.Hits;
import dev.scoreline.bench.internal.drools.Hits.Kind;
import dev.scoreline.bench.internal.drools.Hits.Rule;
import dev.scoreline.bench.internal.drools.LinkFact;
import dev.scoreline.bench.internal.drools.RecordFact;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieContainerSessionsPool;
import org.kie.api.runtime.KieSession;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Drools the naive way, by definition not optimized: rules written by hand in DRL
 * ({@code drl/<scenario>.drl}, compiled with drools-mvel), one pooled KieSession per scored record
 * (reset between records), the record and EVERY event inserted as facts (for the health score: the
 * company, its association facts, deals, tickets, contacts and every event of those contacts). Rule
 * consequences report matches to a {@link Hits} global; Java then does decay, aggregation,
 * clamps and statuses.
 */
public final class NaiveDroolsBaseline implements Contender {

    static final List<Rule> LEAD_RULES = List.of(
            Rule.of(0, 0, Kind.EVENT_SUM), Rule.of(0, 0, Kind.EVENT_SUM), Rule.of(0, 0, Kind.EVENT_SUM),
            Rule.of(0, 1, Kind.EVENT_SUM), Rule.of(0, 1, Kind.EVENT_SUM), Rule.of(0, 1, Kind.EVENT_SUM),
            Rule.of(1, 0, Kind.EVENT_SUM), Rule.of(1, 0, Kind.EVENT_SUM), Rule.of(1, 0, Kind.EVENT_SUM),
            Rule.frequency(1, 1, 25, 1, Long.MAX_VALUE), Rule.frequency(1, 1, -10, 0, 0), Rule.frequency(1, 1, 10, 3, 10),
            Rule.of(2, 0, Kind.RECORD_SUM), Rule.of(2, 0, Kind.RECORD_SUM), Rule.of(2, 0, Kind.RECORD_SUM),
            Rule.of(2, 1, Kind.RECORD_SUM), Rule.of(2, 1, Kind.RECORD_SUM), Rule.of(2, 1, Kind.RECORD_SUM),
            Rule.of(2, 1, Kind.RECORD_SUM));

    static final List<Rule> FIT_RULES;
    static {
        List<Rule> r = new ArrayList<>();
        int[] groupOfRule = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3};
        for (int g : groupOfRule) r.add(Rule.of(0, g, Kind.RECORD_SUM));
        FIT_RULES = List.copyOf(r);
    }

    static final List<Rule> HEALTH_RULES = List.of(
            Rule.of(0, 0, Kind.RECORD_SUM), Rule.of(0, 0, Kind.RECORD_SUM), Rule.of(0, 0, Kind.RECORD_SUM),
            Rule.of(0, 0, Kind.RECORD_MAX), Rule.of(0, 0, Kind.RECORD_SUM),
            Rule.of(0, 1, Kind.RECORD_SUM), Rule.of(0, 1, Kind.RECORD_SUM), Rule.of(0, 1, Kind.RECORD_SUM),
            Rule.of(0, 2, Kind.EVENT_SUM), Rule.of(0, 2, Kind.EVENT_SUM), Rule.of(0, 2, Kind.EVENT_SUM),
            Rule.frequency(0, 2, 10, 2, Long.MAX_VALUE), Rule.of(0, 2, Kind.EVENT_AVG), Rule.of(0, 2, Kind.RECORD_AVG),
            Rule.of(0, 3, Kind.RECORD_SUM), Rule.of(0, 3, Kind.RECORD_SUM), Rule.of(0, 3, Kind.RECORD_MAX));

    private final int threads;
    private KieContainer container;
    private KieContainerSessionsPool pool;
    private String built;

    public NaiveDroolsBaseline(int threads) {
        this.threads = threads;
    }

    @Override
    public String name() {
        return "naive-drools-" + threads + "t";
    }

    /** The DRL baseline is written for lead, fit and health; the rollup of scores reading scores has none. */
    @Override
    public boolean supports(Scenario scenario) {
        return !scenario.name.equals("rollup");
    }

    static List<Rule> rules(Scenario sc) {
        return switch (sc.name) {
            case "lead" -> LEAD_RULES;
            case "fit" -> FIT_RULES;
            case "health" -> HEALTH_RULES;
            default -> throw new IllegalArgumentException("no DRL for " + sc);
        };
    }

    /** Compiles the scenario's DRL into a rule base (timed as load). */
    @Override
    public void load(Scenario scenario, DataSet data, Instant asOf) throws Exception {
        if (scenario.name.equals(built)) return;
        close();
        String drl = DuckDbBaseline.resource("drl/" + scenario.name + ".drl");
        KieServices ks = KieServices.Factory.get();
        ReleaseId id = ks.newReleaseId("dev.scoreline.bench", "naive-" + scenario.name, "1." + Integer.toHexString(drl.hashCode() & 0x7fffffff));
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(id);
        kfs.write("src/main/resources/dev/scoreline/bench/drl/" + scenario.name + "/" + scenario.name + ".drl", drl);
        KieBuilder kb = ks.newKieBuilder(kfs).buildAll();
        List<Message> errors = kb.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) throw new IllegalStateException("DRL of " + scenario + " does not compile: " + errors);
        container = ks.newKieContainer(id);
        pool = container.newKieSessionsPool(Math.max(1, threads));
        built = scenario.name;
    }

    @Override
    public ScoredSummary score(Scenario scenario, DataSet data, Instant asOf) throws Exception {
        load(scenario, data, asOf);
        ScoredSummary out = new ScoredSummary(scenario, data);
        long now = asOf.toEpochMilli();
        Table table = data.table(scenario.objectType);
        List<Rule> rules = rules(scenario);
        Parallel.forRange(threads, table.size, 256, (from, to) -> {
            Hits hits = new Hits(scenario.scores, rules, now);
            for (int i = from; i < to; i++) {
                RecordFact record = recordFact(table, i);
                boolean[] inScope = new boolean[scenario.scores.size()];
                boolean any = false;
                for (int s = 0; s < inScope.length; s++) any |= inScope[s] = scenario.scores.get(s).inScope(record.getLists());
                if (!any) continue;
                hits.reset();
                KieSession session = pool.newKieSession();
                try {
                    session.setGlobal("hits", hits);
                    session.setGlobal("now", now);
                    session.insert(record);
                    insertEvents(session, data, table, i);
                    if (scenario.name.equals("health")) insertAssociated(session, data, i);
                    session.fireAllRules();
                } finally {
                    session.dispose();
                }
                double[][] sums = hits.groupSums();
                for (int s = 0; s < inScope.length; s++) {
                    if (!inScope[s]) continue;
                    ScoreSpec spec = scenario.scores.get(s);
                    double[] g = new double[spec.groups().size()];
                    double v = spec.finish(sums[s], g);
                    out.put(spec.name(), i, v, spec.status(v), g);
                }
            }
        });
        return out;
    }

    private static RecordFact recordFact(Table t, int i) {
        Map<String, Object> props = new HashMap<>();
        for (Map.Entry<String, Column> c : t.columns().entrySet()) {
            if (c.getValue().codes[i] >= 0) props.put(c.getKey(), c.getValue().value(i));
        }
        @SuppressWarnings("unchecked")
        List<String> lists = t.lists.codes[i] < 0 ? List.of() : (List<String>) t.lists.value(i);
        return new RecordFact(t.type, i, props, lists);
    }

    private static void insertEvents(KieSession session, DataSet data, Table t, int i) {
        for (int k = t.evStart[i]; k < t.evStart[i + 1]; k++) {
            int p = t.evProps[k];
            Map<String, Object> props = p < 0 ? Map.of() : lowerKeys(data.eventProps.get(p));
            session.insert(new EventFact(t.type, i, data.eventTypes.get(t.evType[k]).trim().toLowerCase(Locale.ROOT),
                    t.evAt[k], props));
        }
    }

    private static Map<String, Object> lowerKeys(Map<String, Object> m) {
        boolean lower = true;
        for (String k : m.keySet()) if (!k.equals(k.toLowerCase(Locale.ROOT))) { lower = false; break; }
        if (lower) return m;
        Map<String, Object> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        return out;
    }

    /** The company's deals, tickets and contacts, their association facts, and every event of those contacts. */
    private static void insertAssociated(KieSession session, DataSet data, int company) {
        for (String type : new String[]{"deal", "ticket", "contact"}) {
            Links links = data.links("company", type);
            Table t = data.table(type);
            for (int k = links.start[company]; k < links.start[company + 1]; k++) {
                int target = links.target[k];
                session.insert(new LinkFact("company", company, type, target, links.labelsAt(k)));
                session.insert(recordFact(t, target));
                if (type.equals("contact")) insertEvents(session, data, t, target);
            }
        }
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdown();
        if (container != null) container.dispose();
        pool = null;
        container = null;
        built = null;
    }
}
