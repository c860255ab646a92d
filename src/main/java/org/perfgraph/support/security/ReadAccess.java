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

    /** Empty where the header may read; otherwise the refusal's message (no key, or a key that is none of ours). */
    public Optional<String> refusal(String authorization) {
        return keys.refusal(keys.identify(authorization), graphql.language.OperationDefinition.Operation.QUERY)
                .map(RuntimeException::getMessage);
    }
}
