package dev.scoreline.flink;

import dev.scoreline.runtime.RunConfig;
import dev.scoreline.runtime.SinkOutbox;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run config (the file {@code scoreline run} reads, read by {@link RunConfig}) as the batch job
 * runs it: the rule files, the adapter's folder, the sinks, one NOW. What the job does not do is
 * refused with SL502 when it would change the scores (the store's catalog as rules), and said in a notice when it only concerns delivery or
 * history (a store, a sink's outbox), so a config never means something else here unsaid.
 */
public record JobConfig(RuleTexts rules, CrmSource data, List<SinkTarget> sinks, Instant asOf, List<String> notices) {

    /** The adapters whose folders the job reads as a {@link DataFolder}; any other is its plugin ({@link PluginAdapter}). */
    private static final List<String> FOLDERS = List.of("jsonl", "csv");

    public static JobConfig read(Path file) {
        RunConfig cfg = RunConfig.read(file);
        List<String> notices = new ArrayList<>();
        if (cfg.fromCatalog()) {
            throw RunConfig.invalid(cfg.file(), "\"rules: catalog\" reads the store's catalog, and the Flink job reads no store",
                    "name the .score files in rules (scoreline scores show NAME prints an active score's text)");
        }
        RuleTexts rules = RuleTexts.read(cfg.rules());
        // Wired once on the client, so an unknown adapter or a bad setting is the SL504 scoreline run gives.
        CrmSource plugin = new PluginAdapter(cfg.adapter(), cfg.adapterSettings());
        CrmSource data = FOLDERS.contains(cfg.adapter())
                ? new DataFolder(cfg.adapter(), String.valueOf(cfg.adapterSettings().get("dir"))) : plugin;
        if (cfg.sinks().isEmpty()) {
            throw RunConfig.invalid(cfg.file(), "names no sinks, and the Flink job's results go only to sinks",
                    "add sinks, e.g. sinks: [{name: jsonl, file: out/scores.jsonl}]");
        }
        List<SinkTarget> sinks = new ArrayList<>();
        for (RunConfig.Plugin sink : cfg.sinks()) {
            Map<String, Object> own = new LinkedHashMap<>(sink.settings());
            if (own.keySet().removeAll(SinkOutbox.SETTINGS.keySet())) {
                notices.add("sink " + sink.id() + ": " + String.join(", ", SinkOutbox.SETTINGS.keySet()) + " are not used:"
                        + " a sink that fails fails the job, which is re-run whole");
            }
            sinks.add(new PluginSink(sink, own));
        }
        if (cfg.store() != null) {
            notices.add("the store is not read or written: every result goes to the sinks, and no history is kept");
        }
        return new JobConfig(rules, data, List.copyOf(sinks), cfg.asOf() != null ? cfg.asOf() : Instant.now(),
                List.copyOf(notices));
    }
}
