package org.perfgraph.graph;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.perfgraph.ingest.Diagnostic;
import org.perfgraph.ingest.ImportRejectedException;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar perfgraph.jar import FILE...}: imports each file into the configured store (embedded or
 * NEO4J_URI), printing a line per document (its warnings listed, infos counted) and a summary with throughput and
 * peak heap; exits 1 if any document was refused, 2 on usage or database errors. Each document is its own
 * transaction, so a refused one writes nothing; PERFGRAPH_IMPORT_THREADS (default 2) documents are written at once.
 */
public final class ImportCommand {

    private ImportCommand() {
    }

    public static int run(Class<?> application, String[] files) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        if (files.length == 0) {
            err.println("usage: java -jar perfgraph.jar import FILE...");
            return 2;
        }
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        ConfigurableApplicationContext context;
        try {
            // Command-line properties: they outrank application.yml, so no sample loading and a quiet log.
            context = app.run("--perfgraph.load-samples=false", "--logging.level.root=WARN",
                    "--logging.level.org.perfgraph=WARN");
        } catch (Throwable e) {
            return 2; // the failure analyzer printed what to change
        }
        try (context) {
            DocumentImporter importer = context.getBean(DocumentImporter.class);
            int threads = Math.max(1, Integer.getInteger("perfgraph.import-threads",
                    Integer.parseInt(System.getenv().getOrDefault("PERFGRAPH_IMPORT_THREADS", "2"))));
            Totals totals = new Totals();
            long start = System.nanoTime();
            // Documents are independent transactions; two writers keep both cores busy (STACK-NOTES: +40-50%).
            // Shared nodes (indicators, texts) are MERGEd: a deadlock between writers is retried by the driver.
            var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            try {
                List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
                for (String file : files) {
                    futures.add(pool.submit(() -> importOne(importer, file, out, err, totals)));
                }
                for (var f : futures) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 2;
            } catch (java.util.concurrent.ExecutionException e) {
                err.println("import failed: " + e.getCause().getMessage());
                return 2;
            } finally {
                pool.shutdownNow();
            }
            int refused = totals.refused;
            int projects = totals.projects;
            long targets = totals.targets;
            int texts = totals.texts;
            int diagnostics = totals.diagnostics;
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf("summary: %d documents, %d imported or unchanged, %d refused; %d projects, %d targets, %d texts, %d diagnostics%n",
                    files.length, files.length - refused, refused, projects, targets, texts, diagnostics);
            out.printf(java.util.Locale.ROOT, "throughput: %.1f s, %.0f target rows/s, peak heap %d MB (of max %d MB)%n",
                    seconds, targets / Math.max(seconds, 1e-9), peakHeapMb(), Runtime.getRuntime().maxMemory() >> 20);
            return refused == 0 ? 0 : 1;
        }
    }

    /** Counts over all documents, updated under the lock of this object. */
    private static final class Totals {
        int refused;
        int projects;
        long targets;
        int texts;
        int diagnostics;
    }

    /** Imports one file and prints its line (warnings and errors listed; infos counted). */
    private static void importOne(DocumentImporter importer, String file, PrintStream out, PrintStream err, Totals totals) {
        Path path = Path.of(file);
        try {
            byte[] content = Files.readAllBytes(path);
            var report = importer.importDocument(path.getFileName().toString(), content, false);
            StringBuilder text = new StringBuilder(String.format("%s: %s (%s) %d projects, %d targets, %d texts, %d diagnostics%n",
                    file, report.status(), report.format(), report.projects(), report.targets(), report.texts(),
                    report.diagnostics().size()));
            for (Diagnostic d : report.diagnostics()) {
                if (d.severity() != Diagnostic.Severity.INFO) {
                    text.append(String.format("  line %d %s %s: %s%n", d.line(), d.severity(), d.code(), d.message()));
                }
            }
            synchronized (totals) {
                out.print(text);
                totals.projects += report.projects();
                totals.targets += report.targets();
                totals.texts += report.texts();
                totals.diagnostics += report.diagnostics().size();
            }
        } catch (ImportRejectedException e) {
            refuse(totals, err, e.getMessage());
        } catch (NoSuchFileException e) {
            refuse(totals, err, file + ": no such file");
        } catch (IOException e) {
            refuse(totals, err, file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static void refuse(Totals totals, PrintStream err, String message) {
        synchronized (totals) {
            totals.refused++;
            err.println("refused: " + message);
        }
    }

    /** Peak use of the heap pools since the JVM started (the figure the benchmark reports). */
    static long peakHeapMb() {
        long peak = 0;
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}
