package org.perfgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each trait of issue 11 in each file kind: {@code src/test/resources/matrix/<trait>/} holds one document per file
 * kind, all written from the trait's {@code source.txt} by {@link TraitMatrixFixtures} (the .doc and .pdf by
 * LibreOffice from the docx), plus hand-written text copies ({@code copied*.txt}), and one {@code expected.tsv}
 * that every one of them must give: the same content in every file kind gives the same rows, compared exactly as
 * read (a line break inside a cell joins by one rule in every kind). Only {@link #COMPARED_NORMALISED} traits are
 * compared after {@link TextNormalizer#normalize}: their documents hold the stray spaces themselves.
 */
class TraitMatrixTest {

    private static final DocumentReader READER = new DocumentReader();

    /** Extension → the file kind detected from the content (never the name). */
    private static final Map<String, FileKind> KINDS = Map.of("txt", FileKind.TEXT, "csv", FileKind.TEXT,
            "xlsx", FileKind.XLSX, "xls", FileKind.XLS, "docx", FileKind.DOCX, "doc", FileKind.DOC,
            "html", FileKind.HTML, "pdf", FileKind.PDF);

    private static Path root() {
        try {
            return Path.of(TraitMatrixTest.class.getResource("/matrix").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> traits() {
        try (Stream<Path> dirs = Files.list(root())) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> documents(Path trait) {
        try (Stream<Path> files = Files.list(trait)) {
            return files.filter(f -> {
                String n = f.getFileName().toString();
                return n.startsWith("document.") || n.startsWith("copied") && n.endsWith(".txt");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Traits whose documents carry a space where a copy had a line break (项目 名称 typed into the cell): the space is
     * in the cell in every kind and the reader keeps cell text as written, so they match only once normalised.
     */
    private static final Set<String> COMPARED_NORMALISED = Set.of("space-for-line-break");

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Path trait : traits()) {
            for (Path doc : documents(trait)) {
                out.add(Arguments.of(trait.getFileName().toString(), doc.getFileName().toString()));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("cases")
    void every_file_kind_of_a_trait_gives_the_trait_s_expected_rows(String trait, String file) throws IOException {
        Path dir = root().resolve(trait);
        ParsedDocument d = READER.read(file, Files.readAllBytes(dir.resolve(file)));

        String extension = file.substring(file.lastIndexOf('.') + 1);
        assertThat(d.fileKind()).isEqualTo(KINDS.get(extension));
        boolean normalised = COMPARED_NORMALISED.contains(trait);
        assertThat(rows(d, normalised)).as(trait + " / " + file)
                .containsExactlyElementsOf(expected(dir, normalised));
    }

    /** No cell of the matrix is skipped silently: every trait has a document of every file kind. */
    @Test
    void every_trait_has_a_document_of_every_file_kind_and_its_expected_rows() {
        assertThat(traits()).hasSize(10);
        for (Path trait : traits()) {
            List<FileKind> kinds = documents(trait).stream().map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("document.")).map(n -> KINDS.get(n.substring(n.lastIndexOf('.') + 1)))
                    .toList();
            assertThat(kinds).as(trait.getFileName().toString()).containsExactlyInAnyOrder(FileKind.values());
            assertThat(trait.resolve("expected.tsv")).as(trait.getFileName().toString()).exists();
        }
    }

    /** project, amount in yuan, L1, L2, indicator, raw value, notes: tab-joined, as read or normalised. */
    private static List<String> rows(ParsedDocument d, boolean normalised) {
        List<String> out = new ArrayList<>();
        for (ParsedProject p : d.projects()) {
            for (ParsedTarget t : p.targets()) {
                out.add(String.join("\t", text(p.name(), normalised), amount(p.amount()),
                        t.level1() == null ? "" : t.level1().canonical(),
                        t.level2() == null ? "" : t.level2().canonical(), text(t.indicator().name(), normalised),
                        t.annual() == null ? "" : text(t.annual().raw(), normalised), text(t.notes(), normalised)));
            }
        }
        return out;
    }

    private static String text(String s, boolean normalised) {
        return s == null ? "" : normalised ? TextNormalizer.normalize(s) : s;
    }

    private static String amount(BigDecimal a) {
        return a == null ? "" : a.stripTrailingZeros().toPlainString();
    }

    private static List<String> expected(Path dir, boolean normalised) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("expected.tsv"), StandardCharsets.UTF_8);
        return lines.subList(1, lines.size()).stream().map(l -> {
            String[] f = l.split("\t", -1);
            for (int i = 0; i < f.length; i++) {
                f[i] = text(f[i], normalised);
            }
            return String.join("\t", f);
        }).toList();
    }
}
