package org.perfgraph.support;

import java.util.List;

/** Settings refused at start-up, one sentence per problem (see {@link SettingsCheck}). */
final class SettingsException extends RuntimeException {

    private final List<String> problems;

    SettingsException(List<String> problems) {
        super(String.join("\n", problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
