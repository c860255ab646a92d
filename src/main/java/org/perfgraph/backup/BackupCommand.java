package org.perfgraph.backup;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.archive.DumpFormatSelector;
import org.neo4j.dbms.archive.Dumper;
import org.neo4j.dbms.archive.IncorrectFormat;
import org.neo4j.dbms.archive.Loader;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.fs.FileSystemAbstraction;
import org.neo4j.io.fs.FileUtils;
import org.neo4j.io.layout.DatabaseLayout;
import org.neo4j.io.layout.Neo4jLayout;
import org.neo4j.kernel.recovery.Recovery;
import org.neo4j.memory.EmptyMemoryTracker;
import org.perfgraph.support.DatabaseStartupException;
import org.perfgraph.support.EmbeddedNeo4j;
import org.perfgraph.support.EmbeddedStore;

/**
 * {@code java -jar perfgraph.jar backup FILE} and {@code restore [--force] FILE}: the embedded store's database
 * written to, or read from, one file in Neo4j's dump format, with the classes {@code neo4j-admin database dump} and
 * {@code load} use ({@link Dumper}, {@link Loader}). Neo4j Community dumps offline, so both refuse a store that a
 * running perfgraph (or any other process) holds; restore refuses to replace a store that holds a database unless
 * {@code --force}. Exit 0 when done, 1 when refused (one line saying why), 2 on a usage error.
 */
public final class BackupCommand {

    static final String BACKUP_USAGE = """
            usage: java -jar perfgraph.jar backup FILE
              writes the embedded store (PERFGRAPH_DATA_DIR, default ./data) to FILE in Neo4j's dump format
              (what neo4j-admin database load reads); the service must be stopped first""";

    static final String RESTORE_USAGE = """
            usage: java -jar perfgraph.jar restore [--force] FILE
              loads FILE (a backup, or any Neo4j 5 dump of a database) into the embedded store (PERFGRAPH_DATA_DIR,
              default ./data); the service must be stopped first
              --force   replace the database the store holds (without it a store that holds one is left alone)""";

    /** The database perfgraph uses in the embedded DBMS. */
    private static final String DATABASE = GraphDatabaseSettings.DEFAULT_DATABASE_NAME;

    private BackupCommand() {
    }

    /** A refusal: one line for the user, nothing changed. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    public static int backup(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(BACKUP_USAGE);
            return 0;
        }
        if (args.length != 1 || args[0].startsWith("--")) {
            err.println(args.length == 1 ? "backup: unknown option " + args[0] : "backup: one FILE to write");
            err.println(BACKUP_USAGE);
            return 2;
        }
        try {
            refuseExternal("backup");
            out.println(backup(storeFolder(), Path.of(args[0]), out));
            return 0;
        } catch (Refused e) {
            err.println("backup refused: " + e.getMessage());
            return 1;
        }
    }

    public static int restore(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(RESTORE_USAGE);
            return 0;
        }
        boolean force = false;
        String file = null;
        for (String a : args) {
            if (a.equals("--force")) {
                force = true;
            } else if (a.startsWith("--")) {
                err.println("restore: unknown option " + a);
                err.println(RESTORE_USAGE);
                return 2;
            } else if (file != null) {
                err.println("restore: one FILE to read");
                err.println(RESTORE_USAGE);
                return 2;
            } else {
                file = a;
            }
        }
        if (file == null) {
            err.println("restore: one FILE to read");
            err.println(RESTORE_USAGE);
            return 2;
        }
        try {
            refuseExternal("restore");
            out.println(restore(storeFolder(), Path.of(file), force));
            return 0;
        } catch (Refused e) {
            err.println("restore refused: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Writes the store's database to {@code file} (via a temporary file beside it, so that a failed backup leaves
     * no partial FILE). A store not shut down cleanly is recovered first (started and stopped once).
     *
     * @return the line to print
     */
    static String backup(Path store, Path file, PrintStream out) throws Refused {
        long start = System.nanoTime();
        Path dir = store.toAbsolutePath().normalize();
        Path target = file.toAbsolutePath().normalize();
        DatabaseLayout layout = Neo4jLayout.of(dir).databaseLayout(DATABASE);
        if (!holdsDatabase(layout)) {
            throw new Refused("there is no store in " + dir + " (PERFGRAPH_DATA_DIR)");
        }
        if (Files.exists(target)) {
            throw new Refused(target + " exists; name a new file");
        }
        if (target.getParent() != null && !Files.isDirectory(target.getParent())) {
            throw new Refused("the folder of " + target + " does not exist");
        }
        try (FileSystemAbstraction fs = new DefaultFileSystemAbstraction()) {
            try (Closeable locks = lock(layout, dir)) {
                if (recoveryRequired(fs, layout, dir)) {
                    locks.close();
                    out.println("backup: the store in " + dir + " was not shut down cleanly; recovering it first");
                    recover(dir);
                }
            }
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            try (Closeable locks = lock(layout, dir)) {
                Files.deleteIfExists(partial);
                String lockFile = layout.databaseLockFile().getFileName().toString();
                String quarantine = layout.quarantineFile().getFileName().toString();
                Dumper dumper = new Dumper(fs);
                try (OutputStream stream = dumper.openForDump(partial)) {
                    dumper.dump(layout.databaseDirectory(), layout.getTransactionLogsDirectory(), stream,
                            DumpFormatSelector.selectFormat(), path -> {
                                String name = path.getFileName().toString();
                                return name.equals(lockFile) || name.equals(quarantine);
                            });
                }
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                deleteQuietly(partial);
                throw new Refused("could not write " + target + ": " + message(e));
            }
        } catch (IOException e) {
            throw new Refused("could not read the store in " + dir + ": " + message(e));
        }
        return String.format(Locale.ROOT, "backup: %s written to %s (%.1f MB, %.1f s)", dir, target,
                size(target) / 1e6, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Loads {@code file} into the store; with {@code force} the database the store holds is deleted first.
     *
     * @return the line to print
     */
    static String restore(Path store, Path file, boolean force) throws Refused {
        long start = System.nanoTime();
        Path dir = store.toAbsolutePath().normalize();
        Path source = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(source) || !Files.isReadable(source)) {
            throw new Refused("cannot read " + source);
        }
        try (FileSystemAbstraction fs = new DefaultFileSystemAbstraction()) {
            DatabaseLayout layout = Neo4jLayout.of(dir).databaseLayout(DATABASE);
            fs.mkdirs(layout.databaseDirectory());
            fs.mkdirs(layout.getNeo4jLayout().transactionLogsRootDirectory());
            try (Closeable ignored = lock(layout, dir)) {
                boolean replacing = holdsDatabase(layout);
                if (replacing && !force) {
                    throw new Refused("the store in " + dir + " holds a database; `restore --force FILE` replaces it"
                            + " (take a backup of it first)");
                }
                Loader loader = new Loader(fs);
                try {
                    loader.getMetaData(() -> Files.newInputStream(source), DumpFormatSelector::decompress);
                } catch (IOException | RuntimeException e) {
                    throw new Refused(source + " is not a Neo4j dump (" + message(e) + ")");
                }
                if (replacing) {
                    emptyDatabase(layout);
                }
                try {
                    loader.load(layout, false, true, DumpFormatSelector::decompress,
                            () -> Files.newInputStream(source), source.toString());
                } catch (IOException | IncorrectFormat | RuntimeException e) {
                    // A half-loaded database is no database: leave the folder empty rather than damaged.
                    emptyDatabase(layout);
                    throw new Refused("could not load " + source + ": " + message(e) + "; the store in " + dir
                            + " now holds no database");
                }
                return String.format(Locale.ROOT, "restore: %s loaded into %s%s (%.1f s)", source, dir,
                        replacing ? ", replacing the database it held" : "", (System.nanoTime() - start) / 1e9);
            }
        } catch (IOException e) {
            throw new Refused("could not write the store in " + dir + ": " + message(e));
        }
    }

    /** Deletes the database's files and transaction logs (what neo4j-admin database load --overwrite-destination does). */
    private static void emptyDatabase(DatabaseLayout layout) throws IOException {
        FileUtils.deleteDirectory(layout.databaseDirectory(), path -> !path.equals(layout.databaseLockFile()));
        FileUtils.deleteDirectory(layout.getTransactionLogsDirectory());
    }

    /**
     * Takes the store's DBMS and database locks (the ones a running perfgraph holds), or refuses: Community dumps and
     * loads offline only.
     */
    private static Closeable lock(DatabaseLayout layout, Path dir) throws Refused {
        try {
            return EmbeddedStore.lock(layout);
        } catch (EmbeddedStore.Unavailable e) {
            throw new Refused(e.getMessage() + (e.getMessage().contains("in use")
                    ? ": Neo4j Community backs up and restores offline only" : ""));
        }
    }

    private static boolean holdsDatabase(DatabaseLayout layout) {
        return EmbeddedStore.holdsDatabase(layout);
    }

    private static boolean recoveryRequired(FileSystemAbstraction fs, DatabaseLayout layout, Path dir) throws Refused {
        try {
            Config config = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, dir).build();
            return Recovery.isRecoveryRequired(fs, layout, config, EmptyMemoryTracker.INSTANCE);
        } catch (Exception e) {
            throw new Refused("could not read the transaction logs of the store in " + dir + ": " + message(e));
        }
    }

    /** Recovery is what a start does: start the DBMS on the store and stop it cleanly. */
    private static void recover(Path dir) throws Refused {
        try (EmbeddedNeo4j ignored = EmbeddedNeo4j.start(dir, 0, 32)) {
            // started means recovered
        } catch (DatabaseStartupException e) {
            throw new Refused(e.getMessage() + " " + e.action());
        }
    }

    static Path storeFolder() {
        return EmbeddedStore.folder();
    }

    private static void refuseExternal(String command) throws Refused {
        String uri = EmbeddedStore.externalUri();
        if (uri != null) {
            throw new Refused(command + " works on the embedded store; NEO4J_URI is set (" + uri + "): use that"
                    + " server's neo4j-admin database " + (command.equals("backup") ? "dump" : "load") + ", or unset NEO4J_URI");
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String message(Throwable e) {
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() == null) {
            return e.getClass().getSimpleName() + " " + f.getFile();
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the failure reported is the one that matters
        }
    }
}
