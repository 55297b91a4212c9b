package dev.scoreline.plugins.webhook;

import dev.scoreline.api.ScorelineBinder;
import dev.scoreline.api.ScorelineModule;

import java.util.Objects;

/**
 * Installs a configured {@link WebhookSink} under the name {@code webhook} unless told otherwise:
 * {@code new WebhookSinkModule(WebhookSink.to(uri).outbox(file).threshold(...).build())}.
 */
public final class WebhookSinkModule extends ScorelineModule {

    private final String name;
    private final WebhookSink sink;

    public WebhookSinkModule(WebhookSink sink) {
        this("webhook", sink);
    }

    public WebhookSinkModule(String name, WebhookSink sink) {
        this.name = Objects.requireNonNull(name, "name");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    protected void configurePlugins(ScorelineBinder scoreline) {
        scoreline.addSink(name, sink);
    }
}
