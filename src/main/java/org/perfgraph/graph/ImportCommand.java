package org.perfgraph.graph;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.perfgraph.ingest.Diagnostic;
import org.perfgraph.ingest.ImportRejectedException;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar perfgraph.jar import FILE...}: imports each file into the configured store (embedded or
 * NEO4J_URI), printing a line per document and a summary; exits 1 if any document was refused, 2 on usage or
 * database errors. Each document is its own transaction: a refused one writes nothing.
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
            int refused = 0;
            int projects = 0;
            int targets = 0;
            int texts = 0;
            int diagnostics = 0;
            long start = System.nanoTime();
            for (String file : files) {
                Path path = Path.of(file);
                try {
                    byte[] content = Files.readAllBytes(path);
                    var report = importer.importDocument(path.getFileName().toString(), content, false);
                    out.printf("%s: %s (%s) %d projects, %d targets, %d texts, %d diagnostics%n", file, report.status(),
                            report.format(), report.projects(), report.targets(), report.texts(), report.diagnostics().size());
                    for (Diagnostic d : report.diagnostics()) {
                        out.printf("  line %d %s %s: %s%n", d.line(), d.severity(), d.code(), d.message());
                    }
                    projects += report.projects();
                    targets += report.targets();
                    texts += report.texts();
                    diagnostics += report.diagnostics().size();
                } catch (ImportRejectedException e) {
                    refused++;
                    err.println("refused: " + e.getMessage());
                } catch (NoSuchFileException e) {
                    refused++;
                    err.println("refused: " + file + ": no such file");
                } catch (IOException e) {
                    refused++;
                    err.println("refused: " + file + ": cannot read (" + e.getMessage() + ")");
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf("summary: %d documents, %d imported or unchanged, %d refused; %d projects, %d targets, %d texts, %d diagnostics%n",
                    files.length, files.length - refused, refused, projects, targets, texts, diagnostics);
            out.printf(java.util.Locale.ROOT, "throughput: %.1f s, %.0f target rows/s, peak heap %d MB (of max %d MB)%n",
                    seconds, targets / Math.max(seconds, 1e-9), peakHeapMb(), Runtime.getRuntime().maxMemory() >> 20);
            return refused == 0 ? 0 : 1;
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
