package commerce.infra.elasticsearch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.common.transport.TransportAddress;
import org.elasticsearch.env.Environment;
import org.elasticsearch.http.HttpServerTransport;
import org.elasticsearch.node.CommerceEmbeddedNode;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.transport.netty4.Netty4Plugin;

/**
 * Foreground single-node Elasticsearch for local development and tests.
 *
 * Usage: EmbeddedElasticsearch <httpPort> <homeDir> [clusterName]
 * Prints "ELASTICSEARCH_HTTP http://host:port" once the HTTP transport is bound; stops on SIGTERM/SIGINT.
 */
public final class EmbeddedElasticsearch {

    private EmbeddedElasticsearch() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: EmbeddedElasticsearch <httpPort> <homeDir> [clusterName]");
            System.exit(2);
        }
        int httpPort = parsePort(args[0]);
        Path home = Path.of(args[1]).toAbsolutePath().normalize();
        String clusterName = args.length == 3 ? args[2] : "commerce-local";

        Path config = Files.createDirectories(home.resolve("config"));
        Path data = Files.createDirectories(home.resolve("data"));
        Path logs = Files.createDirectories(home.resolve("logs"));

        Settings settings = Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", data.toString())
            .put("path.logs", logs.toString())
            .put("cluster.name", clusterName)
            .put("node.name", "commerce-es-" + httpPort)
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", httpPort)
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .put("logger.level", "INFO")
            .build();

        LogConfigurator.registerErrorListener();
        LogConfigurator.configureESLogging();
        LogConfigurator.setNodeName(settings.get("node.name"));
        LogConfigurator.configureWithoutConfig(settings);

        Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), config, () -> settings.get("node.name"));
        Node node = new CommerceEmbeddedNode(environment, List.of(Netty4Plugin.class));

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "commerce-es-shutdown"));

        node.start();
        TransportAddress bound = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress();
        System.out.println("ELASTICSEARCH_HTTP http://" + bound.getAddress() + ":" + bound.getPort());
        System.out.flush();
        stopped.await();
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            System.err.println("invalid http port: " + text);
            System.exit(2);
            return -1;
        }
    }
}
