package org.perfgraph.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A small property runner for the fuzz tests: a number of random cases from one seed, the failures collected, and
 * the first failing text shrunk (lines, then characters) to a small input that still fails the same way.
 * <p>
 * {@code -Dperfgraph.fuzz.tries=N} sets the cases per property (the quick default is each property's own);
 * {@code -Dperfgraph.fuzz.seed=S} repeats a run. Each property appends its count to {@code target/fuzz/summary.tsv}
 * (what {@code bench/fuzz.sh} adds up) and writes shrunk failures to {@code target/fuzz/}.
 */
public final class Fuzz {

    static final Path OUT = Path.of("target/fuzz");

    private Fuzz() {
    }

    /** Cases per property: the system property where set, else the quick count. */
    public static int tries(int quick) {
        String p = System.getProperty("perfgraph.fuzz.tries");
        return p == null || p.isBlank() ? quick : Integer.parseInt(p.trim());
    }

    /** The quick run's seed: the suite checks the same cases every time, so a red build is a change, not luck. */
    private static final long QUICK_SEED = 20261203L;

    /**
     * The run's seed: the system property where set; else, in the quick run of the suite, {@link #QUICK_SEED}; else
     * (a long run, {@code perfgraph.fuzz.tries} given) a fresh one, printed with every failure, to find new defects.
     */
    public static long seed() {
        String p = System.getProperty("perfgraph.fuzz.seed");
        if (p != null && !p.isBlank()) {
            return Long.parseLong(p.trim());
        }
        String tries = System.getProperty("perfgraph.fuzz.tries");
        return tries == null || tries.isBlank() ? QUICK_SEED : System.nanoTime();
    }

    /** What one property run found. */
    public record Run(String property, long seed, int cases, int refused, List<String> failures) {

        public String report() {
            StringBuilder s = new StringBuilder(property + ": " + failures.size() + " of " + cases
                    + " cases violate an invariant (seed " + seed + ", rerun with -Dperfgraph.fuzz.seed=" + seed + ")");
            failures.stream().limit(12).forEach(f -> s.append("\n  - ").append(f));
            return s.toString();
        }
    }

    /**
     * Runs {@code cases} cases: each takes the random source and returns its violations (empty when it holds) and
     * whether the document was refused.
     */
    public static <C> Run run(String property, int cases, Function<Random, C> generate,
                              Function<C, Case> check) {
        long seed = seed();
        Random random = new Random(seed);
        List<String> failures = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < cases; i++) {
            C c = generate.apply(random);
            Case result = check.apply(c);
            if (result.refused()) {
                refused++;
            }
            if (!result.violations().isEmpty()) {
                failures.add("case " + i + " " + c + ": " + String.join("; ", result.violations()));
            }
        }
        Run run = new Run(property, seed, cases, refused, failures);
        record(run);
        return run;
    }

    /** The result of one case. */
    public record Case(List<String> violations, boolean refused) {
    }

    private static synchronized void record(Run run) {
        try {
            Files.createDirectories(OUT);
            Files.writeString(OUT.resolve("summary.tsv"), run.property() + "\t" + run.cases() + "\t" + run.refused()
                            + "\t" + run.failures().size() + "\t" + run.seed() + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            if (!run.failures().isEmpty()) {
                Files.writeString(OUT.resolve(run.property() + "-failures.txt"), run.report(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Shrinks a failing text: drops runs of lines, then shortens lines from the end and drops characters, while
     * {@code fails} holds. At most {@code budget} checks.
     */
    public static String shrink(String text, Predicate<String> fails, int budget) {
        List<String> lines = Mutations.lines(text);
        int checks = 0;
        for (int chunk = Math.max(1, lines.size() / 2); chunk >= 1 && checks < budget; chunk /= 2) {
            for (int i = 0; i + chunk <= lines.size() && checks < budget; ) {
                List<String> fewer = new ArrayList<>(lines.subList(0, i));
                fewer.addAll(lines.subList(i + chunk, lines.size()));
                checks++;
                if (!fewer.isEmpty() && fails.test(Mutations.join(fewer))) {
                    lines = fewer;
                } else {
                    i += chunk;
                }
            }
        }
        for (int l = 0; l < lines.size() && checks < budget; l++) {
            String line = lines.get(l);
            for (int cut = line.length() / 2; cut >= 1 && checks < budget; cut /= 2) {
                while (line.length() >= cut && checks < budget) {
                    List<String> copy = new ArrayList<>(lines);
                    String shorter = line.substring(0, line.length() - cut);
                    copy.set(l, shorter);
                    checks++;
                    if (fails.test(Mutations.join(copy))) {
                        line = shorter;
                        lines = copy;
                    } else {
                        break;
                    }
                }
            }
        }
        return Mutations.join(lines);
    }

    /** Writes a shrunk failure where a developer finds it; returns the path. */
    static Path save(String name, String text) {
        try {
            Files.createDirectories(OUT);
            Path p = OUT.resolve(name);
            Files.writeString(p, text, StandardCharsets.UTF_8);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
