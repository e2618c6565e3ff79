package dev.partnergraph.launcher;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.configuration.Config;
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
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.LegacyCredential;

/**
 * Runs Neo4j Community embedded with a Bolt connector on loopback.
 *
 * <p>Protocol with the Node parent (src/db/embeddedNeo4j.ts): exactly one line on stdout,
 * {@code PARTNERGRAPH_NEO4J_READY bolt://127.0.0.1:<port>}, once Bolt accepts connections.
 * The process stops on SIGTERM/SIGINT and also when its stdin reaches EOF, so a parent that
 * dies without cleaning up (SIGKILL, crashed test runner) never leaves a JVM behind.
 *
 * <p>The parent writes the password of the {@code neo4j} user as the first line of stdin: not an
 * argument or a file, which other users of the host could read. Bolt requires it; nothing logs it.
 */
public final class EmbeddedNeo4j {
    static final String READY_PREFIX = "PARTNERGRAPH_NEO4J_READY ";
    static final String USER = "neo4j";
    /**
     * The procedures the API calls (cypher/ and src/). In 5.26 Community the allowlist holds back only
     * procedures of plugins (a jar dropped in the plugins directory), not the built-in db.* and dbms.*
     * ones, and Community has no EXECUTE privileges: the password is what keeps those to the API.
     * Keep in step with the Cypher: a test runs each of them (tests/db/embeddedNeo4jSecurity.test.ts).
     */
    static final List<String> PROCEDURES = List.of("db.awaitIndexes", "db.clearQueryCaches", "db.index.fulltext.queryNodes");

    private EmbeddedNeo4j() {}

    public static void main(String[] args) {
        try {
            run(Options.parse(args));
        } catch (Throwable failure) {
            // Neo4j's own threads would keep a JVM whose start failed alive until the parent's timeout.
            failure.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(Options options) throws IOException {
        String password = readPasswordLine(System.in);
        Path importDir = emptyImportDirectory(options.dataDir);
        Path initialPasswordFile = writeInitialPassword(options.dataDir, password);

        DatabaseManagementService service = new DatabaseManagementServiceBuilder(options.dataDir)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", options.port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                // Bolt also answers WebSocket on the same port, and 5.26 has no setting to turn that off:
                // the password is what keeps a web page the operator visits out.
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                // LOAD CSV may not read the host's files; its root is an empty directory all the same.
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                .setConfig(GraphDatabaseSettings.load_csv_file_url_root, importDir)
                .setConfig(GraphDatabaseSettings.procedure_allowlist, PROCEDURES)
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
        // The system database has read it (or had no use for it); even a hash should not lie around.
        Files.deleteIfExists(initialPasswordFile);

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

        setPassword(service, password);
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

    /**
     * A store started before keeps the password of its last start until this runs; the ready line waits for it.
     * Neo4j refuses to set a user's password to the one it has (a supervised restart reuses it, and a new
     * store already has it from auth.ini), so it goes through a throwaway random password first.
     */
    private static void setPassword(DatabaseManagementService service, String password) {
        var system = service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        String alter = "ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED";
        system.executeTransactionally(alter, Map.of("password", UUID.randomUUID().toString()));
        system.executeTransactionally(alter, Map.of("password", password));
    }

    /** Reads up to the first newline byte by byte, so the stdin watcher still sees everything after it. */
    private static String readPasswordLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new IllegalStateException("the parent closed stdin before sending the password");
            }
            line.write(b);
        }
        String password = line.toString(StandardCharsets.UTF_8).strip();
        if (password.length() < 16) {
            throw new IllegalStateException("the password on stdin is too short");
        }
        return password;
    }

    private static Path emptyImportDirectory(Path dataDir) throws IOException {
        Path importDir = dataDir.resolve("import");
        Files.createDirectories(importDir);
        try (var entries = Files.list(importDir)) {
            if (entries.findAny().isPresent()) {
                throw new IllegalStateException(importDir + " must stay empty: LOAD CSV could read what is in it");
            }
        }
        return importDir;
    }

    /**
     * On a store's first start the system database creates the {@code neo4j} user from auth.ini if one
     * is there, else with the password "neo4j"; writing it first leaves no moment with a known password.
     * Later starts ignore the file (the ALTER USER in main sets their password), so none is written then.
     */
    private static Path writeInitialPassword(Path dataDir, String password) throws IOException {
        Path authFile = CommunitySecurityModule.getInitialUserRepositoryFile(
                Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, dataDir).build());
        Files.deleteIfExists(authFile);
        if (Files.exists(dataDir.resolve("data").resolve("databases").resolve(GraphDatabaseSettings.SYSTEM_DATABASE_NAME))) {
            return authFile;
        }
        Files.createDirectories(authFile.getParent());
        Files.createFile(authFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(authFile, USER + ":" + LegacyCredential.forPassword(password).serialize() + ":\n");
        return authFile;
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
