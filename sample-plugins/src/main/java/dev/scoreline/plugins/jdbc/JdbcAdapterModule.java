package dev.scoreline.plugins.jdbc;

import dev.scoreline.api.ScorelineBinder;
import dev.scoreline.api.ScorelineModule;

import java.util.Objects;
import javax.sql.DataSource;

/** Installs a {@link JdbcAdapter} over a DataSource (the host's pool, typically), under the name {@code jdbc}. */
public final class JdbcAdapterModule extends ScorelineModule {

    private final String name;
    private final DataSource dataSource;

    public JdbcAdapterModule(DataSource dataSource) {
        this("jdbc", dataSource);
    }

    public JdbcAdapterModule(String name, DataSource dataSource) {
        this.name = Objects.requireNonNull(name, "name");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    protected void configurePlugins(ScorelineBinder scoreline) {
        scoreline.addAdapter(name, new JdbcAdapter(dataSource));
    }
}
