package org.perfgraph.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The generate command's own help, as the import command has it. */
class GenerateCommandTest {

    @Test
    void help_prints_the_usage_and_exits_zero() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = GenerateCommand.run(new String[] {"--help"});
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(out).startsWith("usage: java -jar perfgraph.jar generate --targets N")
                .contains("--per-document N").doesNotContain("unknown option");
    }
}
