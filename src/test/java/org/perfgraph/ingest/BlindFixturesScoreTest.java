package org.perfgraph.ingest;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Scores the reader on fixtures written by someone who had not read it (src/test/resources/blind/, see the
 * README there). Each fixture has a NAME.expected.tsv with the rows a careful human would extract; a row counts
 * as right when project, indicator and raw value agree (whitespace removed, full-width ASCII folded) and the
 * level 1 and amount agree where the expected row gives them. The score is a measurement, so a refusal or a
 * crash on one file costs that file's rows and never stops the run; the table goes to target/blind-score.md.
 */
@Tag("blind")
class BlindFixturesScoreTest {

    private static final Path FIXTURES = Paths.get("src/test/resources/blind");
    private static final Path REPORT = Paths.get("target/blind-score.md");
    private static final double REQUIRED_SHARE = 0.80;
    private static final int MISSES_SHOWN = 6;

    record Row(String project, String level1, String indicator, String raw, BigDecimal amount) {

        String show() {
            return String.join(" / ", project, level1 == null ? "" : level1, indicator, raw,
                    amount == null ? "" : amount.toPlainString());
        }
    }

    record Score(String fixture, int expected, int right, int extra, String refused, String crashed,
            List<Row> missed) {
    }

    @Test
    void reader_extracts_most_rows_of_documents_it_was_not_tuned_to() throws IOException {
        List<Score> scores = new ArrayList<>();
        for (Path fixture : fixtures()) {
            scores.add(score(fixture));
        }
        String table = render(scores);
        System.out.println(table);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, table, StandardCharsets.UTF_8);

        int expected = scores.stream().mapToInt(Score::expected).sum();
        int right = scores.stream().mapToInt(Score::right).sum();
        double share = expected == 0 ? 0 : (double) right / expected;
        List<String> crashes = scores.stream().filter(s -> s.crashed() != null)
                .map(s -> s.fixture() + ": " + s.crashed()).toList();
        assertAll(
                () -> assertTrue(expected > 0, "no expected rows found under " + FIXTURES.toAbsolutePath()),
                () -> assertTrue(share >= REQUIRED_SHARE,
                        String.format("overall share %d/%d = %.3f, below %.2f (see %s)", right, expected, share,
                                REQUIRED_SHARE, REPORT)),
                () -> assertTrue(crashes.isEmpty(), "fixtures that threw something other than a refusal: " + crashes));
    }

    /**
     * Keeps the measurement honest: every fixture has expected rows, and a reader that returned exactly them
     * (with spaces inserted, ASCII made full-width and amounts written with another scale) would score them all.
     */
    @Test
    void scorer_counts_a_perfect_reading_as_all_right() throws IOException {
        for (Path fixture : fixtures()) {
            List<Row> expected = expectedRows(fixture);
            List<Row> perfect = expected.stream()
                    .map(r -> new Row(" " + r.project() + " ", r.level1(), widen(r.indicator()), widen(r.raw()),
                            r.amount() == null ? null : r.amount().setScale(2)))
                    .toList();
            Score score = match(fixture.getFileName().toString(), expected, perfect);
            assertAll(
                    () -> assertTrue(!expected.isEmpty(), fixture + " has no expected rows"),
                    () -> assertTrue(score.right() == expected.size() && score.extra() == 0,
                            fixture + ": a perfect reading scored " + score));
        }
    }

    private static String widen(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> out.appendCodePoint(c >= 0x21 && c <= 0x7E ? c - 0x21 + 0xFF01 : c)
                .append(c == '%' ? " " : ""));
        return out.toString();
    }

    private static List<Path> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().endsWith(".expected.tsv"))
                    .filter(p -> !p.getFileName().toString().endsWith(".md"))
                    .sorted()
                    .toList();
        }
    }

    private static Score score(Path fixture) {
        String name = fixture.getFileName().toString();
        List<Row> expected = expectedRows(fixture);
        List<Row> actual;
        try {
            ParsedDocument document = new DocumentReader().read(name, Files.readAllBytes(fixture));
            actual = flatten(document);
        } catch (OutOfMemoryError e) {
            throw e;
        } catch (Throwable e) {
            boolean refusal = e instanceof ImportRejectedException;
            String message = oneLine(e.getClass().getSimpleName() + ": " + e.getMessage());
            return new Score(name, expected.size(), 0, 0, refusal ? message : null, refusal ? null : message,
                    expected);
        }
        return match(name, expected, actual);
    }

    /** Each expected row takes the first unused actual row that matches it; what is left over is extra. */
    private static Score match(String name, List<Row> expected, List<Row> actual) {
        List<Row> unmatched = new ArrayList<>(actual);
        List<Row> missed = new ArrayList<>();
        int right = 0;
        for (Row want : expected) {
            Row hit = unmatched.stream().filter(got -> matches(want, got)).findFirst().orElse(null);
            if (hit == null) {
                missed.add(want);
            } else {
                unmatched.remove(hit);
                right++;
            }
        }
        return new Score(name, expected.size(), right, unmatched.size(), null, null, missed);
    }

    private static List<Row> flatten(ParsedDocument document) {
        List<Row> rows = new ArrayList<>();
        for (ParsedProject project : document.projects()) {
            String projectName = project.name();
            if (projectName == null || projectName.isBlank()) {
                projectName = unitName(project);
            }
            for (ParsedTarget target : project.targets()) {
                TargetValue value = target.annual() != null ? target.annual() : target.period();
                rows.add(new Row(
                        nullToEmpty(projectName),
                        target.level1() == null ? "" : nullToEmpty(target.level1().canonical()),
                        target.indicator() == null ? "" : nullToEmpty(target.indicator().name()),
                        value == null ? "" : nullToEmpty(value.raw()),
                        project.amount()));
            }
        }
        return rows;
    }

    /** A whole-unit table has no project; the reader may leave the name empty and keep the unit's name. */
    private static String unitName(ParsedProject project) {
        Object unit = project.unit();
        if (unit == null) {
            return "";
        }
        try {
            Method name = unit.getClass().getMethod("name");
            Object value = name.invoke(unit);
            return value == null ? "" : value.toString();
        } catch (ReflectiveOperationException e) {
            return "";
        }
    }

    private static boolean matches(Row want, Row got) {
        if (!fold(want.project()).equals(fold(got.project()))
                || !fold(want.indicator()).equals(fold(got.indicator()))
                || !fold(want.raw()).equals(fold(got.raw()))) {
            return false;
        }
        if (!want.level1().isEmpty() && !fold(want.level1()).equals(fold(got.level1()))) {
            return false;
        }
        return want.amount() == null || (got.amount() != null && want.amount().compareTo(got.amount()) == 0);
    }

    /** Whitespace removed, full-width ASCII (U+FF01..U+FF5E) folded to half-width. */
    static String fold(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u3000' || c == '\u00A0') {
                return;
            }
            if (c >= 0xFF01 && c <= 0xFF5E) {
                c = c - 0xFF01 + 0x21;
            }
            out.appendCodePoint(c);
        });
        return out.toString();
    }

    private static List<Row> expectedRows(Path fixture) {
        String file = fixture.getFileName().toString();
        int dot = file.lastIndexOf('.');
        Path tsv = fixture.resolveSibling((dot < 0 ? file : file.substring(0, dot)) + ".expected.tsv");
        if (!Files.exists(tsv)) {
            return List.of();
        }
        try {
            List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
            List<Row> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length < 5) {
                    throw new IllegalStateException(tsv + ": expected 5 columns in \"" + line + "\"");
                }
                String amount = cells[4].strip();
                rows.add(new Row(cells[0].strip(), cells[1].strip(), cells[2].strip(), cells[3].strip(),
                        amount.isEmpty() ? null : new BigDecimal(amount)));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String render(List<Score> scores) {
        StringBuilder out = new StringBuilder();
        out.append("# Blind fixtures score\n\n");
        out.append("| fixture | expected rows | right | extra rows | refused (message) |\n");
        out.append("|---|---:|---:|---:|---|\n");
        int expected = 0;
        int right = 0;
        int extra = 0;
        for (Score s : scores) {
            String refused = s.refused() != null ? s.refused()
                    : s.crashed() != null ? "CRASHED " + s.crashed() : "";
            out.append("| ").append(s.fixture()).append(" | ").append(s.expected()).append(" | ")
                    .append(s.right()).append(" | ").append(s.extra()).append(" | ")
                    .append(cell(refused)).append(" |\n");
            expected += s.expected();
            right += s.right();
            extra += s.extra();
        }
        double share = expected == 0 ? 0 : (double) right / expected;
        out.append("| **total** | ").append(expected).append(" | ").append(right).append(" | ").append(extra)
                .append(" | |\n\n");
        out.append(String.format("Overall share: %d/%d = %.3f (required %.2f)%n%n", right, expected, share,
                REQUIRED_SHARE));
        out.append("## Missed rows (first ").append(MISSES_SHOWN).append(" per fixture)\n\n");
        for (Score s : scores) {
            if (s.missed().isEmpty()) {
                continue;
            }
            out.append("- ").append(s.fixture()).append(" (").append(s.missed().size()).append(" missed)\n");
            s.missed().stream().limit(MISSES_SHOWN)
                    .forEach(r -> out.append("  - ").append(cell(r.show())).append('\n'));
        }
        return out.toString();
    }

    private static String cell(String s) {
        String flat = oneLine(s).replace("|", "\\|");
        return flat.length() > 160 ? flat.substring(0, 157) + "..." : flat;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
