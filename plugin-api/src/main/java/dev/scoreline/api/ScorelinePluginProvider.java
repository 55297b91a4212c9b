package dev.scoreline.api;

import java.util.List;

/**
 * The plugins a jar offers to config files. List the class (public, with a public no-argument
 * constructor) in {@code META-INF/services/dev.scoreline.api.ScorelinePluginProvider}; a host
 * that asks {@link ScorelinePlugins#discover()} finds them.
 *
 * <pre>{@code
 * public final class MyPlugins implements ScorelinePluginProvider {
 *     public List<ScorelinePlugin> plugins() {
 *         return List.of(ScorelinePlugin.adapter("my-crm", "contacts from My CRM's API",
 *                 Map.of("url", "API base URL (required)"),
 *                 s -> new MyCrmAdapter(s.requiredUri("url", Set.of("https")))));
 *     }
 * }
 * }</pre>
 */
public interface ScorelinePluginProvider {

    List<ScorelinePlugin> plugins();
}
