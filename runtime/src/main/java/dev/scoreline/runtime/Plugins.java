package dev.scoreline.runtime;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import dev.scoreline.api.CrmAdapter;
import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.PluginSettingsException;
import dev.scoreline.api.ScorelineBinder;
import dev.scoreline.api.ScorelineException;
import dev.scoreline.api.ScorelinePlugin;
import dev.scoreline.api.ScorelinePlugins;
import java.util.Map;

/**
 * Plugins chosen by name and wired with Guice, failing with coded {@link ScorelineException}s: an
 * unknown plugin (SL503), a bad setting (SL504), no adapter or no way to choose one (SL506), two
 * sinks under one name (SL507), anything else Guice refuses (SL510, in one line). The
 * {@link Scoreline.Builder} wires through it; so can a host that reads its own config.
 */
public final class Plugins {

    private Plugins() { }

    /** The module of the named plugin with its settings. */
    public static Module module(ScorelinePlugins plugins, ScorelinePlugin.Kind kind, String name,
                                Map<String, Object> settings) {
        return module(plugins, kind, name, name, settings);
    }

    /** The module of one instance of the named plugin, bound under {@code id} (a config's {@code id:}). */
    public static Module module(ScorelinePlugins plugins, ScorelinePlugin.Kind kind, String name, String id,
                                Map<String, Object> settings) {
        if (plugins.find(kind, name).isEmpty()) {
            throw new ScorelineException(ErrorCode.UNKNOWN_PLUGIN, "no " + kind.label() + " plugin named \"" + name + "\"",
                    "use one of " + plugins.names(kind) + ", or put the plugin's jar on the class path");
        }
        try {
            return plugins.module(kind, name, id, settings);
        } catch (PluginSettingsException e) {
            throw Failures.pluginSetting(e);
        }
    }

    /** The injector of the modules; a wiring failure is coded. */
    public static Injector injector(Iterable<? extends Module> modules) {
        try {
            return Guice.createInjector(modules);
        } catch (RuntimeException e) {
            throw Failures.of(e);
        }
    }

    /**
     * The adapter named {@code name}, or with {@code name} null the only one bound; {@code option}
     * is how the user chooses one (e.g. {@code adapter(name)} or {@code --adapter}), for the fix.
     */
    public static CrmAdapter adapter(Injector injector, String name, String option) {
        Map<String, CrmAdapter> adapters;
        try {
            // No module bound any adapter: the map itself is unbound.
            adapters = injector.getExistingBinding(ScorelineBinder.ADAPTERS) == null ? Map.of()
                    : injector.getInstance(ScorelineBinder.ADAPTERS);
        } catch (RuntimeException e) {
            throw Failures.of(e);
        }
        if (name != null) {
            CrmAdapter adapter = adapters.get(name);
            if (adapter == null) {
                throw new ScorelineException(ErrorCode.ADAPTER_CHOICE, "no adapter named \"" + name + "\"",
                        "choose one of the installed adapters " + adapters.keySet());
            }
            return adapter;
        }
        if (adapters.size() == 1) {
            return adapters.values().iterator().next();
        }
        throw new ScorelineException(ErrorCode.ADAPTER_CHOICE, adapters.isEmpty() ? "no adapter installed"
                : "several adapters installed " + adapters.keySet(), adapters.isEmpty()
                ? "install one, e.g. new JsonlAdapterModule(dir)" : "choose one with " + option);
    }
}
