package org.perfgraph.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.perfgraph.support.GraphReader;
import org.perfgraph.support.security.ReadAccess;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /export/documents/<name>.tsv}: a stored document written back in the tab-export layout from the graph
 * as it is now (see {@link DocumentTsv}), which the importer reads again. The same read keys and signed links as
 * the list exports ({@code exportLink(list: "documents/<name>", format: "tsv")}).
 */
@Controller
class DocumentExportController {

    static final String PREFIX = "documents/";

    private final GraphReader reader;
    private final ReadAccess access;
    private final ExportLinks links;

    DocumentExportController(GraphReader reader, ReadAccess access, ExportLinks links) {
        this.reader = reader;
        this.access = access;
        this.links = links;
    }

    @GetMapping("/export/documents/{file}")
    void export(@PathVariable String file, @RequestParam Map<String, String> parameters,
                HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!file.endsWith(".tsv")) {
            ExportController.error(response, 400, "format: '" + file + "' does not end in .tsv; documents export as tab text");
            return;
        }
        String name = file.substring(0, file.length() - ".tsv".length());
        Optional<String> refused = access.refusal(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (refused.isPresent() && !links.valid(PREFIX + name, "tsv", parameters)) {
            ExportController.error(response, 401, parameters.containsKey(ExportLinks.SIGNATURE)
                    ? "signature: the export link is expired or does not match its document; ask exportLink for a new one"
                    : refused.get() + " A browser link can carry a signature instead: see exportLink.");
            return;
        }
        for (String p : parameters.keySet()) {
            if (!p.equals(ExportLinks.EXPIRES) && !p.equals(ExportLinks.SIGNATURE)) {
                ExportController.error(response, 400, p + ": a document export takes no parameters");
                return;
            }
        }
        Optional<String> text = tsv(name);
        if (text.isEmpty()) {
            ExportController.error(response, 404, "name: no stored document is named '" + name
                    + "' (documents { edges { node { name } } } lists them)");
            return;
        }
        byte[] body = text.get().getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/tab-separated-values;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ExportController.attachment(name + ".tsv"));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The document as tab-export text, or empty where no document has this name. */
    @SuppressWarnings("unchecked")
    Optional<String> tsv(String name) {
        List<Map<String, Object>> rows = reader.rows("export/document", Map.of("name", name));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> row = rows.get(0);
        return Optional.of(DocumentTsv.of((Map<String, Object>) row.get("document"),
                (List<Map<String, Object>>) row.get("projects")));
    }
}
