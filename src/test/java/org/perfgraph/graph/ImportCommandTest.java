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
        assertThat(exit).isEqualTo(1);
        assertThat(printed).contains("000_4081c7b18e37fcb4.txt: IMPORTED (TAB_EXPORT) 10 projects, 62 targets")
                .contains("003_97f8f01bbb414fd2.txt: IMPORTED (FORM) 12 projects, 152 targets")
                .contains("summary: 3 documents, 2 imported or unchanged, 1 refused; 22 projects, 214 targets");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("refused: bad.txt, line 6");
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("\tat ");
    }
}
