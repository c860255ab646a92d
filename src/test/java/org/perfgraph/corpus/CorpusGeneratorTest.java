package org.perfgraph.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfgraph.ingest.DocumentFormat;
import org.perfgraph.ingest.DocumentReader;
import org.perfgraph.ingest.ParsedDocument;
import org.perfgraph.ingest.ParsedProject;
import org.perfgraph.ingest.ParsedTarget;
import org.perfgraph.ingest.ValueKind;

/** Generated corpora read back through the real parser: every target comes back, structure as the seeds have it. */
class CorpusGeneratorTest {

    @TempDir
    Path out;

    private ParsedDocument generateAndRead(CorpusGenerator.Format format, long targets) throws Exception {
        var summary = new CorpusGenerator(new CorpusGenerator.Options(targets, format, 7, out, 1_000_000)).generate();
        assertThat(summary.files()).hasSize(1);
        Path file = summary.files().get(0);
        return new DocumentReader().read(file.getFileName().toString(), Files.readAllBytes(file));
    }

    @Test
    void a_generated_tab_export_reads_back_with_every_target() throws Exception {
        ParsedDocument doc = generateAndRead(CorpusGenerator.Format.TAB, 3_000);
        assertThat(doc.format()).isEqualTo(DocumentFormat.TAB_EXPORT);
        assertThat(doc.targetCount()).isEqualTo(3_000);
        for (ParsedProject p : doc.projects()) {
            assertThat(p.targets().size()).isBetween(5, 25);
            for (ParsedTarget t : p.targets()) {
                assertThat(t.indicator().code()).hasSize(9);
            }
        }
    }

    @Test
    void a_generated_form_document_reads_back_with_every_target() throws Exception {
        ParsedDocument doc = generateAndRead(CorpusGenerator.Format.FORM, 2_000);
        assertThat(doc.format()).isEqualTo(DocumentFormat.FORM);
        assertThat(doc.targetCount()).isEqualTo(2_000);
        assertThat(doc.projects()).allSatisfy(p -> assertThat(p.targets()).allSatisfy(t -> assertThat(t.indicator().code()).isNull()));
    }

    @Test
    void a_generated_csv_reads_back_like_the_tab_export_it_mirrors() throws Exception {
        ParsedDocument csv = generateAndRead(CorpusGenerator.Format.CSV, 1_500);
        assertThat(csv.format()).isEqualTo(DocumentFormat.CSV);
        assertThat(csv.targetCount()).isEqualTo(1_500);
        // Some goal texts hold ASCII commas: they survive the quoting verbatim.
        assertThat(csv.projects().stream().flatMap(p -> p.goals().stream()).map(g -> g.raw()))
                .anySatisfy(raw -> assertThat(raw).contains(", ").startsWith("为了更好地完成"));
    }

    @Test
    void indicator_popularity_is_skewed_and_values_come_in_several_kinds() throws Exception {
        ParsedDocument doc = generateAndRead(CorpusGenerator.Format.TAB, 20_000);
        Map<String, Integer> uses = new HashMap<>();
        Map<ValueKind, Integer> kinds = new HashMap<>();
        for (ParsedProject p : doc.projects()) {
            for (ParsedTarget t : p.targets()) {
                uses.merge(t.indicator().key(), 1, Integer::sum);
                kinds.merge(t.annual().kind(), 1, Integer::sum);
            }
        }
        int max = uses.values().stream().max(Integer::compare).orElseThrow();
        double mean = uses.values().stream().mapToInt(Integer::intValue).average().orElseThrow();
        assertThat(max).isGreaterThan((int) (20 * mean));
        assertThat(kinds.keySet()).contains(ValueKind.NUMERIC, ValueKind.QUALITATIVE, ValueKind.DEADLINE, ValueKind.FREQUENCY);
    }

    @Test
    void the_same_seed_writes_the_same_corpus() throws Exception {
        var a = new CorpusGenerator(new CorpusGenerator.Options(500, CorpusGenerator.Format.TAB, 3, out.resolve("a"), 200)).generate();
        var b = new CorpusGenerator(new CorpusGenerator.Options(500, CorpusGenerator.Format.TAB, 3, out.resolve("b"), 200)).generate();
        assertThat(a.files()).hasSize(3);
        for (int i = 0; i < a.files().size(); i++) {
            assertThat(Files.readString(a.files().get(i))).isEqualTo(Files.readString(b.files().get(i)));
        }
    }

    @Test
    void with_two_years_every_unit_files_a_2023_document_and_its_next_years_version() throws Exception {
        var summary = new CorpusGenerator(new CorpusGenerator.Options(4_000, CorpusGenerator.Format.TAB, 7, out, 1_000, 2))
                .generate();
        assertThat(summary.files()).hasSizeGreaterThanOrEqualTo(4);
        DocumentReader reader = new DocumentReader();
        Path a = summary.files().get(0);
        Path b = summary.files().get(1);
        ParsedDocument first = reader.read(a.getFileName().toString(), Files.readAllBytes(a));
        ParsedDocument second = reader.read(b.getFileName().toString(), Files.readAllBytes(b));
        assertThat(first.year()).isEqualTo(2023);
        assertThat(second.year()).isEqualTo(2024);
        assertThat(second.projects().get(0).unit().code()).isEqualTo(first.projects().get(0).unit().code());
        // most projects come back under their name, most of their targets with the same value, not all
        java.util.Set<String> names = new java.util.HashSet<>();
        first.projects().forEach(p -> names.add(p.name()));
        long kept = second.projects().stream().filter(p -> names.contains(p.name())).count();
        assertThat(kept).isGreaterThan(second.projects().size() * 3L / 4).isLessThanOrEqualTo(second.projects().size());
        java.util.Set<String> rows = new java.util.HashSet<>();
        first.projects().forEach(p -> p.targets().forEach(t -> rows.add(p.name() + "|" + t.indicator().code() + "|" + t.annual().raw())));
        long same = second.projects().stream().flatMap(p -> p.targets().stream().map(t -> p.name() + "|" + t.indicator().code()
                + "|" + t.annual().raw())).filter(rows::contains).count();
        assertThat(same).isGreaterThan(second.targetCount() / 2L).isLessThan(second.targetCount());
        // the third document is the next unit's first year
        Path c = summary.files().get(2);
        ParsedDocument third = reader.read(c.getFileName().toString(), Files.readAllBytes(c));
        assertThat(third.year()).isEqualTo(2023);
        assertThat(third.projects().get(0).unit().code()).isNotEqualTo(first.projects().get(0).unit().code());
    }
}
