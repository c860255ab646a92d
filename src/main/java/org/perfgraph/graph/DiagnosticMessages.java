package org.perfgraph.graph;

import graphql.schema.DataFetchingEnvironment;
import org.perfgraph.ingest.Diagnostic;
import org.perfgraph.support.Messages;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** ImportDiagnostic.message, rendered from the diagnostic's code and arguments in the request's language. */
@Controller
class DiagnosticMessages {

    private final Messages messages;

    DiagnosticMessages(Messages messages) {
        this.messages = messages;
    }

    @SchemaMapping(typeName = "ImportDiagnostic", field = "message")
    String message(Diagnostic diagnostic, DataFetchingEnvironment env) {
        return messages.diagnostic(diagnostic.code().name(), diagnostic.args(), diagnostic.message(), env.getLocale());
    }
}
