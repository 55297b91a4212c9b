package dev.scoreline.plugins.jsonl;

import dev.scoreline.api.ScorelineBinder;
import dev.scoreline.api.ScorelineModule;

import java.nio.file.Path;
import java.util.Objects;

/** Installs a {@link JsonlSink} writing to a file, under the name {@code jsonl} unless told otherwise. */
public final class JsonlSinkModule extends ScorelineModule {

    private final String name;
    private final Path file;

    public JsonlSinkModule(Path file) {
        this("jsonl", file);
    }

    public JsonlSinkModule(String name, Path file) {
        this.name = Objects.requireNonNull(name, "name");
        this.file = Objects.requireNonNull(file, "file");
    }

    @Override
    protected void configurePlugins(ScorelineBinder scoreline) {
        scoreline.addSink(name, new JsonlSink(file));
    }
}
