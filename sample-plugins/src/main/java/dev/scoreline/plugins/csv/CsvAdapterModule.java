package dev.scoreline.plugins.csv;

import dev.scoreline.api.ScorelineBinder;
import dev.scoreline.api.ScorelineModule;

import java.nio.file.Path;
import java.util.Objects;

/** Installs a {@link CsvAdapter} over a folder of CSV exports, under the name {@code csv} unless told otherwise. */
public final class CsvAdapterModule extends ScorelineModule {

    private final String name;
    private final Path dir;

    public CsvAdapterModule(Path dir) {
        this("csv", dir);
    }

    public CsvAdapterModule(String name, Path dir) {
        this.name = Objects.requireNonNull(name, "name");
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    @Override
    protected void configurePlugins(ScorelineBinder scoreline) {
        scoreline.addAdapter(name, new CsvAdapter(dir));
    }
}
