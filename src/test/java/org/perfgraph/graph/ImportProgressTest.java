package org.perfgraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The import command's progress, on a clock the test moves. */
class ImportProgressTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final long[] now = {0};

    private ImportProgress progress(boolean terminal) {
        return new ImportProgress(List.of(100L, 300L), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), terminal, () -> now[0]);
    }

    @Test
    void without_a_terminal_each_document_line_ends_with_the_runs_progress_and_nothing_else_is_printed() {
        try (ImportProgress p = progress(false)) {
            var a = p.start("a.txt", 100);
            var b = p.start("b.txt", 300);
            a.read(1000);
            b.read(3000);
            now[0] = 1_000_000_000L;
            a.written(1000);
            b.written(1000);
            assertThat(out.size()).isZero(); // no status line off a terminal
            p.finished("a.txt", "a.txt: IMPORTED (TAB_EXPORT, TEXT, DECLARATION) 3 projects, 1000 targets\n"
                    + "  line 7 WARNING VALUE_MISSING: no value\n");
            now[0] = 2_000_000_000L;
            b.written(2000);
            p.refused("b.txt", "b.txt, line 9: the last row looks truncated");
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        // a.txt done (100 of 400 bytes) and b.txt a third written (100 more) after 1 s: 200 bytes left at 200 bytes/s
        assertThat(printed).isEqualTo("a.txt: IMPORTED (TAB_EXPORT, TEXT, DECLARATION) 3 projects, 1000 targets "
                + "[1/2 documents, 2000 of 4000 target rows written, 2000 rows/s, ETA 1s]\n"
                + "  line 7 WARNING VALUE_MISSING: no value\n");
        assertThat(printed).doesNotContain("\r");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("refused: b.txt, line 9: the last row looks truncated\n");
    }

    @Test
    void on_a_terminal_a_status_line_shows_each_document_under_way_and_is_cleared_before_a_document_line() {
        try (ImportProgress p = progress(true)) {
            var a = p.start("a.txt", 100);
            p.start("b.txt", 300);
            a.read(1000);
            a.written(500);
            p.finished("c.txt", "c.txt: UNCHANGED (TAB_EXPORT, TEXT, DECLARATION) 0 projects, 0 targets\n");
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("c.txt: UNCHANGED").contains("\r[1/2 documents, 500 of 1000 target rows written")
                .contains("a.txt: 500/1000 rows written").contains("b.txt: reading");
        // the status line is wiped (spaces, carriage return) before anything else is printed and at the end
        assertThat(printed).endsWith("\r");
    }
}
