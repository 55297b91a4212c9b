package dev.scoreline.plugins.jsonl;

import dev.scoreline.api.ScorelineBinder;
import dev.scoreline.api.ScorelineModule;

import java.nio.file.Path;
import java.util.Objects;

/** Installs a {@link JsonlAdapter} over a data folder, under the name {@code jsonl} unless told otherwise. */
public final class JsonlAdapterModule extends ScorelineModule {

    private final String name;
    private final Path dir;

    public JsonlAdapterModule(Path dir) {
        this("jsonl", dir);
    }

    public JsonlAdapterModule(String name, Path dir) {
        this.name = Objects.requireNonNull(name, "name");
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    @Override
    protected void configurePlugins(ScorelineBinder scoreline) {
        scoreline.addAdapter(name, new JsonlAdapter(dir));
    }
}
