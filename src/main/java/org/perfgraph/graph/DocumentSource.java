package org.perfgraph.graph;

import java.util.List;
import java.util.Map;

import org.perfgraph.support.GraphReader;
import org.springframework.stereotype.Component;

/** Reads a stored document's own lines (see {@link SourceLines}). */
@Component
public class DocumentSource {

    private final GraphReader reader;

    public DocumentSource(GraphReader reader) {
        this.reader = reader;
    }

    /** Lines fromLine..toLine of the named document as {line, text}; empty where it has no such lines. */
    public List<Map<String, Object>> lines(String documentName, int fromLine, int toLine) {
        return SourceLines.slice(reader.rows("ingest/source-lines",
                Map.of("name", documentName, "fromLine", fromLine, "toLine", toLine)), fromLine, toLine);
    }
}
