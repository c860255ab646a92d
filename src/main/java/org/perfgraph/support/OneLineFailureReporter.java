package org.perfgraph.support;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Prints a start-up failure that an analyzer explained as one line per problem on standard error: what is wrong
 * and what to change, no banner and no stack trace. (Boot's own reporter, which prints a 10-line block, is silenced
 * in application.yml.)
 */
class OneLineFailureReporter implements FailureAnalysisReporter {

    @Override
    public void report(FailureAnalysis analysis) {
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        String action = analysis.getAction() == null || analysis.getAction().isBlank() ? "" : " " + analysis.getAction().strip();
        String[] lines = analysis.getDescription().strip().split("\n");
        for (int i = 0; i < lines.length; i++) {
            err.println("perfgraph did not start: " + lines[i].strip() + (i == lines.length - 1 ? action : ""));
        }
    }
}
