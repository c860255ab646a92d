package org.perfgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.perfgraph.ingest.FuzzFixtures.Fixture;
import org.perfgraph.ingest.FuzzFixtures.Outcome;
import org.perfgraph.ingest.Mutations.Mutant;

/**
 * Property tests of the reader over damaged versions of every fixture it knows (the seeds, the layout, text-shape,
 * file and blind fixtures): see {@link Mutations} for the damage and {@link ReadInvariants} for what must hold.
 * The default run is quick (a few hundred cases); {@code bench/fuzz.sh} runs the same properties with
 * {@code -Dperfgraph.fuzz.tries} raised. A failure names the seed, the fixture, the damage and a shrunk input
 * under {@code target/fuzz/}.
 */
class DocumentFuzzTest {

    @Test
    void every_fixture_read_whole_satisfies_the_invariants() {
        List<String> failures = new ArrayList<>();
        for (Fixture f : FuzzFixtures.all()) {
            Mutant whole = new Mutant(f, "whole", "unchanged", f.bytes(), f.text(), Mutations.Relation.NONE, 0);
            for (String v : ReadInvariants.check(whole, Outcome.of(whole.name(), f.bytes()))) {
                failures.add(f.name() + ": " + v);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(FuzzFixtures.all()).hasSizeGreaterThan(30);
    }

    @Test
    void damaged_text_reads_to_a_clean_document_or_a_refusal() {
        List<Fixture> fixtures = FuzzFixtures.text();
        Fuzz.Run run = Fuzz.run("text", Fuzz.tries(120), r -> Mutations.text(fixtures.get(r.nextInt(fixtures.size())), r),
                DocumentFuzzTest::check);
        assertThat(run.failures()).as(() -> withShrunk(run, fixtures)).isEmpty();
    }

    @Test
    void damaged_files_read_to_a_clean_document_or_a_refusal() {
        List<Fixture> fixtures = FuzzFixtures.all();
        Fuzz.Run run = Fuzz.run("bytes", Fuzz.tries(24), r -> Mutations.bytes(fixtures.get(r.nextInt(fixtures.size())), r),
                DocumentFuzzTest::check);
        assertThat(run.failures()).as(run::report).isEmpty();
    }

    /**
     * Both seeds cut at every line end, not a sample: a cut there looks like a whole document, so only the prefix
     * invariant can tell a row filed under a category its full document does not give it (a form's merged L2 label
     * stands below its rows) from one that carries a WARNING saying so.
     */
    @Test
    void the_seeds_cut_at_every_line_end_keep_their_rows_or_warn() {
        List<String> failures = new ArrayList<>();
        List<Fixture> seeds = FuzzFixtures.all().stream()
                .filter(f -> f.name().equals("000_4081c7b18e37fcb4.txt") || f.name().equals("003_97f8f01bbb414fd2.txt"))
                .toList();
        assertThat(seeds).hasSize(2);
        for (Fixture f : seeds) {
            List<String> lines = Mutations.lines(f.text());
            for (int k = 0; k <= lines.size(); k++) {
                String text = String.join("\n", lines.subList(0, k)) + (k > 0 ? "\n" : "");
                Mutant m = new Mutant(f, "cutAtLine", "first " + k + " of " + lines.size() + " lines",
                        text.getBytes(StandardCharsets.UTF_8), text, Mutations.Relation.PREFIX, 0);
                for (String v : ReadInvariants.check(m, Outcome.of(m.name(), m.bytes()))) {
                    failures.add(m + ": " + v);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /** Each seed document gets every kind of text damage at least once per run. */
    @Test
    void every_kind_of_damage_to_the_seeds_reads_cleanly() {
        List<Fixture> seeds = FuzzFixtures.all().stream()
                .filter(f -> f.name().equals("000_4081c7b18e37fcb4.txt") || f.name().equals("003_97f8f01bbb414fd2.txt"))
                .toList();
        assertThat(seeds).hasSize(2);
        int rounds = Math.max(1, Fuzz.tries(2 * Mutations.TEXT_KINDS.size()) / (2 * Mutations.TEXT_KINDS.size()));
        List<Mutant> cases = new ArrayList<>();
        Fuzz.Run run = Fuzz.run("seeds", rounds * seeds.size() * Mutations.TEXT_KINDS.size(), r -> {
            int i = cases.size();
            Fixture f = seeds.get((i / Mutations.TEXT_KINDS.size()) % seeds.size());
            Mutant m = Mutations.text(f, Mutations.TEXT_KINDS.get(i % Mutations.TEXT_KINDS.size()), r);
            cases.add(m);
            return m;
        }, DocumentFuzzTest::check);
        assertThat(run.failures()).as(() -> withShrunk(run, seeds)).isEmpty();
    }

    static Fuzz.Case check(Mutant m) {
        Outcome o = Outcome.of(m.name(), m.bytes());
        return new Fuzz.Case(ReadInvariants.check(m, o), o.refusal() != null);
    }

    /** The report with the first failing text case shrunk, so that it can become a plain regression test. */
    private static String withShrunk(Fuzz.Run run, List<Fixture> fixtures) {
        StringBuilder s = new StringBuilder(run.report());
        Random r = new Random(run.seed());
        // regenerate the failing cases from the seed to shrink the first text one
        for (int i = 0; i < run.cases() && s.length() < 20_000; i++) {
            Mutant m = run.property().equals("seeds")
                    ? Mutations.text(fixtures.get((i / Mutations.TEXT_KINDS.size()) % fixtures.size()),
                    Mutations.TEXT_KINDS.get(i % Mutations.TEXT_KINDS.size()), r)
                    : Mutations.text(fixtures.get(r.nextInt(fixtures.size())), r);
            List<String> v = check(m).violations();
            if (v.isEmpty() || m.text() == null) {
                continue;
            }
            String category = v.get(0).substring(0, v.get(0).indexOf(':'));
            if (category.equals("prefix") || category.equals("same")) {
                continue;
            }
            String shrunk = Fuzz.shrink(m.text(), t -> check(new Mutant(m.origin(), m.kind(), m.description(),
                    t.getBytes(StandardCharsets.UTF_8), t, m.relation(), m.cutLine())).violations().stream()
                    .anyMatch(x -> x.startsWith(category + ":")), 400);
            Path p = Fuzz.save(run.property() + "-case-" + i + "-shrunk.txt", shrunk);
            s.append("\nshrunk case ").append(i).append(" (").append(category).append(", ").append(m).append(") → ")
                    .append(p).append(shrunk.length() < 2000 ? ":\n" + shrunk : "");
            break;
        }
        return s.toString();
    }
}
