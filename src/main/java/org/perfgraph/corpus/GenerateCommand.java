package org.perfgraph.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code java -jar perfgraph.jar generate --targets N [--format tab|form|csv] [--seed S] [--out DIR]
 * [--per-document N] [--years N]}: writes a synthetic corpus for benchmarks; with {@code --years 2} every unit files
 * two documents (2023 and 2024), the second a next year's version of the first.
 */
public final class GenerateCommand {

    private GenerateCommand() {
    }

    static final String USAGE = """
            usage: java -jar perfgraph.jar generate --targets N [--format tab|form|csv] [--seed S] [--out DIR] [--per-document N] [--years N]
              --targets N         target rows to write in all (default 10000)
              --format F          tab (default), form or csv
              --seed S            random seed; the same seed writes the same corpus (default 1)
              --out DIR           folder to write into (default bench/out/corpus)
              --per-document N    target rows per document (default 5000)
              --years N           budget years per unit (default 1; 2 writes a 2023 and an evolved 2024 document)
              --help              this text""";

    public static int run(String[] args) {
        if (java.util.Arrays.asList(args).contains("--help") || java.util.Arrays.asList(args).contains("-h")) {
            System.out.println(USAGE);
            return 0;
        }
        long targets = 10_000;
        CorpusGenerator.Format format = CorpusGenerator.Format.TAB;
        long seed = 1;
        Path out = Path.of("bench/out/corpus");
        int perDocument = 5_000;
        int years = 1;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--targets" -> targets = Long.parseLong(args[++i].replace("_", ""));
                    case "--format" -> format = CorpusGenerator.Format.valueOf(args[++i].toUpperCase(Locale.ROOT));
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    case "--out" -> out = Path.of(args[++i]);
                    case "--per-document" -> perDocument = Integer.parseInt(args[++i]);
                    case "--years" -> years = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (targets <= 0 || perDocument <= 0 || years <= 0) {
                throw new IllegalArgumentException("--targets, --per-document and --years must be positive");
            }
        } catch (RuntimeException e) {
            System.err.println("generate: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        try {
            long start = System.nanoTime();
            var summary = new CorpusGenerator(new CorpusGenerator.Options(targets, format, seed, out, perDocument, years)).generate();
            System.out.printf(Locale.ROOT, "generated %d documents, %d projects, %d targets (%s, seed %d) in %s in %.1f s%n",
                    summary.documents(), summary.projects(), summary.targets(), format, seed, out,
                    (System.nanoTime() - start) / 1e9);
            return 0;
        } catch (IOException e) {
            System.err.println("generate: cannot write " + out + ": " + e.getMessage());
            return 2;
        }
    }
}
