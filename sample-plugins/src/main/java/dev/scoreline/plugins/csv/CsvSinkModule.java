package dev.scoreline.plugins.csv;

import dev.scoreline.api.ScorelineBinder;
import dev.scoreline.api.ScorelineModule;

import java.nio.file.Path;
import java.util.Objects;

/** Installs a {@link CsvSink} writing to a file, under the name {@code csv} unless told otherwise. */
public final class CsvSinkModule extends ScorelineModule {

    private final String name;
    private final Path file;

    public CsvSinkModule(Path file) {
        this("csv", file);
    }

    public CsvSinkModule(String name, Path file) {
        this.name = Objects.requireNonNull(name, "name");
        this.file = Objects.requireNonNull(file, "file");
    }

    @Override
    protected void configurePlugins(ScorelineBinder scoreline) {
        scoreline.addSink(name, new CsvSink(file));
    }
}
