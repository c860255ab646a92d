package org.perfgraph.support;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.neo4j.commandline.dbms.CannotWriteException;
import org.neo4j.commandline.dbms.LockChecker;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.fs.FileSystemAbstraction;
import org.neo4j.io.layout.DatabaseLayout;
import org.neo4j.io.layout.Neo4jLayout;
import org.neo4j.io.locker.FileLockException;
import org.neo4j.kernel.impl.util.Validators;

/**
 * The embedded store's folder and database as the offline commands (backup, restore, import --bulk) see them before
 * any DBMS runs: where it is, whether it holds a database, and its locks, which a running perfgraph holds.
 */
public final class EmbeddedStore {

    /** The database perfgraph uses in the embedded DBMS. */
    public static final String DATABASE = GraphDatabaseSettings.DEFAULT_DATABASE_NAME;

    private EmbeddedStore() {
    }

    /** A store another process holds, or one this user cannot write: the message says which. */
    public static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message, null, false, false);
        }
    }

    /** The embedded store folder as the service resolves it: -Dperfgraph.data-dir, PERFGRAPH_DATA_DIR, ./data. */
    public static Path folder() {
        String dir = System.getProperty("perfgraph.data-dir");
        if (dir == null || dir.isBlank()) {
            dir = System.getenv().getOrDefault("PERFGRAPH_DATA_DIR", "./data");
        }
        return Path.of(dir);
    }

    /** NEO4J_URI (or -Dperfgraph.neo4j-uri) when an external server is configured, else null. */
    public static String externalUri() {
        String uri = System.getProperty("perfgraph.neo4j-uri", System.getenv("NEO4J_URI"));
        return uri == null || uri.isBlank() ? null : uri;
    }

    /** The layout of perfgraph's database in the store folder {@code dir}. */
    public static DatabaseLayout layout(Path dir) {
        return Neo4jLayout.of(dir.toAbsolutePath().normalize()).databaseLayout(DATABASE);
    }

    /** Whether the folder holds the database's store files (a store that was started once, or loaded). */
    public static boolean holdsDatabase(DatabaseLayout layout) {
        if (!Files.isDirectory(layout.databaseDirectory())) {
            return false;
        }
        try (FileSystemAbstraction fs = new DefaultFileSystemAbstraction()) {
            return Validators.isExistingDatabase(fs, layout);
        } catch (IOException e) {
            return false;
        }
    }

    /** Takes the DBMS and database locks a running perfgraph holds; closing the result releases them. */
    public static Closeable lock(DatabaseLayout layout) throws Unavailable {
        Path dir = layout.getNeo4jLayout().homeDirectory();
        Closeable dbms = null;
        try {
            dbms = LockChecker.checkDbmsLock(layout.getNeo4jLayout());
            Closeable database = LockChecker.checkDatabaseLock(layout);
            Closeable both = dbms;
            return () -> {
                try (both; database) {
                    // closing both releases the locks
                }
            };
        } catch (FileLockException | java.nio.channels.OverlappingFileLockException e) {
            closeQuietly(dbms);
            throw new Unavailable("the store in " + dir + " is in use by another process (a running perfgraph?); stop it first");
        } catch (CannotWriteException e) {
            closeQuietly(dbms);
            throw new Unavailable("no permission to write the store in " + dir);
        }
    }

    private static void closeQuietly(Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // releasing a lock we could not take fully
            }
        }
    }
}
