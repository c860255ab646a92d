package org.perfgraph.graph;

import java.nio.charset.StandardCharsets;

import org.perfgraph.support.security.Caller;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** GraphQL {@code importDocument}. */
@Controller
class ImportController {

    private final DocumentImporter importer;

    ImportController(DocumentImporter importer) {
        this.importer = importer;
    }

    record ImportDocumentInput(String name, String content, Boolean dryRun, Boolean overwriteEdits) {
    }

    /** The caller passed the access gate with an editor key; its name is the "who" of the import's history entry. */
    @MutationMapping
    DocumentImporter.ImportReport importDocument(@Argument ImportDocumentInput input,
                                                 @ContextValue(name = Caller.CONTEXT_KEY) Caller caller) {
        byte[] bytes = input.content() == null ? new byte[0] : input.content().getBytes(StandardCharsets.UTF_8);
        return importer.importDocument(input.name(), bytes, Boolean.TRUE.equals(input.dryRun()), caller.name(),
                Boolean.TRUE.equals(input.overwriteEdits()));
    }
}
