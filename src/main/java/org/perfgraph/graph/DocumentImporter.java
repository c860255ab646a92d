package org.perfgraph.graph;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.perfgraph.ingest.Diagnostic;
import org.perfgraph.ingest.DocumentFormat;
import org.perfgraph.ingest.DocumentKind;
import org.perfgraph.ingest.DocumentReader;
import org.perfgraph.ingest.FileKind;
import org.perfgraph.ingest.ImportOptions;
import org.perfgraph.ingest.GoalStatement;
import org.perfgraph.ingest.ImportRejectedException;
import org.perfgraph.ingest.ParsedDocument;
import org.perfgraph.ingest.ParsedProject;
import org.perfgraph.ingest.ParsedTarget;
import org.springframework.stereotype.Service;

/**
 * Reads a document and writes it to the graph in one transaction. The single way in for the GraphQL mutation,
 * the {@code import} command and the bundled samples.
 */
@Service
public class DocumentImporter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DocumentImporter.class);

    private final DocumentReader reader = new DocumentReader();
    private final GraphWriter writer;

    public DocumentImporter(GraphWriter writer) {
        this.writer = writer;
    }

    /**
     * What an import did, with the document's counts and the reader's diagnostics; {@code corrections} lists the
     * manually corrected fields of a replaced document that differ from its new content (kept or overwritten).
     */
    public record ImportReport(String document, String status, DocumentFormat format, DocumentKind kind,
                               FileKind fileKind, boolean truncated, int projects, int targets,
                               int texts, int indicators, List<Diagnostic> diagnostics,
                               List<Map<String, Object>> corrections) {
    }

    /**
     * Imports one document, or with {@code dryRun} writes it in a transaction that is rolled back (what the import
     * would report, corrections included, and nothing written).
     *
     * @throws ImportRejectedException naming the document and line when it cannot be read; nothing is written
     */
    public ImportReport importDocument(String name, byte[] content, boolean dryRun) {
        return importDocument(name, content, dryRun, "system", false);
    }

    /**
     * Imports on behalf of {@code by} (the history's "who"); a re-import keeps manual corrections unless
     * {@code overwriteEdits}.
     */
    public ImportReport importDocument(String name, byte[] content, boolean dryRun, String by, boolean overwriteEdits) {
        return importDocument(name, content, ImportOptions.NONE, dryRun, by, overwriteEdits);
    }

    /** Imports with an explicit column mapping and context (see {@link ImportOptions}). */
    public ImportReport importDocument(String name, byte[] content, ImportOptions options, boolean dryRun, String by,
                                       boolean overwriteEdits) {
        return importDocument(name, content, options, dryRun, by, overwriteEdits, Progress.NONE);
    }

    /** What a long import reports while it runs (the import command's progress line). */
    public interface Progress {
        Progress NONE = new Progress() { };

        /** The document is read: this many target rows are to be written. */
        default void read(int targetRows) {
        }

        /** Target rows written so far in the document's transaction (after each batch). */
        default void written(int targetRows) {
        }
    }

    /** The same, telling {@code progress} how far it is. */
    public ImportReport importDocument(String name, byte[] content, ImportOptions options, boolean dryRun, String by,
                                       boolean overwriteEdits, Progress progress) {
        if (name == null || name.isBlank()) {
            throw new ImportRejectedException("(unnamed)", 0, "a document needs a name");
        }
        long start = System.nanoTime();
        ParsedDocument doc;
        GraphWriter.Result result;
        long read;
        try {
            doc = reader.read(name, content, options);
            checkAmounts(doc);
            read = System.nanoTime();
            progress.read(doc.targetCount());
            result = dryRun ? writer.dryRun(doc, by, overwriteEdits, progress::written)
                    : writer.write(doc, by, overwriteEdits, progress::written);
        } catch (ImportRejectedException e) {
            ImportMetrics.refused(System.nanoTime() - start);
            throw e;
        }
        String status = dryRun ? "DRY_RUN" : result.outcome().name();
        ImportMetrics.imported(status, doc.targetCount(), System.nanoTime() - start);
        if (log.isDebugEnabled()) {
            log.debug("{}: read in {} ms, written ({}) in {} ms", name, (read - start) / 1_000_000, status,
                    (System.nanoTime() - read) / 1_000_000);
        }
        Set<String> texts = new HashSet<>();
        Set<String> indicators = new HashSet<>();
        for (ParsedProject p : doc.projects()) {
            for (GoalStatement g : p.goals()) {
                if (g.normalized() != null && !g.normalized().isBlank()) {
                    texts.add(g.normalized());
                }
            }
            for (ParsedTarget t : p.targets()) {
                indicators.add(t.indicator().key());
            }
        }
        return new ImportReport(name, status, doc.format(), doc.kind(), doc.fileKind(), doc.truncated(),
                doc.projects().size(), doc.targetCount(), texts.size(),
                indicators.size(), doc.diagnostics(), result.corrections());
    }

    /**
     * Removes a document with everything only it referenced, in one transaction with one history entry.
     *
     * @return false if no document has that name
     */
    public boolean removeDocument(String name, String by) {
        return writer.delete(name, by);
    }

    /** Money is stored in whole fen; an amount finer than that is a misread cell, not money. */
    static void checkAmounts(ParsedDocument doc) {
        for (ParsedProject p : doc.projects()) {
            for (BigDecimal amount : new BigDecimal[] {p.amount(), p.totalAmount()}) {
                if (amount != null && amount.stripTrailingZeros().scale() > 2) {
                    throw new ImportRejectedException(doc.name(), p.line(),
                            "amount " + amount.toPlainString() + " of project " + p.name() + " has more than two decimals (fen)");
                }
            }
        }
    }
}
