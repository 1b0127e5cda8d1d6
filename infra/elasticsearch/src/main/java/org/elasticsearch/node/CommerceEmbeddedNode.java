package org.elasticsearch.node;

import java.util.List;

import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.ClasspathOnlyPluginsService;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginsService;

/**
 * A Node whose plugins come from the class path. Lives in org.elasticsearch.node because
 * NodeConstruction, NodeServiceProvider and Node(NodeConstruction) are package-private (8.10+).
 */
public final class CommerceEmbeddedNode extends Node {

    public CommerceEmbeddedNode(Environment environment, List<Class<? extends Plugin>> pluginClasses) {
        super(NodeConstruction.prepareConstruction(environment, new ClasspathServiceProvider(pluginClasses), true));
    }

    private static final class ClasspathServiceProvider extends NodeServiceProvider {
        private final List<Class<? extends Plugin>> pluginClasses;

        ClasspathServiceProvider(List<Class<? extends Plugin>> pluginClasses) {
            this.pluginClasses = List.copyOf(pluginClasses);
        }

        @Override
        PluginsService newPluginService(Environment environment, Settings settings) {
            return new ClasspathOnlyPluginsService(settings, environment.configFile(), pluginClasses);
        }
    }
}
