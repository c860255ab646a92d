package org.perfgraph.graph;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.perfgraph.support.CypherScripts;
import org.perfgraph.support.EmbeddedStore;
import org.perfgraph.support.StoreSessions;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar perfgraph.jar import --bulk [options] DIR...}: a new embedded store from many documents at once.
 * Every file is read and checked first ({@link BulkImport}: a bad one is refused by name, with nothing of it
 * written), the rest go through Neo4j's offline importer in one run ({@link BulkStore}), then the service starts on
 * the store as usual (constraints, indexes and family groups are applied at start-up, as for any store) and each
 * document gets its diagnostics and its history entry ({@link GraphWriter#completeBulk}). The node counts are checked
 * against what was read. Exit 0 when every file was imported, 1 when some were refused (or the store was refused),
 * 2 when the importer or the database failed: then the store holds no database, as before.
 */
final class BulkCommand {

    private BulkCommand() {
    }

    static int run(Class<?> application, ImportCommand.Arguments arguments, PrintStream out, PrintStream err) {
        long start = System.nanoTime();
        String uri = EmbeddedStore.externalUri();
        if (uri != null) {
            err.println("import --bulk refused: it builds the embedded store's files, and NEO4J_URI is set (" + uri
                    + "): import without --bulk, or unset NEO4J_URI");
            return 1;
        }
        Path store = EmbeddedStore.folder().toAbsolutePath().normalize();
        boolean replace = false;
        Path work;
        try {
            Files.createDirectories(store);
            if (!arguments.dryRun()) {
                replace = BulkStore.requireNew(store);
            }
            work = Files.createTempDirectory(store, "bulk-import-");
        } catch (BulkStore.Refused e) {
            err.println("import --bulk refused: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("import --bulk refused: cannot write the store folder " + store + " (" + e.getMessage()
                    + "); set PERFGRAPH_DATA_DIR to a folder this user can write");
            return 1;
        }
        try {
            return run(application, arguments, store, work, replace, start, out, err);
        } finally {
            deleteQuietly(work);
        }
    }

    private static int run(Class<?> application, ImportCommand.Arguments arguments, Path store, Path work, boolean replace,
                           long start, PrintStream out, PrintStream err) {
        BulkImport bulk;
        BulkFiles files;
        try {
            bulk = new BulkImport(work, arguments.options());
            bulk.readAll(BulkImport.expand(arguments.files()), ImportCommand.threads(), out, err);
            files = bulk.finish();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        } catch (IOException e) {
            err.println("import --bulk failed: could not write the importer's files in " + work + " (" + e.getMessage()
                    + "); nothing was stored");
            return 2;
        }
        long read = System.nanoTime();
        List<BulkImport.Document> documents = bulk.documents();
        int refused = bulk.refused();
        out.printf(Locale.ROOT, "bulk: read %d documents (%d target rows), refused %d, in %.1f s%n", documents.size(),
                bulk.targetRows(), refused, seconds(start, read));
        if (arguments.dryRun() || documents.isEmpty()) {
            out.println(arguments.dryRun() ? "bulk: dry run, nothing was stored" : "bulk: no document to import, nothing was stored");
            return refused == 0 ? 0 : 1;
        }
        try {
            BulkStore.load(store, files, replace, store.resolve("logs").resolve("bulk-import.log"));
        } catch (BulkStore.Refused e) {
            err.println("import --bulk failed: " + e.getMessage());
            return 2;
        }
        long loaded = System.nanoTime();
        out.printf(Locale.ROOT, "bulk: Neo4j's importer wrote the store in %.1f s%n", seconds(read, loaded));
        // the start-up after a bulk load is where its indexes are populated and its family groups built: say how long each took
        ConfigurableApplicationContext context = ImportCommand.start(application,
                "--logging.level.org.perfgraph.support.GraphSchema=INFO",
                "--logging.level.org.perfgraph.compare.FamilyGroupsMigration=INFO");
        if (context == null) {
            return 2;
        }
        try (context) {
            long started = System.nanoTime();
            context.getBean(GraphWriter.class).completeBulk(documents);
            long completed = System.nanoTime();
            String mismatch = compare(context.getBean(StoreSessions.class), bulk.expectedNodes());
            if (mismatch != null) {
                err.println("import --bulk failed: " + mismatch);
                return 2;
            }
            for (BulkImport.Document d : documents) {
                out.printf("%s: IMPORTED%n", d.file());
            }
            out.printf(Locale.ROOT, "bulk: schema, indexes and family groups at start-up %.1f s, diagnostics and history %.1f s%n",
                    seconds(loaded, started), seconds(started, completed));
            double total = seconds(start, System.nanoTime());
            int projects = documents.stream().mapToInt(d -> d.written().projects()).sum();
            int diagnostics = documents.stream().mapToInt(BulkImport.Document::diagnosticCount).sum();
            out.printf("summary: %d documents, %d imported, %d refused; %d projects, %d targets, %d diagnostics%n",
                    documents.size() + refused, documents.size(), refused, projects, bulk.targetRows(), diagnostics);
            out.printf(Locale.ROOT, "throughput: %.1f s, %.0f target rows/s, peak heap %d MB (of max %d MB)%n", total,
                    bulk.targetRows() / Math.max(total, 1e-9), ImportCommand.peakHeapMb(), Runtime.getRuntime().maxMemory() >> 20);
            return refused == 0 ? 0 : 1;
        } catch (RuntimeException e) {
            err.println("import --bulk failed after Neo4j's importer: " + e.getMessage());
            return 2;
        }
    }

    /** Null when the store holds as many nodes of each label as were read, else what differs. */
    private static String compare(StoreSessions sessions, Map<String, Long> expected) {
        try (var session = sessions.reading()) {
            for (var r : session.run(CypherScripts.load("ingest/bulk-node-counts"),
                    Map.of("labels", List.copyOf(expected.keySet()))).list()) {
                long stored = r.get("nodes").asLong();
                long read = expected.get(r.get("label").asString());
                if (stored != read) {
                    return "the store holds " + stored + " " + r.get("label").asString() + " nodes where " + read + " were read";
                }
            }
        }
        return null;
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left in the store folder; the next bulk import makes its own
        }
    }
}
