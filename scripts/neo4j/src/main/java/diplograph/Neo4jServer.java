package diplograph;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Embedded Neo4j 5.26 Community server for tests: Bolt on 127.0.0.1, auth enabled.
 *
 * <p>Environment: NEO4J_PORT (default 7687), NEO4J_PASSWORD (default diplograph-test),
 * NEO4J_PAGECACHE (default 256m). The first argument is the home/data directory
 * (a fresh temp directory when omitted). Prints "NEO4J_READY ..." once Bolt accepts logins.
 */
public final class Neo4jServer {
    private static final String USER = "neo4j";

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(env("NEO4J_PORT", "7687"));
        String password = env("NEO4J_PASSWORD", "diplograph-test");
        String pageCache = env("NEO4J_PAGECACHE", "256m");
        Path home = args.length > 0
                ? Files.createDirectories(Path.of(args[0]).toAbsolutePath())
                : Files.createTempDirectory("diplograph-neo4j-");

        // Register the hook first so a SIGTERM during startup still shuts down cleanly.
        AtomicReference<DatabaseManagementService> ref = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("NEO4J_STOPPING");
            DatabaseManagementService started = ref.get();
            if (started != null) {
                started.shutdown();
            }
            System.out.println("NEO4J_STOPPED");
            System.out.flush();
            stopped.countDown();
        }, "neo4j-shutdown"));

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setUserLogProvider(new Log4jLogProvider(unclosable(System.out), Level.INFO))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                // Tests probe wrong passwords; never lock the shared user out after failures.
                .setConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
                .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(5))
                .build();
        ref.set(dbms);

        // A new DBMS creates user neo4j/neo4j with "change required". Set the wanted
        // password on every start (data may be reused). Neo4j rejects setting the
        // current password again, so go through a random one first.
        try {
            var system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
            String alter = "ALTER USER " + USER + " SET PASSWORD $pw CHANGE NOT REQUIRED";
            system.executeTransactionally(alter, Map.of("pw", UUID.randomUUID().toString()));
            system.executeTransactionally(alter, Map.of("pw", password));
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(1); // runs the shutdown hook
        }

        System.out.println("NEO4J_READY bolt://127.0.0.1:" + port + " home=" + home);
        System.out.flush();
        stopped.await();
    }

    /** Neo4j closes its log stream on shutdown; keep stdout usable for our own lines. */
    private static OutputStream unclosable(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
