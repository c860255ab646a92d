package org.perfgraph.support.security;

import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The read rule of {@link AccessKeys} for endpoints outside GraphQL (the export URLs): whether an Authorization
 * header may read. The same keys and the same messages as the GraphQL gate.
 */
@Component
public class ReadAccess {

    private final AccessKeys keys;

    @Autowired
    ReadAccess(AccessProperties properties) {
        this(properties.editorKeys(), properties.readKeys());
    }

    /** With explicit key lists ({@code name:key,name:key}), as PERFGRAPH_EDITOR_KEYS and PERFGRAPH_READ_KEYS. */
    public ReadAccess(String editorKeys, String readKeys) {
        this.keys = new AccessKeys(editorKeys, readKeys);
    }

    /**
     * What is wrong with PERFGRAPH_EDITOR_KEYS and PERFGRAPH_READ_KEYS, one sentence each (checked at start-up, before
     * anything starts); empty when both are fine.
     */
    public static java.util.List<String> settingProblems(String editorKeys, String readKeys) {
        java.util.List<String> problems = new java.util.ArrayList<>(AccessKeys.problems(editorKeys, "PERFGRAPH_EDITOR_KEYS"));
        problems.addAll(AccessKeys.problems(readKeys, "PERFGRAPH_READ_KEYS"));
        return problems;
    }

    /** Empty where the header may read; otherwise the refusal's message (no key, or a key that is none of ours). */
    public Optional<String> refusal(String authorization) {
        return keys.refusal(keys.identify(authorization), graphql.language.OperationDefinition.Operation.QUERY)
                .map(RuntimeException::getMessage);
    }
}
