package org.perfgraph.graph;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.perfgraph.ingest.ImportOptions;
import org.perfgraph.support.ApiException;
import org.perfgraph.support.security.Caller;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** GraphQL {@code importDocument} and {@code removeDocument}. */
@Controller
class ImportController {

    private final DocumentImporter importer;

    ImportController(DocumentImporter importer) {
        this.importer = importer;
    }

    record ImportDocumentInput(String name, String content, String contentBase64, Boolean dryRun,
                               Boolean overwriteEdits, Map<String, String> columns, Integer year, String region,
                               String unit, Boolean override) {
    }

    record RemoveDocumentInput(String name) {
    }

    record RemoveDocumentPayload(String document, boolean removed) {
    }

    /** The caller passed the access gate with an editor key; its name is the "who" of the import's history entry. */
    @MutationMapping
    DocumentImporter.ImportReport importDocument(@Argument ImportDocumentInput input,
                                                 @ContextValue(name = Caller.CONTEXT_KEY) Caller caller) {
        return importer.importDocument(input.name(), bytes(input), options(input),
                Boolean.TRUE.equals(input.dryRun()), caller.name(), Boolean.TRUE.equals(input.overwriteEdits()));
    }

    @MutationMapping
    RemoveDocumentPayload removeDocument(@Argument RemoveDocumentInput input,
                                         @ContextValue(name = Caller.CONTEXT_KEY) Caller caller) {
        if (input.name() == null || input.name().isBlank()) {
            throw ApiException.badInput("removeDocument needs the name of a stored document");
        }
        return new RemoveDocumentPayload(input.name(), importer.removeDocument(input.name(), caller.name()));
    }

    /** Exactly one of content (text) and contentBase64 (any file). */
    private static byte[] bytes(ImportDocumentInput input) {
        if ((input.content() == null) == (input.contentBase64() == null)) {
            throw ApiException.badInput("importDocument takes exactly one of 'content' (text) and 'contentBase64'"
                    + " (any file, Base64)" + (input.name() == null ? "" : "; document " + input.name()));
        }
        if (input.content() != null) {
            return input.content().getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getMimeDecoder().decode(input.contentBase64());
        } catch (IllegalArgumentException e) {
            throw ApiException.badInput("contentBase64 of document " + input.name() + " is not Base64: " + e.getMessage());
        }
    }

    private static ImportOptions options(ImportDocumentInput input) {
        Map<String, String> columns = new LinkedHashMap<>();
        if (input.columns() != null) {
            input.columns().forEach((key, header) -> {
                if (header != null) {
                    columns.put(key, header);
                }
            });
        }
        return new ImportOptions(columns, input.year(), input.region(), input.unit(),
                Boolean.TRUE.equals(input.override()));
    }
}
