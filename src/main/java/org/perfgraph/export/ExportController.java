package org.perfgraph.export;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.perfgraph.explore.ListExport;
import org.perfgraph.support.ApiException;
import org.perfgraph.support.CypherScripts;
import org.perfgraph.support.GraphReader;
import org.perfgraph.support.security.ReadAccess;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /export/<list>.csv|.xlsx}: a root list with the GraphQL field's {@code where} and {@code orderBy} (as
 * JSON query parameters), whole, counted first against PERFGRAPH_EXPORT_MAX_ROWS, then read in keyset pages and
 * written as the pages arrive. And {@code exportLink}, the signed URL a browser can open without a header.
 */
@Controller
class ExportController {

    static final int PAGE = 5_000;
    private static final Set<String> FORMATS = Set.of("csv", "xlsx");
    private static final Set<String> PARAMETERS = Set.of("where", "orderBy", "headers", ExportLinks.EXPIRES, ExportLinks.SIGNATURE);
    /** Query parameters of every export that are no argument of the list's field. */
    private static final Set<String> OWN = Set.of("headers", ExportLinks.EXPIRES, ExportLinks.SIGNATURE);
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final GraphReader reader;
    private final ReadAccess access;
    private final ExportLinks links;
    private final AnalyticsExport analytics;
    private final long maxRows;

    ExportController(GraphReader reader, ReadAccess access, ExportLinks links, AnalyticsExport analytics,
                     @Value("${perfgraph.export-max-rows:5000000}") long maxRows) {
        this.reader = reader;
        this.access = access;
        this.links = links;
        this.analytics = analytics;
        this.maxRows = maxRows;
    }

    @GetMapping("/export/{file}")
    void export(@PathVariable String file, @RequestParam Map<String, String> parameters,
                HttpServletRequest request, HttpServletResponse response) throws IOException {
        int dot = file.lastIndexOf('.');
        String list = dot < 0 ? file : file.substring(0, dot);
        String format = dot < 0 ? "" : file.substring(dot + 1);
        Optional<String> refused = access.refusal(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (refused.isPresent() && !links.valid(list, format, parameters)) {
            error(response, 401, parameters.containsKey(ExportLinks.SIGNATURE)
                    ? "signature: the export link is expired or does not match its parameters; ask exportLink for a new one"
                    : refused.get() + " A browser link can carry a signature instead: see exportLink.");
            return;
        }
        ListExport export = null;
        AnalyticsExport.Plan plan = null;
        List<Columns.Column> columns;
        boolean english;
        long rows;
        try {
            if (!FORMATS.contains(format)) {
                throw ApiException.badInput("format: '" + file + "' ends in neither .csv nor .xlsx");
            }
            english = "en".equals(parameters.get("headers"));
            if (parameters.containsKey("headers") && !english && !"zh".equals(parameters.get("headers"))) {
                throw ApiException.badInput("headers: 'zh' (the default) or 'en'");
            }
            if (AnalyticsExport.isList(list)) {
                plan = analytics.plan(list, arguments(parameters), maxRows);
                columns = plan.columns();
                rows = plan.count();
            } else {
                for (String name : parameters.keySet()) {
                    if (!PARAMETERS.contains(name)) {
                        throw ApiException.badInput(name + ": not a parameter of the export (where, orderBy, headers); "
                                + "an export is not paged");
                    }
                }
                export = ListExport.of(list, json(parameters, "where", Map.class), orderBy(parameters));
                columns = Columns.OF.get(list);
                rows = export.count(reader);
            }
            if (rows > maxRows) {
                throw ApiException.badInput("the filtered list holds " + rows + " rows; an export writes at most "
                        + maxRows + " (PERFGRAPH_EXPORT_MAX_ROWS): narrow " + (plan == null ? "'where'" : "its arguments"));
            }
        } catch (ApiException e) {
            error(response, status(e), e.getMessage());
            return;
        }
        response.setContentType(format.equals("csv") ? "text/csv;charset=UTF-8"
                : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(list + "." + format));
        response.setHeader("X-Export-Rows", Long.toString(rows));
        try (RowSink sink = RowSink.of(format, response.getOutputStream())) {
            List<String> header = new ArrayList<>();
            columns.forEach(c -> header.add(c.header(english)));
            sink.row(header);
            if (plan != null) {
                plan.forEachLine(PAGE, sink::row);
            } else {
                export.forEachPage(reader, PAGE, page -> write(list, columns, page, sink));
            }
        }
    }

    /** The request's parameters that are the list field's arguments (all but the export's own). */
    private static Map<String, String> arguments(Map<String, String> parameters) {
        Map<String, String> arguments = new LinkedHashMap<>(parameters);
        arguments.keySet().removeAll(OWN);
        return arguments;
    }

    /** The HTTP status of a refusal: the caller's input 400, an unknown name 404, a limit of the database 503. */
    static int status(ApiException e) {
        return switch (e.classification()) {
            case "BAD_USER_INPUT" -> 400;
            case "NOT_FOUND" -> 404;
            case "TIMEOUT", "RESOURCE_LIMIT" -> 503;
            default -> 500;
        };
    }

    @SuppressWarnings("unchecked")
    private void write(String list, List<Columns.Column> columns, List<Map<String, Object>> page, RowSink sink) {
        Map<Object, Map<String, Object>> linked = new HashMap<>();
        if (Columns.LINKED.contains(list)) {
            List<Object> ids = page.stream().map(n -> n.get("id")).toList();
            for (Map<String, Object> r : reader.query(CypherScripts.load("export/" + list), Map.of("ids", ids))) {
                linked.put(r.get("id"), (Map<String, Object>) r.get("links"));
            }
        }
        List<Object> cells = new ArrayList<>(columns.size());
        for (Map<String, Object> node : page) {
            Map<String, Object> row = new HashMap<>(node);
            row.putAll(linked.getOrDefault(node.get("id"), Map.of()));
            cells.clear();
            for (Columns.Column c : columns) {
                cells.add(c.cell(row));
            }
            sink.row(cells);
        }
    }

    /** A signed URL of an export, for a browser that cannot send the bearer header; valid 10 minutes. */
    @QueryMapping
    String exportLink(@Argument String list, @Argument String format, @Argument Map<String, Object> arguments) {
        if (list.startsWith(DocumentExportController.PREFIX)) {
            String name = list.substring(DocumentExportController.PREFIX.length());
            if (!format.equals("tsv")) {
                throw ApiException.badInput("format: a document exports as 'tsv'");
            }
            if (arguments != null && !arguments.isEmpty()) {
                throw ApiException.badInput("arguments: a document export takes none");
            }
            if (reader.rows("export/document-exists", Map.of("name", name)).isEmpty()) {
                throw ApiException.notFound("list: no stored document is named '" + name + "'");
            }
            return links.link(list, format, Map.of());
        }
        if (!FORMATS.contains(format)) {
            throw ApiException.badInput("format: 'csv' or 'xlsx'");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (arguments != null) {
            arguments.forEach((k, v) -> {
                if (v != null) {
                    parameters.put(k, v instanceof String s ? s : JSON.writeValueAsString(v));
                }
            });
        }
        if (parameters.containsKey(ExportLinks.EXPIRES) || parameters.containsKey(ExportLinks.SIGNATURE)) {
            throw ApiException.badInput("arguments: 'expires' and 'signature' are the link's own");
        }
        if (parameters.containsKey("headers") && !List.of("en", "zh").contains(parameters.get("headers"))) {
            throw ApiException.badInput("arguments: headers is 'zh' (the default) or 'en'");
        }
        // refused now rather than when the browser opens the link
        if (AnalyticsExport.isList(list)) {
            try {
                analytics.plan(list, arguments(parameters), maxRows);
            } catch (ApiException e) {
                throw ApiException.badInput("arguments: " + e.getMessage());
            }
        } else {
            for (String name : parameters.keySet()) {
                if (!PARAMETERS.contains(name)) {
                    throw ApiException.badInput("arguments: '" + name + "' is not an export argument (where, orderBy, headers)");
                }
            }
            ListExport.of(list, json(parameters, "where", Map.class), orderBy(parameters));
        }
        return links.link(list, format, parameters);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> orderBy(Map<String, String> parameters) {
        Object value = json(parameters, "orderBy", Object.class);
        if (value instanceof Map<?, ?> single) {
            return List.of((Map<String, Object>) single);
        }
        if (value != null && !(value instanceof List<?> l && l.stream().allMatch(Map.class::isInstance))) {
            throw ApiException.badInput("orderBy: expected a JSON list of {field: ASC|DESC}, e.g. [{\"name\":\"ASC\"}]");
        }
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static <T> T json(Map<String, String> parameters, String name, Class<T> type) {
        String text = parameters.get(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readValue(text, type);
        } catch (JacksonException e) {
            throw ApiException.badInput(name + ": not JSON " + (type == Map.class ? "object" : "") + ": "
                    + e.getOriginalMessage());
        }
    }

    static String attachment(String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static void error(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(JSON.writeValueAsString(Map.of("error", message.replace('\n', ' ')))
                .getBytes(StandardCharsets.UTF_8));
    }
}
