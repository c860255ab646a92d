package org.perfgraph.support;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Neo4j community DBMS in this JVM, with its store on disk and its Bolt connector on 127.0.0.1, so that the
 * service, Neo4j Browser and cypher-shell all talk Bolt to the same database.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    private final Path directory;
    private final DatabaseManagementService dbms;
    private final int boltPort;

    private EmbeddedNeo4j(Path directory, DatabaseManagementService dbms, int boltPort) {
        this.directory = directory;
        this.dbms = dbms;
        this.boltPort = boltPort;
    }

    /**
     * Starts the DBMS or fails with a {@link DatabaseStartupException} that names the setting to change.
     *
     * @param directory     the store folder (PERFGRAPH_DATA_DIR)
     * @param boltPort      the Bolt port on 127.0.0.1 (PERFGRAPH_BOLT_PORT); 0 picks a free one
     * @param pageCacheMb   page cache size in MiB
     */
    public static EmbeddedNeo4j start(Path directory, int boltPort, long pageCacheMb) {
        return start(directory, boltPort, pageCacheMb, 0);
    }

    /**
     * The same, with the memory one transaction (and all of them together) may hold: PERFGRAPH_TX_MEMORY_MB, 0 for
     * 60 % of the heap ({@link TransactionMemory}).
     */
    public static EmbeddedNeo4j start(Path directory, int boltPort, long pageCacheMb, long txMemoryMb) {
        long txMemory = ByteUnit.mebiBytes(TransactionMemory.limitMb(txMemoryMb));
        long txPool = ByteUnit.mebiBytes(TransactionMemory.poolMb(txMemoryMb));
        Path dir = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DatabaseStartupException("Cannot create the data folder " + dir + ": " + e.getMessage(),
                    "Set PERFGRAPH_DATA_DIR to a folder this user can write.", e);
        }
        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(dir)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", boltPort))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    // Boot 4's Netty 4.2 breaks the in-JVM local connector; TCP Bolt is what we use anyway.
                    .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(3))
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                    // An empty store is 541 MB with preallocated logs.
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                    // Both limits, so that one transaction too large is stopped by its own (which the writer does not
                    // let the driver retry) before it fills the pool the others share.
                    .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, txPool)
                    .setConfig(GraphDatabaseSettings.memory_transaction_max_size, txMemory)
                    .build();
        } catch (RuntimeException e) {
            throw translate(e, dir, boltPort);
        }
        try {
            GraphDatabaseAPI system = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
            int bound = system.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT).getPort();
            if (!dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).isAvailable(Duration.ofSeconds(60).toMillis())) {
                throw new DatabaseStartupException("The embedded database in " + dir + " did not become available.",
                        "Look at " + dir.resolve("logs") + " and, if the store is damaged, move PERFGRAPH_DATA_DIR aside.", null);
            }
            log.info("Embedded Neo4j started: store {}, Bolt at bolt://127.0.0.1:{} (no auth)", dir, bound);
            return new EmbeddedNeo4j(dir, dbms, bound);
        } catch (RuntimeException e) {
            dbms.shutdown();
            throw e instanceof DatabaseStartupException d ? d : translate(e, dir, boltPort);
        }
    }

    private static DatabaseStartupException translate(RuntimeException e, Path dir, int port) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            String msg = String.valueOf(t.getMessage());
            if (name.equals("FileLockException") || msg.contains("ock file has been locked")) {
                return new DatabaseStartupException(
                        "The store in " + dir + " is locked by another process (another perfgraph, or a Neo4j using the same folder).",
                        "Stop the other process, or set PERFGRAPH_DATA_DIR to another folder.", e);
            }
            if (t instanceof BindException || msg.contains("Address already in use")) {
                return new DatabaseStartupException(
                        "The Bolt port " + port + " on 127.0.0.1 is already in use.",
                        "Set PERFGRAPH_BOLT_PORT to a free port (0 picks one).", e);
            }
            if (name.contains("UnexpectedUpgradingStoreVersion") || name.contains("StoreUpgrader")
                    || name.contains("UnableToMigrate") || msg.contains("store version") || msg.contains("format version")) {
                return new DatabaseStartupException(
                        "The store in " + dir + " was written by an incompatible Neo4j version: " + msg,
                        "Point PERFGRAPH_DATA_DIR at an empty folder (and re-import), or migrate the store with that Neo4j version's tools.", e);
            }
        }
        return new DatabaseStartupException("The embedded database in " + dir + " failed to start: " + rootMessage(e),
                "Check PERFGRAPH_DATA_DIR and PERFGRAPH_BOLT_PORT; the Neo4j log is in " + dir.resolve("logs") + ".", e);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    public int boltPort() {
        return boltPort;
    }

    public String boltUri() {
        return "bolt://127.0.0.1:" + boltPort;
    }

    public Path directory() {
        return directory;
    }

    /** perfgraph's database in this DBMS, for the offline commands' checks (the service talks Bolt). */
    public org.neo4j.graphdb.GraphDatabaseService database() {
        return dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    }

    @Override
    public void close() {
        log.info("Stopping embedded Neo4j ({})", directory);
        dbms.shutdown();
    }
}
