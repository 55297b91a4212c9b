package dev.scoreline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * backtest and suggest reading the data through a run config (the quickstart's): the same output
 * as with the equivalent --data/--adapter/--as-of, the config's rules on the outcome's type by
 * default, and the catalog's active scores with {@code rules: catalog}.
 */
class OutcomeConfigTest {

    private static final Path QUICKSTART = Path.of("../examples/quickstart");
    private static final String CONFIG = QUICKSTART.resolve("scoreline.yaml").toString();
    private static final String DATA = QUICKSTART.resolve("data").toString();
    /** In the quickstart's data a contact that opens a marketing email may book a meeting. */
    private static final String[] OUTCOME = {"--start", "marketing_email_open", "--end", "meeting_booked", "--within", "30d"};

    @TempDir
    Path dir;

    private static CliRunner run(String command, String[] source, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(command));
        args.addAll(java.util.List.of(source));
        args.addAll(java.util.List.of(OUTCOME));
        args.addAll(java.util.List.of(more));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void backtestWithTheQuickstartConfigIsTheBacktestOfItsContactScoresOnItsData() {
        CliRunner byConfig = run("backtest", new String[] {"--config", CONFIG}, "--json");
        CliRunner byData = run("backtest", new String[] {"--rules", QUICKSTART.resolve("lead.score") + ","
                + QUICKSTART.resolve("lead-quality.score"), "--data", DATA, "--adapter", "jsonl", "--as-of",
                "2026-03-01T00:00:00Z"}, "--json");
        assertThat(byConfig.exit()).as(byConfig.err()).isEqualTo(Main.OK);
        assertThat(byData.exit()).as(byData.err()).isEqualTo(Main.OK);
        assertThat(byConfig.out()).isEqualTo(byData.out()).contains("\"score\" : \"Lead score\"", "\"score\" : \"Lead quality\"")
                .doesNotContain("Customer health");
        // The company score of the config is left out, and said so: the outcome is on contacts.
        assertThat(byConfig.err()).contains("left out score \"Customer health\" (on company records");
    }

    @Test
    void backtestRulesOverrideTheConfigsAndAsOfOverridesItsAsOf() {
        String lead = QUICKSTART.resolve("lead.score").toString();
        CliRunner byConfig = run("backtest", new String[] {"--config", CONFIG, "--rules", lead, "--as-of", "2026-01-01"});
        CliRunner byData = run("backtest", new String[] {"--rules", lead, "--data", DATA, "--as-of", "2026-01-01"});
        assertThat(byConfig.exit()).as(byConfig.err()).isEqualTo(Main.OK);
        assertThat(byConfig.out()).isEqualTo(byData.out()).contains("Score \"Lead score\"", "to 2025-12")
                .doesNotContain("Lead quality");
    }

    @Test
    void suggestWithTheQuickstartConfigIsTheSuggestionFromItsData() throws IOException {
        Path a = dir.resolve("a.score"), b = dir.resolve("b.score");
        CliRunner byConfig = run("suggest", new String[] {"--config", CONFIG}, "--type", "contact", "--kind", "engagement",
                "--quiet", "--out", a.toString());
        CliRunner byData = run("suggest", new String[] {"--data", DATA, "--as-of", "2026-03-01"}, "--type", "contact",
                "--kind", "engagement", "--quiet", "--out", b.toString());
        assertThat(byConfig.exit()).as(byConfig.err()).isEqualTo(Main.OK);
        assertThat(byData.exit()).as(byData.err()).isEqualTo(Main.OK);
        assertThat(withoutTimings(byConfig.out().replace(a.toString(), "OUT")))
                .isEqualTo(withoutTimings(byData.out().replace(b.toString(), "OUT"))).contains("candidate criteria");
        assertThat(byConfig.err()).isEmpty();
        if (Files.exists(a)) {
            assertThat(Files.readString(a)).isEqualTo(Files.readString(b));
        } else {
            assertThat(b).doesNotExist();
        }
    }

    /** The last line says how long it took, which no two runs agree on. */
    private static String withoutTimings(String out) {
        return out.replaceAll("took [0-9.]+ s", "took T s");
    }

    @Test
    void explainReadsTheSameConfigTheSameWay() {
        CliRunner byConfig = CliRunner.run("explain", "--config", CONFIG, "--record", "contact:c001");
        CliRunner byData = CliRunner.run("explain", "--rules", QUICKSTART.resolve("lead.score") + ","
                + QUICKSTART.resolve("lead-quality.score") + "," + QUICKSTART.resolve("health.score"), "--data", DATA,
                "--as-of", "2026-03-01", "--record", "contact:c001");
        assertThat(byConfig.exit()).as(byConfig.err()).isEqualTo(Main.OK);
        assertThat(byConfig.out()).isEqualTo(byData.out()).contains("Score \"Lead score\"");
    }

    @Test
    void anAdapterWithoutADataFolderIsAUsageErrorNotIgnored() {
        CliRunner r = CliRunner.run("preview", "--rules", QUICKSTART.resolve("lead.score").toString(), "--adapter", "csv");
        assertThat(r.exit()).isEqualTo(Main.USAGE);
        assertThat(r.err()).isEqualTo("error[SL509]: --adapter csv given without --data: it reads a data folder; fix: give "
                + "--data DIR with it, or --config CONFIG whose adapter reads the data" + System.lineSeparator());
    }

    @Test
    void backtestOfRulesCatalogScoresTheStoresActiveScores() throws IOException {
        Files.writeString(dir.resolve("lead.score"), Files.readString(QUICKSTART.resolve("lead.score")));
        Path config = dir.resolve("scoreline.yaml");
        Files.writeString(config, "rules: [lead.score]\nadapter: {name: jsonl, dir: " + QUICKSTART.resolve("data")
                .toAbsolutePath() + "}\nstore: embedded\nas-of: 2026-03-01\n");
        // A run of files saves and activates them in the store's catalog ...
        CliRunner first = CliRunner.run("run", config.toString(), "--quiet");
        assertThat(first.exit()).as(first.err()).isEqualTo(Main.OK);
        // ... which a config with rules: catalog then backtests.
        Files.writeString(config, Files.readString(config).replace("rules: [lead.score]", "rules: catalog"));
        CliRunner catalog = run("backtest", new String[] {"--config", config.toString()});
        CliRunner files = run("backtest", new String[] {"--rules", dir.resolve("lead.score").toString(), "--data", DATA,
                "--as-of", "2026-03-01"});
        assertThat(catalog.exit()).as(catalog.err()).isEqualTo(Main.OK);
        assertThat(catalog.out()).isEqualTo(files.out()).contains("Score \"Lead score\"");
    }
}
