package dev.partnergraph.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Runs Neo4j Community embedded with a Bolt connector on loopback.
 *
 * <p>Protocol with the Node parent (src/db/embeddedNeo4j.ts): exactly one line on stdout,
 * {@code PARTNERGRAPH_NEO4J_READY bolt://127.0.0.1:<port>}, once Bolt accepts connections.
 * The process stops on SIGTERM/SIGINT and also when its stdin reaches EOF, so a parent that
 * dies without cleaning up (SIGKILL, crashed test runner) never leaves a JVM behind.
 */
public final class EmbeddedNeo4j {
    static final String READY_PREFIX = "PARTNERGRAPH_NEO4J_READY ";

    private EmbeddedNeo4j() {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);

        DatabaseManagementService service = new DatabaseManagementServiceBuilder(options.dataDir)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", options.port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(options.pageCacheMb))
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(60))
                // How long a cached plan lives at least, however much the statistics move (src/config/config.ts).
                .setConfig(GraphDatabaseSettings.cypher_min_replan_interval, Duration.ofSeconds(options.minReplanSeconds))
                // Clients are gone by the time we stop (the app closes its driver first); the 5 s
                // defaults of each of these only delay every shutdown by 10 s.
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean(false);
        Runnable stop = () -> {
            if (stopping.compareAndSet(false, true)) {
                service.shutdown();
                stopped.countDown();
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
            awaitQuietly(stopped);
        }, "neo4j-shutdown"));

        GraphDatabaseAPI db = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        // After a crash the database recovers its store before it is available; until then Bolt
        // accepts connections but transactions wait. Say ready only once they no longer would.
        while (!db.isAvailable(1_000)) {
            // Keep waiting: the Node parent bounds the whole start with its own timeout.
        }
        // Compiles a first statement, so the first request after a (re)start is not the one that pays for it.
        db.executeTransactionally("RETURN 1");
        HostnamePort bolt = db.getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        System.out.println(READY_PREFIX + "bolt://" + bolt.getHost() + ":" + bolt.getPort());
        System.out.flush();

        Thread stdinWatcher = new Thread(() -> {
            drain(System.in);
            System.exit(0);
        }, "stdin-watcher");
        stdinWatcher.setDaemon(true);
        stdinWatcher.start();

        awaitQuietly(stopped);
    }

    private static void drain(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) != -1) {
                // The parent never writes; we only wait for EOF.
            }
        } catch (IOException parentGone) {
            // A broken pipe means the same as EOF: the parent is gone.
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Options(Path dataDir, int port, long pageCacheMb, long minReplanSeconds) {
        static Options parse(String[] args) {
            Path dataDir = null;
            int port = 0;
            long pageCacheMb = 128;
            long minReplanSeconds = 10;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--data-dir" -> { dataDir = Path.of(require(args[i], value)); i++; }
                    case "--port" -> { port = Integer.parseInt(require(args[i], value)); i++; }
                    case "--page-cache-mb" -> { pageCacheMb = Long.parseLong(require(args[i], value)); i++; }
                    case "--min-replan-seconds" -> { minReplanSeconds = Long.parseLong(require(args[i], value)); i++; }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (dataDir == null) {
                throw new IllegalArgumentException("--data-dir is required");
            }
            return new Options(dataDir.toAbsolutePath(), port, pageCacheMb, minReplanSeconds);
        }

        private static String require(String option, String value) {
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return value;
        }
    }
}
