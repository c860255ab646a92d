package org.perfgraph.graph;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.perfgraph.ingest.Diagnostic;
import org.perfgraph.ingest.DocumentReader;
import org.perfgraph.ingest.ImportOptions;
import org.perfgraph.ingest.ImportRejectedException;
import org.perfgraph.ingest.ParsedDocument;

/**
 * The reading half of {@code import --bulk}: every document is read and checked by the same reader as a
 * transactional import, and a document that passes has the same rows {@link GraphWriter} would write
 * ({@link GraphWriter#rows}) appended to the importer's files ({@link BulkFiles}); one that does not is refused by
 * name and leaves nothing in them. The nodes documents share (units, categories, indicators, texts) are written once
 * at the end, as MERGE would have left them (the first document's properties), with the stored counts the
 * transactional import adds up per document (indicators' projects and documents, texts' projects, USES projects).
 * Free of Spring and Neo4j: the files are handed to {@link BulkStore}.
 */
final class BulkImport {

    /** A document read and written to the files: what to print, and what the store needs after the importer. */
    record Document(String file, GraphWriter.Written written, Map<String, Object> diagnostics, int texts,
                    int diagnosticCount) {
    }

    private final DocumentReader reader = new DocumentReader();
    private final ImportOptions options;
    private final BulkFiles files;
    private final BulkFiles.Table documents;
    private final BulkFiles.Table projects;
    private final BulkFiles.Table targets;
    private final BulkFiles.Table sourceLines;
    private final BulkFiles.Table hasProject;
    private final BulkFiles.Table declaredIn;
    private final BulkFiles.Table states;
    private final BulkFiles.Table hasTarget;
    private final BulkFiles.Table measures;
    private final BulkFiles.Table level1;
    private final BulkFiles.Table level2;
    private final BulkFiles.Table source;
    private final BulkFiles.Table hasLines;

    private final Map<String, Map<String, Object>> units = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> categories = new LinkedHashMap<>();
    private final Set<List<String>> under = new LinkedHashSet<>();
    private final Map<String, Map<String, Object>> indicators = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> texts = new LinkedHashMap<>();
    private final Map<List<String>, Long> uses = new LinkedHashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final List<Document> read = new ArrayList<>();
    private int refused;
    private long targetRows;

    BulkImport(Path dir, ImportOptions options) throws IOException {
        this.options = options;
        this.files = new BulkFiles(dir);
        documents = files.nodes("Document", true, List.of("name", "hash", "format", "title", "region", "year", "lineCount",
                "projectCount", "targetCount", "kind", "fileKind", "truncated", "importedAt"));
        projects = files.nodes("Project", true, List.of("key", "name", "year", "amount", "amountCents", "totalAmount",
                "totalAmountCents", "nature", "category", "department", "startDate", "endDate", "line", "blocks",
                "documentId", "unitId", "targetCount", "moneyUnit", "version"));
        List<String> targetColumns = new ArrayList<>(List.of("projectId", "documentId", "line", "ordinal", "indicatorName",
                "indicatorCode", "level1Raw", "level2Raw", "level1", "level2", "categoryInferred", "place", "weight",
                "weightText", "score", "scoreText", "points", "pointsText", "direction", "valueType", "notes", "version"));
        for (String prefix : StoredValue.PREFIXES) {
            targetColumns.addAll(StoredValue.properties(prefix));
        }
        targets = files.nodes("Target", true, targetColumns);
        sourceLines = files.nodes("SourceLines", false, List.of("documentId", "from", "to", "text"));
        hasProject = files.relationships("HAS_PROJECT", List.of());
        declaredIn = files.relationships("DECLARED_IN", List.of("line"));
        states = files.relationships("STATES", List.of("kind", "line", "documentId", "raw"));
        hasTarget = files.relationships("HAS_TARGET", List.of());
        measures = files.relationships("MEASURES", List.of());
        level1 = files.relationships("LEVEL1", List.of());
        level2 = files.relationships("LEVEL2", List.of());
        source = files.relationships("SOURCE", List.of());
        hasLines = files.relationships("HAS_LINES", List.of());
    }

    /** The files named on the command line, each folder's regular files in name order, depth first. */
    static List<Path> expand(List<String> arguments) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String a : arguments) {
            Path p = Path.of(a);
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile)
                            .filter(f -> !f.getFileName().toString().startsWith("."))
                            .sorted().forEach(out::add);
                }
            } else {
                out.add(p); // a missing one is refused by name when its turn comes
            }
        }
        return out;
    }

    /** A file read (on any thread): the document and its rows, or the line saying why it is refused. */
    record Parsed(Path path, ParsedDocument doc, GraphWriter.Rows rows, String refusal) {
    }

    /**
     * Reads every file on {@code threads} readers, a few files ahead of the one being written: the documents go to
     * the files in the order given, each accepted or refused ({@link #accept}) on this thread.
     */
    void readAll(List<Path> paths, int threads, PrintStream out, PrintStream err) throws InterruptedException {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            java.util.ArrayDeque<java.util.concurrent.Future<Parsed>> ahead = new java.util.ArrayDeque<>();
            int next = 0;
            for (int done = 0; done < paths.size(); done++) {
                while (next < paths.size() && ahead.size() <= threads) {
                    Path path = paths.get(next++);
                    ahead.add(pool.submit(() -> parse(path)));
                }
                try {
                    accept(ahead.poll().get(), out, err);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause()); // parse catches every failure of its document
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reads and checks one file; safe on any thread (the reader keeps no state between documents). */
    Parsed parse(Path path) {
        String file = path.toString();
        String name = path.getFileName().toString();
        try {
            byte[] content = Files.readAllBytes(path);
            ParsedDocument doc = reader.read(name, content, options);
            DocumentImporter.checkAmounts(doc);
            GraphWriter.Rows rows = GraphWriter.rows(doc, org.perfgraph.support.Ids.of('D', doc.name()));
            String duplicate = duplicateIds(rows);
            return duplicate == null ? new Parsed(path, doc, rows, null)
                    : new Parsed(path, null, null, file + ": " + duplicate + "; nothing of it was stored");
        } catch (ImportRejectedException e) {
            return new Parsed(path, null, null, e.getMessage());
        } catch (NoSuchFileException e) {
            return new Parsed(path, null, null, file + ": no such file");
        } catch (IOException e) {
            return new Parsed(path, null, null, file + ": cannot read (" + e.getMessage() + ")");
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return new Parsed(path, null, null, file + ": could not be read (" + e + "); nothing of it was stored");
        }
    }

    /**
     * Writes a read document's rows to the files, or refuses it with one line on {@code err} (also a second
     * document of a name already accepted: documents are stored by file name).
     *
     * @return whether it was written
     */
    boolean accept(Parsed parsed, PrintStream out, PrintStream err) {
        String file = parsed.path().toString();
        if (parsed.refusal() != null) {
            return refuse(err, parsed.refusal());
        }
        ParsedDocument doc = parsed.doc();
        String earlier = names.get(doc.name());
        if (earlier != null) {
            return refuse(err, doc.name() + ": a document of that name is already in this import (" + earlier
                    + "); documents are stored by file name");
        }
        String documentId = org.perfgraph.support.Ids.of('D', doc.name());
        GraphWriter.Rows rows = parsed.rows();
        names.put(doc.name(), file);
        write(doc, documentId, rows);
        Map<String, Object> diagnostics = rows.diagnostics.isEmpty() ? null : rows.diagnostics.get(0);
        read.add(new Document(file, new GraphWriter.Written(doc.name(), documentId, doc.year(), doc.contentHash(),
                GraphWriter.Outcome.IMPORTED, doc.projects().size(), doc.targetCount(), "system", false), diagnostics,
                rows.texts.size(), doc.diagnostics().size()));
        targetRows += doc.targetCount();
        StringBuilder line = new StringBuilder(String.format("%s: read (%s, %s, %s%s) %d projects, %d targets, %d texts, %d diagnostics%n",
                file, doc.format(), doc.fileKind(), doc.kind(), doc.truncated() ? ", truncated" : "", doc.projects().size(),
                doc.targetCount(), rows.texts.size(), doc.diagnostics().size()));
        for (Diagnostic d : doc.diagnostics()) {
            if (d.severity() != Diagnostic.Severity.INFO) {
                line.append(String.format("  line %d%s %s %s: %s%n", d.line(), d.place() == null ? "" : " (" + d.place() + ")",
                        d.severity(), d.code(), d.message()));
            }
        }
        out.print(line);
        return true;
    }

    private boolean refuse(PrintStream err, String message) {
        refused++;
        err.println("refused: " + message);
        return false;
    }

    /**
     * Two projects of one document with the same unit, name and amount (or two targets of one project on the same
     * line and ordinal) have one id: the transactional import refuses such a document at its unique constraint, the
     * offline importer would fail as a whole, so the document is refused here.
     */
    private static String duplicateIds(GraphWriter.Rows rows) {
        Set<Object> seen = new HashSet<>();
        for (Map<String, Object> p : rows.projects) {
            @SuppressWarnings("unchecked")
            Map<String, Object> props = (Map<String, Object>) p.get("props");
            if (!seen.add(props.get("id"))) {
                return "project " + props.get("name") + " (line " + props.get("line")
                        + ") has the unit, name and amount of an earlier project of the document";
            }
        }
        for (GraphWriter.TargetRow t : rows.targets) {
            if (!seen.add(t.id())) {
                return "two targets of one project share line and ordinal " + t.id();
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private void write(ParsedDocument doc, String documentId, GraphWriter.Rows rows) {
        Map<String, Object> document = GraphWriter.document(doc, documentId);
        document.remove("id");
        document.put("importedAt", OffsetDateTime.now(ZoneOffset.UTC));
        documents.node(documentId, document);

        for (Map<String, Object> u : rows.units) {
            units.computeIfAbsent((String) u.get("key"), k -> {
                Map<String, Object> node = new HashMap<>(u);
                node.put("version", 1);
                return node;
            });
        }
        for (Map<String, Object> c : rows.categories.values()) {
            categories.putIfAbsent((String) c.get("key"), c);
            if (c.get("parentKey") != null) {
                under.add(List.of((String) c.get("key"), (String) c.get("parentKey")));
            }
        }
        for (Map<String, Object> i : rows.indicators.values()) {
            indicators.computeIfAbsent((String) i.get("key"), k -> {
                Map<String, Object> node = new HashMap<>(i);
                node.put("coded", i.get("code") != null);
                node.put("version", 1);
                node.put("projectCount", 0L);
                node.put("documentCount", 0L);
                return node;
            });
        }
        for (Map<String, Object> x : rows.texts.values()) {
            texts.computeIfAbsent((String) x.get("key"), k -> {
                Map<String, Object> node = new HashMap<>(x);
                node.put("projectCount", 0L);
                return node;
            });
        }
        for (Map<String, Object> p : rows.projects) {
            Map<String, Object> props = new HashMap<>((Map<String, Object>) p.get("props"));
            String projectId = (String) props.remove("id");
            props.put("version", 1);
            projects.node(projectId, props);
            hasProject.relationship((String) units.get((String) p.get("unitKey")).get("id"), projectId, Map.of());
            declaredIn.relationship(projectId, documentId, Map.of("line", p.get("line")));
        }
        for (Map<String, Object> s : rows.statements) {
            Map<String, Object> props = new HashMap<>();
            props.put("kind", s.get("kind"));
            props.put("line", s.get("line"));
            props.put("documentId", documentId);
            props.put("raw", s.get("raw"));
            states.relationship((String) s.get("projectId"), (String) texts.get((String) s.get("textKey")).get("id"), props);
        }
        for (GraphWriter.TargetRow row : rows.targets) {
            Map<String, Object> t = row.row(documentId);
            String targetId = (String) t.get("id");
            Map<String, Object> props = new HashMap<>((Map<String, Object>) t.get("props"));
            props.put("version", 1);
            targets.node(targetId, props);
            hasTarget.relationship((String) t.get("projectId"), targetId, Map.of());
            measures.relationship(targetId, (String) indicators.get((String) t.get("indicatorKey")).get("id"), Map.of());
            level1.relationship(targetId, (String) categories.get((String) t.get("level1Key")).get("id"), Map.of());
            level2.relationship(targetId, (String) categories.get((String) t.get("level2Key")).get("id"), Map.of());
            source.relationship(targetId, documentId, Map.of());
        }
        for (Map<String, Object> chunk : SourceLines.chunks(doc.sourceLines())) {
            String id = documentId + ":" + chunk.get("from");
            Map<String, Object> props = new HashMap<>(chunk);
            props.put("documentId", documentId);
            sourceLines.node(id, props);
            hasLines.relationship(documentId, id, Map.of());
        }
        for (Map<String, Object> c : rows.indicatorCounts) {
            Map<String, Object> i = indicators.get((String) c.get("key"));
            i.put("projectCount", (Long) i.get("projectCount") + ((Number) c.get("projects")).longValue());
            i.put("documentCount", (Long) i.get("documentCount") + 1);
        }
        for (Map<String, Object> c : rows.textCounts) {
            Map<String, Object> x = texts.get((String) c.get("key"));
            x.put("projectCount", (Long) x.get("projectCount") + ((Number) c.get("projects")).longValue());
        }
        for (Map<String, Object> u : rows.uses) {
            uses.merge(List.of((String) u.get("unitKey"), (String) u.get("indicatorKey")),
                    ((Number) u.get("projects")).longValue(), Long::sum);
        }
    }

    /** Writes the shared nodes with their counts and closes the files; nothing can be read after this. */
    BulkFiles finish() throws IOException {
        BulkFiles.Table unitTable = files.nodes("Unit", true, List.of("key", "code", "name", "region", "version"));
        for (Map<String, Object> u : units.values()) {
            unitTable.node((String) u.get("id"), without(u, "id"));
        }
        BulkFiles.Table categoryTable = files.nodes("Category", true, List.of("key", "name", "level", "code"));
        for (Map<String, Object> c : categories.values()) {
            categoryTable.node((String) c.get("id"), without(c, "id", "parentKey"));
        }
        BulkFiles.Table underTable = files.relationships("UNDER", List.of());
        for (List<String> pair : under) {
            underTable.relationship((String) categories.get(pair.get(0)).get("id"), (String) categories.get(pair.get(1)).get("id"), Map.of());
        }
        BulkFiles.Table indicatorTable = files.nodes("Indicator", true, List.of("key", "code", "name", "normalizedName", "coded",
                "version", "projectCount", "documentCount"));
        for (Map<String, Object> i : indicators.values()) {
            indicatorTable.node((String) i.get("id"), without(i, "id"));
        }
        BulkFiles.Table textTable = files.nodes("Text", true, List.of("key", "text", "normalized", "length", "signature", "bands",
                "projectCount"));
        for (Map<String, Object> x : texts.values()) {
            textTable.node((String) x.get("id"), without(x, "id"));
        }
        BulkFiles.Table usesTable = files.relationships("USES", List.of("projects"));
        uses.forEach((pair, projects) -> usesTable.relationship((String) units.get(pair.get(0)).get("id"),
                (String) indicators.get(pair.get(1)).get("id"), Map.of("projects", projects)));
        try {
            files.finish();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return files;
    }

    private static Map<String, Object> without(Map<String, Object> row, String... keys) {
        Map<String, Object> copy = new HashMap<>(row);
        for (String k : keys) {
            copy.remove(k);
        }
        return copy;
    }

    List<Document> documents() {
        return read;
    }

    int refused() {
        return refused;
    }

    long targetRows() {
        return targetRows;
    }

    /** Nodes per label the importer is to write (checked against the store afterwards). */
    Map<String, Long> expectedNodes() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("Document", (long) read.size());
        counts.put("Unit", (long) units.size());
        counts.put("Category", (long) categories.size());
        counts.put("Indicator", (long) indicators.size());
        counts.put("Text", (long) texts.size());
        counts.put("Project", files.counts().get("Project"));
        counts.put("Target", files.counts().get("Target"));
        return counts;
    }

    void close() throws IOException {
        files.close();
    }
}
