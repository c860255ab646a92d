package org.perfgraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfgraph.PerfgraphApplication;

/** {@code java -jar perfgraph.jar import FILE...} on its own embedded store. */
class ImportCommandTest {

    @TempDir
    Path work;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setProperty("perfgraph.data-dir", work.resolve("store").toString());
        System.setProperty("perfgraph.bolt-port", "0");
        System.setProperty("perfgraph.neo4j-uri", "");
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        System.clearProperty("perfgraph.data-dir");
        System.clearProperty("perfgraph.bolt-port");
        System.clearProperty("perfgraph.neo4j-uri");
    }

    @Test
    void imports_the_seeds_prints_a_line_each_and_refuses_a_bad_file_with_its_line() throws Exception {
        Path bad = Files.writeString(work.resolve("bad.txt"),
                "\n\n标题\n\n预算单位\t项目名称\t金额（元）\t2024年度总体绩效目标\t2024年度绩效目标\t一级指标\t二级指标\t三级指标\t实施周期指标值\t年度指标值\n"
                        + "900001-测试中心\t测试项目\t100\t目标\t目标\t1-产出指标\n");
        int exit = ImportCommand.run(PerfgraphApplication.class, new String[] {
                "src/test/resources/seeds/000_4081c7b18e37fcb4.txt",
                "src/test/resources/seeds/003_97f8f01bbb414fd2.txt",
                bad.toString()});
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as("exit code; printed:%n%s%nerrors:%n%s", printed, err.toString(StandardCharsets.UTF_8)).isEqualTo(1);
        assertThat(printed).contains("000_4081c7b18e37fcb4.txt: IMPORTED (TAB_EXPORT, TEXT, DECLARATION) 10 projects, 62 targets")
                .contains("003_97f8f01bbb414fd2.txt: IMPORTED (FORM, TEXT, DECLARATION) 12 projects, 152 targets")
                .contains("summary: 3 documents, 2 imported or unchanged, 1 refused; 22 projects, 214 targets");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("refused: bad.txt, line 6");
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("\tat ");

        // the same store, the remove form: one document out, an unknown name refused
        out.reset();
        err.reset();
        int removed = ImportCommand.run(PerfgraphApplication.class, new String[] {
                "--remove", "000_4081c7b18e37fcb4.txt", "--remove", "no-such-document.txt"});
        assertThat(removed).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("000_4081c7b18e37fcb4.txt: removed");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("refused: no-such-document.txt: no document of that name is stored");
    }

    @Test
    void the_command_line_takes_columns_as_json_and_context_flags() {
        var parsed = ImportCommand.parse(new String[] {"--columns", "{\"indicator\":\"考核内容\",\"value\":\"目标\"}",
                "--year", "2023", "--region", "某县", "--unit", "某县文化馆", "--override", "a.xlsx", "b.pdf"});
        assertThat(parsed.files()).containsExactly("a.xlsx", "b.pdf");
        assertThat(parsed.options().columns()).containsEntry("indicator", "考核内容").containsEntry("value", "目标");
        assertThat(parsed.options().year()).isEqualTo(2023);
        assertThat(parsed.options().region()).isEqualTo("某县");
        assertThat(parsed.options().unit()).isEqualTo("某县文化馆");
        assertThat(parsed.options().override()).isTrue();
    }

    @Test
    void bad_command_lines_are_refused_with_a_reason_and_the_usage() {
        assertThat(ImportCommand.run(PerfgraphApplication.class, new String[] {"--columns", "{\"kpi\":\"x\"}", "a.txt"}))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("import: --columns: unknown key 'kpi'")
                .contains("usage: java -jar perfgraph.jar import");
        err.reset();
        assertThat(ImportCommand.run(PerfgraphApplication.class, new String[] {"--columns", "{not json", "a.txt"}))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("import: --columns takes a JSON object");
        assertThat(ImportCommand.run(PerfgraphApplication.class, new String[] {"--help"})).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--remove NAME");
    }

    @Test
    void bulk_takes_folders_and_refuses_removals_and_an_external_server() {
        assertThat(ImportCommand.parse(new String[] {"--bulk", "--year", "2024", "corpus"}).bulk()).isTrue();
        assertThat(ImportCommand.run(PerfgraphApplication.class, new String[] {"--bulk", "--remove", "a.txt"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--bulk builds a new store; --remove takes documents out of one");
        err.reset();
        assertThat(ImportCommand.run(PerfgraphApplication.class, new String[] {"--bulk"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--bulk needs the DIRs or FILEs to import");
        err.reset();
        System.setProperty("perfgraph.neo4j-uri", "bolt://db.example.org:7687");
        try {
            assertThat(ImportCommand.run(PerfgraphApplication.class, new String[] {"--bulk", "corpus"})).isEqualTo(1);
        } finally {
            System.clearProperty("perfgraph.neo4j-uri");
        }
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("import --bulk refused: it builds the embedded store's files, and NEO4J_URI is set (bolt://db.example.org:7687)");
    }
}
