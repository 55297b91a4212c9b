package dev.scoreline.plugins.webhook;

import com.google.inject.Module;
import dev.scoreline.api.PluginSettings;
import dev.scoreline.api.ReliableSink.RetryPolicy;
import dev.scoreline.api.ScorelinePlugin;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code webhook} sink for config files:
 * <pre>
 * sinks:
 *   - name: webhook
 *     url: https://hooks.example.com/scoreline
 *     outbox: scoreline-data/webhook-outbox.jsonl
 *     thresholds:
 *       - { score: "Deal score", record-type: deal, value: 75, direction: up, name: "hot deal" }
 *     headers: { Authorization: "Bearer ..." }
 * </pre>
 */
public final class WebhookSinkPlugin implements ScorelinePlugin {

    public static final Path DEFAULT_OUTBOX = Path.of("scoreline-data", "webhook-outbox.jsonl");

    @Override public String name() { return "webhook"; }

    @Override public Kind kind() { return Kind.SINK; }

    @Override public String description() {
        return "POSTs JSON on status transitions and threshold crossings, with a durable outbox";
    }

    @Override public Map<String, String> settings() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("url", "the http or https URL to POST to (required)");
        out.put("outbox", "file of notifications not yet delivered (default " + DEFAULT_OUTBOX + ")");
        out.put("status-changes", "notify status transitions (default true)");
        out.put("thresholds", "list of {value (required), score, record-type, direction up|down|both (default up), name}");
        out.put("headers", "map of extra HTTP headers, e.g. Authorization");
        out.put("timeout", "per request (default 10s)");
        out.put("attempts", "tries per notification before waiting for a later delivery round (1-100, default 4)");
        out.put("backoff", "first wait between tries, doubling up to 5s (default 250ms)");
        return out;
    }

    @Override
    public Module module(Map<String, Object> settings) {
        PluginSettings s = PluginSettings.of(this, settings);
        WebhookSink.Builder b = WebhookSink.to(s.requiredUri("url", Set.of("http", "https")))
                .outbox(s.optionalPath("outbox").orElse(DEFAULT_OUTBOX))
                .statusChanges(s.bool("status-changes", true))
                .timeout(s.duration("timeout", Duration.ofSeconds(10)))
                .retry(new RetryPolicy(s.integer("attempts", 4, 1, 100),
                        s.duration("backoff", Duration.ofMillis(250)), Duration.ofSeconds(5)));
        List<Map<String, Object>> thresholds = s.mapList("thresholds");
        for (int i = 0; i < thresholds.size(); i++) {
            PluginSettings t = PluginSettings.of("sink \"webhook\", threshold " + (i + 1), thresholds.get(i));
            String text = t.requiredString("value");
            BigDecimal value;
            try {
                value = new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw t.error("value", "must be a number, got \"" + text + "\"");
            }
            b.threshold(new Threshold(t.string("name", null), t.string("score", null), t.string("record-type", null),
                    value, t.choice("direction", Threshold.Direction.class, Threshold.Direction.UP)));
            t.rejectUnknown();
        }
        Object headers = s.raw("headers");
        if (headers != null) {
            if (!(headers instanceof Map<?, ?> map)) {
                throw s.error("headers", "must be a map of header names to values");
            }
            map.forEach((k, v) -> {
                if (v instanceof Map || v instanceof java.util.Collection) {
                    throw s.error("headers", "header \"" + k + "\" must have a text value");
                }
                b.header(String.valueOf(k), String.valueOf(v));
            });
        }
        s.rejectUnknown();
        return new WebhookSinkModule(b.build());
    }
}
