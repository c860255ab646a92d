package org.perfgraph.graph;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.neo4j.cli.ExecutionContext;
import org.neo4j.graphdb.Transaction;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.fs.FileUtils;
import org.neo4j.io.layout.DatabaseLayout;
import org.perfgraph.support.CypherScripts;
import org.perfgraph.support.DatabaseStartupException;
import org.perfgraph.support.EmbeddedNeo4j;
import org.perfgraph.support.EmbeddedStore;
import picocli.CommandLine;

/**
 * The store half of {@code import --bulk}: checks the embedded store is new, and runs Neo4j's offline importer (the
 * command behind {@code neo4j-admin database import full}, {@code org.neo4j:neo4j-import-tool}) over the files
 * {@link BulkImport} wrote. A store that holds anything but the bookkeeping nodes a first start leaves is refused:
 * the offline importer builds a database, it cannot add to one. A failed run leaves no database behind (the
 * importer's half-written store files would not start), so the store is as new as before.
 */
final class BulkStore {


    private BulkStore() {
    }

    /** Why the store cannot take a bulk import, or why the importer failed: one line for the user. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Refuses a store in use or one that holds data.
     *
     * @return whether the store already holds an (empty) database, which the importer is to replace
     */
    static boolean requireNew(Path dir) throws Refused {
        DatabaseLayout layout = EmbeddedStore.layout(dir);
        if (!EmbeddedStore.holdsDatabase(layout)) {
            return false; // a running perfgraph would have created its database; the importer takes the locks itself
        }
        try (Closeable ignored = EmbeddedStore.lock(layout)) {
            // only to know it is free before starting a DBMS on it
        } catch (EmbeddedStore.Unavailable e) {
            throw new Refused(e.getMessage());
        } catch (IOException e) {
            throw new Refused("could not lock the store in " + dir + ": " + e.getMessage());
        }
        long nodes;
        long documents;
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dir, 0, 32);
             Transaction tx = neo4j.database().beginTx()) {
            var row = tx.execute(CypherScripts.load("ingest/bulk-store-content")).next();
            nodes = ((Number) row.get("nodes")).longValue();
            documents = ((Number) row.get("documents")).longValue();
        } catch (DatabaseStartupException e) {
            throw new Refused(e.getMessage() + " " + e.action());
        }
        if (nodes > 0) {
            throw new Refused("the store in " + layout.getNeo4jLayout().homeDirectory() + " is not empty (" + documents
                    + " documents, " + nodes + " nodes); --bulk builds a new store: set PERFGRAPH_DATA_DIR to a new"
                    + " folder, or import into this one without --bulk");
        }
        return true;
    }

    /**
     * Runs the offline importer over {@code files} into the store's database; its own report goes to {@code log}.
     * On failure the database it began is deleted and the reason (the importer's last lines) thrown.
     */
    static void load(Path dir, BulkFiles files, boolean replace, Path log) throws Refused {
        Path home = dir.toAbsolutePath().normalize();
        List<String> args = new ArrayList<>(files.arguments());
        // Multi-line values (the documents' source lines) make the importer read every file as multi-line, which it
        // cannot split for its parallel parsers; naming only those files (--multiline-fields-format=v2 and a file
        // list) failed at 1M ("found CR outside a text cell" at a 4 MB buffer boundary), so it is all files or none.
        if (!files.multilineFiles().isEmpty()) {
            args.add("--multiline-fields=true");
        }
        args.add("--array-delimiter=" + BulkFiles.ARRAY_DELIMITER);
        args.add("--report-file=" + log.resolveSibling("bulk-import.report"));
        args.add("--bad-tolerance=0");
        args.add("--verbose"); // the log is a file: a failure names its cause there
        if (replace) {
            args.add("--overwrite-destination=true");
        }
        args.add(EmbeddedStore.DATABASE);
        int exit;
        try {
            Files.createDirectories(log.getParent());
            try (OutputStream stream = Files.newOutputStream(log);
                 PrintStream out = new PrintStream(stream, true, StandardCharsets.UTF_8)) {
                out.println("neo4j-admin database import full " + String.join(" ", args));
                ExecutionContext context = new ExecutionContext(home, home.resolve("conf"), out, out,
                        new DefaultFileSystemAbstraction());
                CommandLine command = new CommandLine(new org.neo4j.importer.ImportCommand.Full(context));
                command.setOut(new java.io.PrintWriter(out, true));
                command.setErr(new java.io.PrintWriter(out, true));
                exit = command.execute(args.toArray(String[]::new));
            }
        } catch (IOException | RuntimeException e) {
            discard(home);
            throw new Refused("Neo4j's importer could not run: " + e.getMessage());
        }
        if (exit != 0) {
            discard(home);
            throw new Refused("Neo4j's importer failed (exit " + exit + "): " + lastLines(log)
                    + "; the store holds no database (log: " + log + ")");
        }
    }

    /** Deletes the database the importer began, so that the folder is a new store again. */
    static void discard(Path home) {
        DatabaseLayout layout = EmbeddedStore.layout(home);
        try {
            FileUtils.deleteDirectory(layout.databaseDirectory());
            FileUtils.deleteDirectory(layout.getTransactionLogsDirectory());
        } catch (IOException ignored) {
            // what is left is reported by the next start
        }
    }

    private static String lastLines(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("\tat ")).toList();
            return String.join(" / ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
