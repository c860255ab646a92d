package org.perfgraph.graph;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.perfgraph.ingest.Diagnostic;
import org.perfgraph.ingest.ImportOptions;
import org.perfgraph.ingest.ImportRejectedException;
import org.perfgraph.support.TransactionMemory;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar perfgraph.jar import [options] FILE...}: imports each file (any kind the reader reads, told by
 * its content) into the configured store (embedded or NEO4J_URI), printing a line per document (its warnings
 * listed, infos counted) and a summary with throughput and peak heap; exits 1 if any document was refused, 2 on
 * usage or database errors. Each document is its own transaction, so a refused one writes nothing and the others
 * still import; PERFGRAPH_IMPORT_THREADS (default 2) documents are written at once. Progress (documents, target
 * rows read and written, rate, ETA) ends every document's line, and on a terminal a status line shows it as it goes
 * ({@link ImportProgress}). {@code --remove NAME} takes a stored document out instead.
 */
public final class ImportCommand {

    static final String USAGE = """
            usage: java -jar perfgraph.jar import [options] FILE...
                   java -jar perfgraph.jar import --remove NAME...
                   java -jar perfgraph.jar import --bulk [options] DIR...
              FILE                any file perfgraph reads (xlsx, xls, docx, doc, pdf, html, text), told by its content
              --columns JSON      explicit column mapping, e.g. '{"indicator":"考核内容","value":"目标"}'
                                  keys: unit project amount goal level1 level2 indicator value periodValue comparator
                                  measureUnit weight direction valueType actual score note
              --year N            budget year where the document does not say it
              --region NAME       region where the document does not say it
              --unit NAME         budget unit where the document does not say it
              --override          year, region and unit win over what the document says
              --dry-run           read and report only; nothing is written
              --remove NAME       remove the stored document NAME with everything only it referenced
              --bulk              build a new embedded store with Neo4j's offline importer: every file in the
                                  DIRs (and FILEs) is read and checked first, a bad one refused by name, the
                                  rest written at once; refuses a store that holds data and NEO4J_URI
              --help              this text""";

    private ImportCommand() {
    }

    /** The command line, parsed. */
    record Arguments(List<String> files, List<String> removals, ImportOptions options, boolean dryRun, boolean bulk) {
    }

    /** Parses the command line; a usage error is an IllegalArgumentException with a message for the user. */
    static Arguments parse(String[] args) {
        List<String> files = new ArrayList<>();
        List<String> removals = new ArrayList<>();
        Map<String, String> columns = Map.of();
        Integer year = null;
        String region = null;
        String unit = null;
        boolean override = false;
        boolean dryRun = false;
        boolean bulk = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--columns" -> columns = columns(value(args, ++i, a));
                case "--year" -> {
                    String v = value(args, ++i, a);
                    try {
                        year = Integer.valueOf(v);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--year takes a year such as 2024, not '" + v + "'");
                    }
                }
                case "--region" -> region = value(args, ++i, a);
                case "--unit" -> unit = value(args, ++i, a);
                case "--override" -> override = true;
                case "--dry-run" -> dryRun = true;
                case "--bulk" -> bulk = true;
                case "--remove" -> removals.add(value(args, ++i, a));
                default -> {
                    if (a.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + a);
                    }
                    files.add(a);
                }
            }
        }
        if (bulk && !removals.isEmpty()) {
            throw new IllegalArgumentException("--bulk builds a new store; --remove takes documents out of one");
        }
        if (bulk && files.isEmpty()) {
            throw new IllegalArgumentException("--bulk needs the DIRs or FILEs to import");
        }
        if (files.isEmpty() && removals.isEmpty()) {
            throw new IllegalArgumentException("no FILE to import and no --remove NAME");
        }
        if (!files.isEmpty() && !removals.isEmpty()) {
            throw new IllegalArgumentException("import FILEs or --remove NAMEs, not both in one run");
        }
        return new Arguments(files, removals, new ImportOptions(columns, year, region, unit, override), dryRun, bulk);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    /** The --columns JSON object: our column keys to header cells. */
    static Map<String, String> columns(String json) {
        Map<String, Object> parsed;
        try {
            parsed = new tools.jackson.databind.json.JsonMapper().readValue(json,
                    new tools.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, Object>>() { });
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--columns takes a JSON object such as '{\"indicator\":\"考核内容\"}': "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (var e : parsed.entrySet()) {
            if (!ImportOptions.COLUMN_KEYS.contains(e.getKey())) {
                throw new IllegalArgumentException("--columns: unknown key '" + e.getKey() + "'; keys are "
                        + new java.util.TreeSet<>(ImportOptions.COLUMN_KEYS));
            }
            if (!(e.getValue() instanceof String header) || header.isBlank()) {
                throw new IllegalArgumentException("--columns: '" + e.getKey() + "' must name a header cell (a string)");
            }
            out.put(e.getKey(), header);
        }
        return out;
    }

    public static int run(Class<?> application, String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(USAGE);
            return 0;
        }
        Arguments arguments;
        try {
            arguments = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("import: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (arguments.bulk()) {
            return BulkCommand.run(application, arguments, out, err);
        }
        List<String> files = arguments.files();
        ConfigurableApplicationContext context = start(application);
        if (context == null) {
            return 2; // the failure analyzer printed what to change
        }
        try (context) {
            DocumentImporter importer = context.getBean(DocumentImporter.class);
            if (!arguments.removals().isEmpty()) {
                return remove(importer, arguments.removals(), out, err);
            }
            int threads = threads();
            Totals totals = new Totals();
            long start = System.nanoTime();
            List<Long> sizes = new java.util.ArrayList<>();
            for (String file : files) {
                try {
                    sizes.add(Files.size(Path.of(file)));
                } catch (IOException e) {
                    sizes.add(0L); // refused with its reason when its turn comes
                }
            }
            ImportProgress progress = new ImportProgress(sizes, out, err, System.console() != null, System::nanoTime);
            // Documents are independent transactions; two writers keep both cores busy (STACK-NOTES: +40-50%).
            // Shared nodes (indicators, texts) are MERGEd: a deadlock between writers is retried by the driver, and a
            // document whose retries all met the other writer is written again at the end, alone.
            try {
                TransactionMemory memory = context.getBean(TransactionMemory.class);
                importAll(files, threads, file -> importOne(importer, memory, file, arguments, progress, totals, true),
                        file -> importOne(importer, memory, file, arguments, progress, totals, false));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 2;
            } catch (java.util.concurrent.ExecutionException e) {
                // importOne handles every failure of its document; anything else is this command's own bug
                err.println("import failed: " + e.getCause());
                return 2;
            } finally {
                progress.close();
            }
            int refused = totals.refused;
            int projects = totals.projects;
            long targets = totals.targets;
            int texts = totals.texts;
            int diagnostics = totals.diagnostics;
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf("summary: %d documents, %d imported or unchanged, %d refused; %d projects, %d targets, %d texts, %d diagnostics%n",
                    files.size(), files.size() - refused, refused, projects, targets, texts, diagnostics);
            out.printf(java.util.Locale.ROOT, "throughput: %.1f s, %.0f target rows/s, peak heap %d MB (of max %d MB)%n",
                    seconds, targets / Math.max(seconds, 1e-9), peakHeapMb(), Runtime.getRuntime().maxMemory() >> 20);
            return refused == 0 ? 0 : 1;
        }
    }

    /** PERFGRAPH_IMPORT_THREADS (or -Dperfgraph.import-threads): documents read and written at once, default 2. */
    static int threads() {
        return Math.max(1, Integer.getInteger("perfgraph.import-threads",
                Integer.parseInt(System.getenv().getOrDefault("PERFGRAPH_IMPORT_THREADS", "2"))));
    }

    /**
     * The service without its web server and samples, logging warnings only (and what {@code properties} add, as
     * {@code --name=value}); null when it could not start (Spring's failure analyzer has printed what to change).
     */
    static ConfigurableApplicationContext start(Class<?> application, String... properties) {
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        try {
            // Command-line properties: they outrank application.yml, so no sample loading and a quiet log.
            // the driver logs each retry of a deadlocked transaction with its stack: the command reports the outcome
            List<String> args = new ArrayList<>(List.of("--perfgraph.load-samples=false", "--logging.level.root=WARN",
                    "--logging.level.org.perfgraph=WARN", "--logging.level.org.neo4j.driver=ERROR"));
            args.addAll(List.of(properties));
            return app.run(args.toArray(String[]::new));
        } catch (Throwable e) {
            return null;
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

    /** Removes each named document: one transaction and one history entry each. */
    private static int remove(DocumentImporter importer, List<String> names, PrintStream out, PrintStream err) {
        int missing = 0;
        for (String name : names) {
            try {
                if (importer.removeDocument(name, "system")) {
                    out.println(name + ": removed");
                } else {
                    missing++;
                    err.println("refused: " + name + ": no document of that name is stored");
                }
            } catch (RuntimeException e) {
                missing++;
                err.println("refused: " + name + ": could not be removed (" + firstLine(e) + "); nothing was changed");
            }
        }
        return missing == 0 ? 0 : 1;
    }

    /** Imports one file and prints its line (warnings and errors listed; infos counted). */
    private static boolean importOne(DocumentImporter importer, TransactionMemory memory, String file, Arguments arguments,
                                     ImportProgress progress,
                                     Totals totals, boolean mayWait) {
        Path path = Path.of(file);
        try {
            byte[] content = Files.readAllBytes(path);
            var report = importer.importDocument(path.getFileName().toString(), content, arguments.options(),
                    arguments.dryRun(), "system", false, progress.start(file, content.length));
            StringBuilder text = new StringBuilder(String.format("%s: %s (%s, %s, %s%s) %d projects, %d targets, %d texts, %d diagnostics%n",
                    file, report.status(), report.format(), report.fileKind(), report.kind(),
                    report.truncated() ? ", truncated" : "", report.projects(), report.targets(), report.texts(),
                    report.diagnostics().size()));
            for (Diagnostic d : report.diagnostics()) {
                if (d.severity() != Diagnostic.Severity.INFO) {
                    text.append(String.format("  line %d%s %s %s: %s%n", d.line(),
                            d.place() == null ? "" : " (" + d.place() + ")", d.severity(), d.code(), d.message()));
                }
            }
            synchronized (totals) {
                progress.finished(file, text.toString());
                totals.projects += report.projects();
                totals.targets += report.targets();
                totals.texts += report.texts();
                totals.diagnostics += report.diagnostics().size();
            }
        } catch (org.neo4j.driver.exceptions.TransientException e) {
            if (mayWait) {
                progress.retrying(file);
                return true;
            }
            if (TransactionMemory.exceeded(e)) {
                // the pool all transactions share was full even with this document written alone
                refuse(totals, progress, file, file + ": could not be written, alone either (" + firstLine(e)
                        + "): " + memory.advice() + "; nothing of it was stored");
                return false;
            }
            refuse(totals, progress, file, file + ": could not be written (" + firstLine(e) + "); nothing of it was stored");
        } catch (ImportRejectedException e) {
            refuse(totals, progress, file, e.getMessage());
        } catch (NoSuchFileException e) {
            refuse(totals, progress, file, file + ": no such file");
        } catch (IOException e) {
            refuse(totals, progress, file, file + ": cannot read (" + e.getMessage() + ")");
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            if (String.valueOf(e.getMessage()).contains("after written to log")) {
                // Neo4j failed applying a commit it had logged (the heap ran out in the commit): recovery applies it
                refuse(totals, progress, file, file + ": the database failed after logging its commit (" + firstLine(e)
                        + "); it may be in the store after the next start; run the import again with more heap (-Xmx)");
                return false;
            }
            // a database or writer failure of this document: its transaction rolled back, the others go on
            refuse(totals, progress, file, file + ": could not be written (" + firstLine(e) + "); nothing of it was stored");
        }
        return false;
    }

    /**
     * Runs {@code first} for every file on {@code threads} writers; the files for which it answers true (its
     * transaction kept meeting another writer's locks: a transient failure after the driver's retries) are then run
     * with {@code alone}, one after the other, once every other writer is done.
     */
    static void importAll(List<String> files, int threads, java.util.function.Predicate<String> first,
                          java.util.function.Consumer<String> alone)
            throws InterruptedException, java.util.concurrent.ExecutionException {
        List<String> again = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
            for (String file : files) {
                futures.add(pool.submit(() -> {
                    if (first.test(file)) {
                        again.add(file);
                    }
                }));
            }
            for (var f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> inOrder = new java.util.ArrayList<>(again);
        inOrder.sort(java.util.Comparator.comparingInt(files::indexOf));
        for (String file : inOrder) {
            alone.accept(file);
        }
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    private static void refuse(Totals totals, ImportProgress progress, String file, String message) {
        synchronized (totals) {
            totals.refused++;
            progress.refused(file, message);
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
