package dev.scoreline.plugins.jdbc;

import dev.scoreline.api.ScorelineBinder;
import dev.scoreline.api.ScorelineModule;

import java.util.Objects;
import javax.sql.DataSource;

/** Installs a {@link JdbcSink} over a DataSource, under the name {@code jdbc} unless told otherwise. */
public final class JdbcSinkModule extends ScorelineModule {

    private final String name;
    private final DataSource dataSource;

    public JdbcSinkModule(DataSource dataSource) {
        this("jdbc", dataSource);
    }

    public JdbcSinkModule(String name, DataSource dataSource) {
        this.name = Objects.requireNonNull(name, "name");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    protected void configurePlugins(ScorelineBinder scoreline) {
        scoreline.addSink(name, new JdbcSink(dataSource));
    }
}
