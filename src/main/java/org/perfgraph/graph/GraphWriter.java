package org.perfgraph.graph;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.Set;
import java.util.TreeMap;

import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.Neo4jException;
import org.perfgraph.support.StoreSessions;
import org.perfgraph.ingest.CategoryRef;
import org.perfgraph.ingest.CategoryVocabulary;
import org.perfgraph.ingest.Diagnostic;
import org.perfgraph.ingest.GoalStatement;
import org.perfgraph.ingest.ImportRejectedException;
import org.perfgraph.ingest.ParsedDocument;
import org.perfgraph.ingest.ParsedProject;
import org.perfgraph.ingest.ParsedTarget;
import org.perfgraph.ingest.TargetValue;
import org.perfgraph.ingest.TextSignature;
import org.perfgraph.support.CypherScripts;
import org.perfgraph.support.Ids;
import org.perfgraph.support.TransactionMemory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Writes one parsed document to the graph in one transaction: all of it or nothing. A document already stored
 * under the same name with the same content hash is left as it is; with another hash it is replaced (deleted and
 * written again) inside the same transaction.
 */
@Component
public class GraphWriter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(GraphWriter.class);

    /** Rows per UNWIND statement; measured in STACK-NOTES: 10k rows per batch is the sweet spot. */
    static final int BATCH = 10_000;

    private final StoreSessions sessions;
    private final ObjectProvider<Hook> hooks;
    private final TransactionMemory memory;

    public GraphWriter(StoreSessions sessions, ObjectProvider<Hook> hooks, TransactionMemory memory) {
        this.sessions = sessions;
        this.hooks = hooks;
        this.memory = memory;
    }

    /** What happened to a document. */
    public enum Outcome { IMPORTED, REPLACED, UNCHANGED }

    /**
     * A document as written, handed to the {@link Hook}s inside the write transaction.
     *
     * @param by             who imports it (an editor key's name, or system)
     * @param overwriteEdits true where manual corrections of a replaced document are to give way to the new content
     */
    public record Written(String name, String id, Integer year, String hash, Outcome outcome, int projects, int targets,
                          String by, boolean overwriteEdits) {
    }

    /**
     * Another feature's part of a document write (editing records the import and keeps manual corrections over a
     * re-import). Runs inside the write transaction, after the document's nodes are written; not for UNCHANGED.
     */
    public interface Hook {
        /** Runs inside the write transaction before a stored document is removed to be written again. */
        default void beforeReplace(TransactionContext tx, String documentId) {
        }

        /** @return what to report to the importer (corrected fields kept or overwritten), possibly empty */
        List<Map<String, Object>> afterWrite(TransactionContext tx, Written written);

        /** A document was removed (inside the removal's transaction, after its nodes are gone). */
        default void afterRemove(TransactionContext tx, Removed removed) {
        }

        /** Runs inside the removal's transaction before the named document's nodes are deleted. */
        default void beforeRemove(TransactionContext tx, String documentId) {
        }

        /**
         * Runs last in the write transaction, after the stored counts (and USES) are up to date, before the commit:
         * aggregates kept at write time take their locks here, after the counts', in one order for every writer.
         */
        default void beforeCommit(TransactionContext tx, Written written) {
        }
    }

    /** A removed document: its name, id and content hash, and who removed it. */
    public record Removed(String name, String id, String hash, String by) {
    }

    /** The outcome of a write and what the hooks reported. */
    public record Result(Outcome outcome, List<Map<String, Object>> corrections) {
    }

    /**
     * Writes the document as the system (samples, the import command).
     *
     * @return whether it was new, replaced an older version, or was already stored with the same content
     */
    public Outcome write(ParsedDocument document) {
        return write(document, "system", false).outcome();
    }

    /** Writes the document on behalf of {@code by}; see {@link Written#overwriteEdits()}. */
    public Result write(ParsedDocument document, String by, boolean overwriteEdits) {
        return write(document, by, overwriteEdits, n -> { });
    }

    /** The same, telling {@code targetsWritten} how many target rows are written after each batch. */
    public Result write(ParsedDocument document, String by, boolean overwriteEdits, IntConsumer targetsWritten) {
        try (var session = sessions.writing()) {
            return session.executeWrite(tx -> notRetriedWhenTooLarge(document,
                    () -> write(tx, document, by, overwriteEdits, targetsWritten)));
        } catch (Neo4jException e) {
            throw tooLarge(document, e);
        }
    }

    /**
     * Runs a document's write in the driver's retried transaction, refusing it at once where its transaction met its
     * own memory limit: a retry would hold as much again. The shared pool's limit is left to the driver's retries.
     */
    private Result notRetriedWhenTooLarge(ParsedDocument document, java.util.function.Supplier<Result> write) {
        try {
            return write.get();
        } catch (Neo4jException e) {
            if (TransactionMemory.ownLimitExceeded(e)) {
                throw tooLarge(document, e);
            }
            throw e;
        }
    }

    /**
     * A document whose transaction Neo4j stopped at its own memory limit, refused by name with the setting to change;
     * any other failure as it came. Nothing of the document was stored: the transaction was rolled back.
     */
    private RuntimeException tooLarge(ParsedDocument document, Neo4jException e) {
        // the shared pool's limit is another writer's too: the import command writes such a document again alone
        if (!TransactionMemory.ownLimitExceeded(e)) {
            return e;
        }
        return new ImportRejectedException(document.name(), 0, String.format(java.util.Locale.ROOT,
                "its %,d target rows (%,d projects) need more memory in one transaction than the database allows: "
                        + "%s, or split the document; nothing of it was stored",
                document.targetCount(), document.projects().size(), memory.advice()));
    }

    /**
     * Does everything {@link #write(ParsedDocument, String, boolean)} would, then rolls it back: a dry run reports
     * what the write would report (the corrections it would keep or overwrite) and leaves the store as it was.
     */
    public Result dryRun(ParsedDocument document, String by, boolean overwriteEdits) {
        return dryRun(document, by, overwriteEdits, n -> { });
    }

    /** The same, telling {@code targetsWritten} how far the rolled-back write got. */
    public Result dryRun(ParsedDocument document, String by, boolean overwriteEdits, IntConsumer targetsWritten) {
        try (var session = sessions.writing()) {
            return session.executeWrite(tx -> {
                throw new RolledBack(notRetriedWhenTooLarge(document,
                        () -> write(tx, document, by, overwriteEdits, targetsWritten)));
            });
        } catch (RolledBack rolledBack) {
            return rolledBack.result;
        } catch (Neo4jException e) {
            throw tooLarge(document, e);
        }
    }

    /**
     * After {@code import --bulk}, for the documents Neo4j's offline importer wrote: what a transactional write does
     * besides their nodes, that is each document's DiagnosticList and the hooks' {@link Hook#afterWrite} (the history's
     * IMPORT entry), a hundred documents per transaction, then one bump of the write generation. The hooks'
     * {@link Hook#beforeCommit} is not run: the stored counts came with the nodes, and the start-up migration has just
     * built every unit's family groups.
     */
    void completeBulk(List<BulkImport.Document> documents) {
        try (var session = sessions.writing()) {
            for (int from = 0; from < documents.size(); from += 100) {
                List<BulkImport.Document> batch = documents.subList(from, Math.min(documents.size(), from + 100));
                session.executeWriteWithoutResult(tx -> {
                    for (BulkImport.Document d : batch) {
                        if (d.diagnostics() != null) {
                            tx.run(CypherScripts.load("ingest/create-diagnostics"),
                                    Map.of("documentId", d.written().id(), "rows", List.of(d.diagnostics()))).consume();
                        }
                        hooks.orderedStream().forEach(hook -> hook.afterWrite(tx, d.written()));
                    }
                });
            }
            session.executeWriteWithoutResult(tx -> tx.run(CypherScripts.load("support/bump-generation"), Map.of()).consume());
        }
    }

    /** Carries a dry run's result out of the transaction it rolls back. */
    private static final class RolledBack extends RuntimeException {
        private final transient Result result;

        RolledBack(Result result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    /**
     * Removes a document with its projects, targets, statements and diagnostics, and the texts, indicators and
     * units nothing else refers to any more; one transaction.
     *
     * @return false if no document has that name
     */
    public boolean delete(String name) {
        return delete(name, "system");
    }

    /** Removes the named document on behalf of {@code by} (the history's "who"); see {@link #delete(String)}. */
    public boolean delete(String name, String by) {
        try (var session = sessions.writing()) {
            return session.executeWrite(tx -> {
                tx.run(CypherScripts.load("ingest/lock-document-name"), Map.of("name", name)).consume();
                List<Record> found = tx.run(CypherScripts.load("ingest/find-document"), Map.of("name", name)).list();
                if (!found.isEmpty()) {
                    String id = found.get(0).get("id").asString();
                    hooks.orderedStream().forEach(hook -> hook.beforeRemove(tx, id));
                }
                Map<String, Object> orphans = deleteDocument(tx, name);
                if (orphans == null) {
                    return false;
                }
                tx.run(CypherScripts.load("ingest/delete-orphans"), orphans).consume();
                Removed removed = new Removed(name, found.get(0).get("id").asString(), found.get(0).get("hash").asString(null), by);
                hooks.orderedStream().forEach(hook -> hook.afterRemove(tx, removed));
                tx.run(CypherScripts.load("support/bump-generation"), Map.of()).consume();
                return true;
            });
        } catch (Neo4jException e) {
            if (TransactionMemory.exceeded(e)) {
                throw new ImportRejectedException(name, 0, "removing it needs more memory in one transaction than the "
                        + "database allows: " + memory.advice() + "; nothing was changed");
            }
            throw e;
        }
    }

    /** Deletes the named document if stored; returns the ids of nodes that may now be orphans, or null. */
    private static Map<String, Object> deleteDocument(TransactionContext tx, String name) {
        if (tx.run(CypherScripts.load("ingest/find-document"), Map.of("name", name)).list().isEmpty()) {
            return null;
        }
        Record links = tx.run(CypherScripts.load("ingest/collect-document-links"), Map.of("name", name)).single();
        Map<String, Object> orphans = Map.of(
                "textIds", links.get("textIds").asList(Value::asString),
                "indicatorIds", links.get("indicatorIds").asList(Value::asString),
                "unitIds", links.get("unitIds").asList(Value::asString),
                "categoryIds", links.get("categoryIds").asList(Value::asString));
        tx.run(CypherScripts.load("ingest/uncount-document"), Map.of("name", name)).consume();
        tx.run(CypherScripts.load("ingest/delete-document"), Map.of("name", name)).consume();
        return orphans;
    }

    Result write(TransactionContext tx, ParsedDocument doc, String by, boolean overwriteEdits) {
        return write(tx, doc, by, overwriteEdits, n -> { });
    }

    private Result write(TransactionContext tx, ParsedDocument doc, String by, boolean overwriteEdits,
                         IntConsumer targetsWritten) {
        tx.run(CypherScripts.load("ingest/lock-document-name"), Map.of("name", doc.name())).consume();
        List<Record> existing = tx.run(CypherScripts.load("ingest/find-document"), Map.of("name", doc.name())).list();
        Outcome outcome = Outcome.IMPORTED;
        Map<String, Object> orphans = null;
        if (!existing.isEmpty()) {
            // overwriteEdits writes even the same content again: its corrections are to give way to it
            if (doc.contentHash().equals(existing.get(0).get("hash").asString(null)) && !overwriteEdits) {
                return new Result(Outcome.UNCHANGED, List.of());
            }
            String replacedId = existing.get(0).get("id").asString();
            hooks.orderedStream().forEach(hook -> hook.beforeReplace(tx, replacedId));
            orphans = deleteDocument(tx, doc.name());
            outcome = Outcome.REPLACED;
        }

        String documentId = Ids.of('D', doc.name());
        Map<String, Object> document = document(doc, documentId);
        tx.run(CypherScripts.load("ingest/create-document"), Map.of("document", document)).consume();

        Rows rows = rows(doc, documentId);
        batched(tx, "ingest/merge-units", documentId, rows.units);
        // L1 first so that every L2 finds its parent.
        batched(tx, "ingest/merge-categories", documentId, rows.categories.values().stream().filter(c -> c.get("parentKey") == null).toList());
        batched(tx, "ingest/merge-categories", documentId, rows.categories.values().stream().filter(c -> c.get("parentKey") != null).toList());
        batched(tx, "ingest/merge-indicators", documentId, new ArrayList<>(rows.indicators.values()));
        batched(tx, "ingest/create-projects", documentId, rows.projects);
        batched(tx, "ingest/merge-texts", documentId, new ArrayList<>(rows.texts.values()));
        batched(tx, "ingest/create-statements", documentId, rows.statements);
        writeTargets(tx, documentId, rows.targets, targetsWritten);
        batched(tx, "ingest/create-diagnostics", documentId, rows.diagnostics);
        batched(tx, "ingest/create-source-lines", documentId, SourceLines.chunks(doc.sourceLines()));
        if (orphans != null) {
            tx.run(CypherScripts.load("ingest/delete-orphans"), orphans).consume();
        }
        Written written = new Written(doc.name(), documentId, doc.year(), doc.contentHash(), outcome, doc.projects().size(),
                doc.targetCount(), by, overwriteEdits);
        List<Map<String, Object>> corrections = new ArrayList<>();
        long hooksStart = System.nanoTime();
        hooks.orderedStream().forEach(hook -> corrections.addAll(hook.afterWrite(tx, written)));
        if (log.isDebugEnabled()) {
            log.debug("after-write hooks in {} ms", (System.nanoTime() - hooksStart) / 1_000_000);
        }
        if (outcome == Outcome.REPLACED) {
            // a relink kept over the re-import can leave one of the document's own indicators without targets
            tx.run(CypherScripts.load("ingest/delete-orphans"), Map.of("textIds", List.of(), "unitIds", List.of(), "categoryIds", List.of(),
                    "indicatorIds", rows.indicators.values().stream().map(i -> i.get("id")).toList())).consume();
        }
        // The stored counts last, in key order: shared indicators and texts are write-locked from here to the commit.
        batched(tx, "ingest/add-indicator-counts", documentId, rows.indicatorCounts);
        batched(tx, "ingest/add-text-counts", documentId, rows.textCounts);
        batched(tx, "ingest/merge-uses", documentId, rows.uses);
        // Corrections kept over a re-import go through the editing statements, which mark what they relink.
        tx.run(CypherScripts.load("ingest/recount-stale"), Map.of()).consume();
        hooks.orderedStream().forEach(hook -> hook.beforeCommit(tx, written));
        tx.run(CypherScripts.load("support/bump-generation"), Map.of()).consume();
        return new Result(outcome, corrections);
    }

    /** The Document node's properties (the bulk import writes the same, its id in the importer's id column). */
    static Map<String, Object> document(ParsedDocument doc, String documentId) {
        Map<String, Object> document = new HashMap<>();
        document.put("id", documentId);
        document.put("name", doc.name());
        document.put("hash", doc.contentHash());
        document.put("format", doc.format().name());
        document.put("title", doc.title());
        document.put("region", doc.region());
        document.put("year", doc.year());
        document.put("lineCount", doc.lineCount());
        document.put("projectCount", doc.projects().size());
        document.put("targetCount", doc.targetCount());
        document.put("kind", doc.kind().name());
        document.put("fileKind", doc.fileKind().name());
        document.put("truncated", doc.truncated());
        return document;
    }

    private static void batched(TransactionContext tx, String script, String documentId, List<Map<String, Object>> rows) {
        batched(tx, script, documentId, rows, n -> { });
    }

    private static void batched(TransactionContext tx, String script, String documentId, List<Map<String, Object>> rows,
                                IntConsumer written) {
        String cypher = CypherScripts.load(script);
        long start = System.nanoTime();
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Map<String, Object>> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            tx.run(cypher, Map.of("documentId", documentId, "rows", batch)).consume();
            written.accept(from + batch.size());
        }
        if (log.isDebugEnabled()) {
            log.debug("{}: {} rows in {} ms", script, rows.size(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** The targets, each batch's parameter maps built just before it is sent and dropped after. */
    private static void writeTargets(TransactionContext tx, String documentId, List<TargetRow> targets,
                                     IntConsumer written) {
        String cypher = CypherScripts.load("ingest/create-targets");
        for (int from = 0; from < targets.size(); from += BATCH) {
            List<Map<String, Object>> batch = new ArrayList<>(Math.min(BATCH, targets.size() - from));
            for (TargetRow target : targets.subList(from, Math.min(targets.size(), from + BATCH))) {
                batch.add(target.row(documentId));
            }
            tx.run(cypher, Map.of("documentId", documentId, "rows", batch)).consume();
            written.accept(from + batch.size());
        }
    }

    /**
     * A document's diagnostics as one DiagnosticList node: parallel arrays in the reader's order (lines, places with
     * '' for none, severities, codes, the English messages, each diagnostic's arguments joined by U+001F in {@code args}
     * and their number in {@code argCounts}, which tells no arguments from one empty one). The targets a diagnostic concerns are those of its line, matched at read time
     * (cypher/analysis/finding-parse-uncertain.cypher), so no relationship per diagnostic either.
     */
    /** Joins a diagnostic's arguments in DiagnosticList.args (a control character no document text keeps). */
    static final String ARG_SEPARATOR = "\u001f";

    static Map<String, Object> diagnosticList(List<Diagnostic> diagnostics) {
        List<Long> lines = new ArrayList<>();
        List<String> places = new ArrayList<>();
        List<String> severities = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        List<Long> argCounts = new ArrayList<>();
        List<String> args = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            lines.add((long) d.line());
            places.add(d.place() == null ? "" : d.place());
            severities.add(d.severity().name());
            codes.add(d.code().name());
            messages.add(d.message() == null ? "" : d.message());
            argCounts.add((long) d.args().size());
            args.add(String.join(ARG_SEPARATOR, d.args()));
        }
        Map<String, Object> list = new HashMap<>();
        list.put("count", diagnostics.size());
        list.put("lines", lines);
        list.put("places", places);
        list.put("severities", severities);
        list.put("codes", codes);
        list.put("messages", messages);
        list.put("argCounts", argCounts);
        list.put("args", args);
        return list;
    }

    /** The parameter rows of every statement, built once from the parsed document (the bulk import reads them too). */
    static final class Rows {
        final List<Map<String, Object>> units = new ArrayList<>();
        final Map<String, Map<String, Object>> categories = new LinkedHashMap<>();
        final Map<String, Map<String, Object>> indicators = new LinkedHashMap<>();
        final List<Map<String, Object>> projects = new ArrayList<>();
        final Map<String, Map<String, Object>> texts = new LinkedHashMap<>();
        final List<Map<String, Object>> statements = new ArrayList<>();
        final List<TargetRow> targets = new ArrayList<>();
        final List<Map<String, Object>> diagnostics = new ArrayList<>();
        /**
         * Distinct projects of this document per unit key and indicator key (the USES relationships' increments; a
         * project has one unit, so an indicator's projects add up over its units) and per text key. Sorted maps: the
         * count statements take their write locks in key order.
         */
        final Map<String, Map<String, Set<String>>> unitIndicatorProjects = new TreeMap<>();
        final Map<String, Set<String>> textProjects = new TreeMap<>();
        final List<Map<String, Object>> uses = new ArrayList<>();
        final List<Map<String, Object>> indicatorCounts = new ArrayList<>();
        final List<Map<String, Object>> textCounts = new ArrayList<>();
    }

    static Rows rows(ParsedDocument doc, String documentId) {
        Rows rows = new Rows();
        Map<String, Boolean> unitSeen = new HashMap<>();
        for (ParsedProject project : doc.projects()) {
            String unitKey = project.unit().key();
            if (unitSeen.putIfAbsent(unitKey, Boolean.TRUE) == null) {
                Map<String, Object> u = new HashMap<>();
                u.put("key", unitKey);
                u.put("id", Ids.of('U', unitKey));
                u.put("code", project.unit().code());
                u.put("name", project.unit().name());
                u.put("region", project.unit().region());
                rows.units.add(u);
            }
            String projectKey = doc.name() + "|" + unitKey + "|" + project.name() + "|" + plain(project.amount());
            String projectId = Ids.of('P', projectKey);
            Map<String, Object> props = new HashMap<>();
            props.put("id", projectId);
            props.put("key", projectKey);
            props.put("name", project.name());
            props.put("year", project.year());
            props.put("amount", plain(project.amount()));
            props.put("amountCents", cents(project.amount()));
            props.put("totalAmount", plain(project.totalAmount()));
            props.put("totalAmountCents", cents(project.totalAmount()));
            props.put("nature", project.nature());
            props.put("category", project.category());
            props.put("department", project.department());
            props.put("startDate", project.startDate());
            props.put("endDate", project.endDate());
            props.put("line", project.line());
            props.put("blocks", project.blocks());
            props.put("documentId", documentId);
            props.put("unitId", Ids.of('U', unitKey));
            props.put("targetCount", project.targets().size());
            props.put("moneyUnit", project.moneyUnit());
            rows.projects.add(Map.of("unitKey", unitKey, "line", project.line(), "props", props));

            for (GoalStatement goal : project.goals()) {
                if (goal.normalized() == null || goal.normalized().isBlank()) {
                    continue;
                }
                String textKey = Ids.sha256(goal.normalized());
                rows.texts.computeIfAbsent(textKey, k -> {
                    Map<String, Object> x = new HashMap<>();
                    x.put("key", k);
                    x.put("id", Ids.of('X', goal.normalized()));
                    x.put("text", goal.raw());
                    x.put("normalized", goal.normalized());
                    x.put("length", goal.normalized().length());
                    int[] signature = TextSignature.minHash(goal.normalized());
                    x.put("signature", signature);
                    x.put("bands", TextSignature.bands(signature));
                    return x;
                });
                Map<String, Object> s = new HashMap<>();
                s.put("projectId", projectId);
                s.put("textKey", textKey);
                s.put("kind", goal.kind().name());
                s.put("line", goal.line());
                s.put("raw", goal.raw());
                rows.statements.add(s);
                rows.textProjects.computeIfAbsent(textKey, k -> new HashSet<>()).add(projectId);
            }

            for (ParsedTarget target : project.targets()) {
                String level1Key = categoryKey(rows, target.level1(), null);
                String level2Key = categoryKey(rows, target.level2(), target.level1());
                String indicatorKey = target.indicator().key();
                rows.indicators.computeIfAbsent(indicatorKey, k -> {
                    Map<String, Object> i = new HashMap<>();
                    i.put("key", k);
                    i.put("id", Ids.of('I', k));
                    i.put("code", target.indicator().code());
                    i.put("name", target.indicator().name());
                    i.put("normalizedName", target.indicator().normalizedName());
                    return i;
                });
                rows.unitIndicatorProjects.computeIfAbsent(unitKey, k -> new TreeMap<>())
                        .computeIfAbsent(indicatorKey, k -> new HashSet<>()).add(projectId);
                rows.targets.add(new TargetRow(Ids.of('T', projectId + "|" + target.line() + "|" + target.ordinal()),
                        projectId, indicatorKey, level1Key, level2Key, target));
            }
        }
        if (!doc.diagnostics().isEmpty()) {
            rows.diagnostics.add(diagnosticList(doc.diagnostics()));
        }
        Map<String, Integer> indicatorProjects = new TreeMap<>();
        rows.unitIndicatorProjects.forEach((unitKey, indicators) -> indicators.forEach((indicatorKey, projects) -> {
            rows.uses.add(Map.of("unitKey", unitKey, "indicatorKey", indicatorKey, "projects", projects.size()));
            indicatorProjects.merge(indicatorKey, projects.size(), Integer::sum);
        }));
        indicatorProjects.forEach((key, projects) -> rows.indicatorCounts.add(Map.of("key", key, "projects", projects)));
        rows.textProjects.forEach((key, projects) ->
                rows.textCounts.add(Map.of("key", key, "projects", projects.size())));
        return rows;
    }

    /**
     * One target of the document as the writer needs it: its ids and keys, made in the one pass over the document,
     * and the parsed target, whose parameter map ({@link #row}) is built only when its batch is written. A
     * 100,000-target document thus holds its targets once (parsed), not twice (parsed and as 30-entry maps).
     */
    record TargetRow(String id, String projectId, String indicatorKey, String level1Key, String level2Key,
                     ParsedTarget target) {

        /** The create-targets row: {id, projectId, indicatorKey, level1Key, level2Key, props}. */
        Map<String, Object> row(String documentId) {
            Map<String, Object> t = new HashMap<>();
            t.put("projectId", projectId);
            t.put("documentId", documentId);
            t.put("line", target.line());
            t.put("ordinal", target.ordinal());
            t.put("indicatorName", target.indicator().name());
            t.put("indicatorCode", target.indicator().code());
            t.put("level1Raw", target.level1().raw());
            t.put("level2Raw", target.level2().raw());
            t.put("level1", target.level1().canonical());
            t.put("level2", target.level2().canonical());
            t.put("categoryInferred", target.level1().inferred() || target.level2().inferred());
            StoredValue.write(t, "annual", target.annual());
            StoredValue.write(t, "period", target.period());
            StoredValue.write(t, "actual", target.actual());
            t.put("place", target.place());
            putDecimal(t, "weight", target.weight());
            putDecimal(t, "score", target.score());
            putDecimal(t, "points", target.points());
            t.put("direction", target.direction() == null ? null : target.direction().name());
            t.put("valueType", target.valueType() == null ? null : target.valueType().name());
            t.put("notes", target.notes());
            Map<String, Object> row = new HashMap<>();
            row.put("id", id);
            row.put("projectId", projectId);
            row.put("indicatorKey", indicatorKey);
            row.put("level1Key", level1Key);
            row.put("level2Key", level2Key);
            row.put("props", t);
            return row;
        }
    }

    /** Key of a category node, registering it (and, for an L2, its canonical parent L1) in the rows. */
    private static String categoryKey(Rows rows, CategoryRef ref, CategoryRef rowLevel1) {
        String key = "L" + ref.level() + ":" + ref.canonical();
        if (rows.categories.containsKey(key)) {
            return key;
        }
        String parent = null;
        if (ref.level() == 2) {
            String parentName = CategoryVocabulary.parentOf(ref.canonical());
            if (parentName == null && rowLevel1 != null) {
                parentName = rowLevel1.canonical();
            }
            if (parentName != null) {
                parent = "L1:" + parentName;
                // registered before the L2 (not inside one computeIfAbsent: nesting them on one map corrupts it)
                if (!rows.categories.containsKey(parent)) {
                    rows.categories.put(parent, category(parent, parentName, 1, null, null));
                }
            }
        }
        rows.categories.put(key, category(key, ref.canonical(), ref.level(), ref.code(), parent));
        return key;
    }

    private static Map<String, Object> category(String key, String name, int level, String code, String parentKey) {
        Map<String, Object> c = new HashMap<>();
        c.put("key", key);
        c.put("id", Ids.of('C', key));
        c.put("name", name);
        c.put("level", level);
        c.put("code", code);
        c.put("parentKey", parentKey);
        return c;
    }

    /** An exact decimal as text (what the API returns) beside its float (what filters and sorts compare). */
    private static void putDecimal(Map<String, Object> props, String name, BigDecimal value) {
        if (value != null) {
            props.put(name, value.doubleValue());
            props.put(name + "Text", value.toPlainString());
        }
    }

    public static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    /** Money as a whole number of fen: exact sums and ranges in Cypher without floating point. */
    public static Long cents(BigDecimal amount) {
        return amount == null ? null : amount.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    }
}
