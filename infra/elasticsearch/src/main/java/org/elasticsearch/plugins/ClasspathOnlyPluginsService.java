package org.elasticsearch.plugins;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.elasticsearch.Version;
import org.elasticsearch.action.admin.cluster.node.info.PluginsAndModules;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.jdk.ModuleQualifiedExportsService;

/**
 * Plugins service for the commerce embedded node: it scans no modules/ or plugins/ folder and
 * instead exposes plugin classes that are already on the JVM class path (e.g. Netty4Plugin).
 *
 * It lives in org.elasticsearch.plugins because LoadedPlugin and loadPlugin(...) are package-private.
 */
public final class ClasspathOnlyPluginsService extends PluginsService {

    private final List<LoadedPlugin> classpathPlugins;
    private final PluginsAndModules classpathInfo;

    public ClasspathOnlyPluginsService(Settings settings, Path configDir, List<Class<? extends Plugin>> pluginClasses) {
        // null modules/plugins directories: the base constructor then loads no bundles at all.
        super(settings, configDir, null, null);
        List<LoadedPlugin> loaded = new ArrayList<>(pluginClasses.size());
        List<PluginRuntimeInfo> runtimeInfos = new ArrayList<>(pluginClasses.size());
        for (Class<? extends Plugin> type : pluginClasses) {
            PluginDescriptor descriptor = describe(type);
            loaded.add(new LoadedPlugin(descriptor, loadPlugin(type, settings, configDir)));
            runtimeInfos.add(new PluginRuntimeInfo(descriptor));
        }
        this.classpathPlugins = List.copyOf(loaded);
        this.classpathInfo = new PluginsAndModules(runtimeInfos, Collections.emptyList());
    }

    private static PluginDescriptor describe(Class<? extends Plugin> type) {
        String javaVersion = Integer.toString(Runtime.version().feature());
        return new PluginDescriptor(
            type.getSimpleName(),          // name
            "class-path plugin of the commerce embedded node", // description
            Version.CURRENT.toString(),    // plugin version
            Version.CURRENT.toString(),    // elasticsearch version
            javaVersion,                   // java version
            type.getName(),                // class name
            null,                          // module name (class path, no module)
            Collections.emptyList(),       // extended plugins
            false,                         // has native controller
            false,                         // licensed
            false,                         // modular
            false                          // stable API
        );
    }

    /**
     * The base implementation registers qualified exports of the server *module*. On a plain class
     * path the server classes sit in the unnamed module, whose descriptor is null, so the base
     * method fails with a NullPointerException. Qualified exports only matter for plugins loaded
     * into their own module layers, which this service never creates.
     */
    @Override
    protected void addServerExportsService(Map<String, List<ModuleQualifiedExportsService>> qualifiedExports) {}

    @Override
    protected List<LoadedPlugin> plugins() {
        return classpathPlugins;
    }

    @Override
    public PluginsAndModules info() {
        return classpathInfo;
    }
}
