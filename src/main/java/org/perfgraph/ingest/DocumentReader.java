package org.perfgraph.ingest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.perfgraph.ingest.extract.Extractors;

/**
 * Entry point of the reading side, in three stages: <b>extract</b> the bytes into {@link Table}s (the file kind
 * from the content, never the file name), <b>interpret</b> the tables with the {@link Layout} most certain to read
 * them, <b>normalise</b> values, categories, units and amounts (inside the layouts, through
 * {@link ValueNormalizer} and {@link CategoryVocabulary}). Stateless and thread-safe.
 */
public final class DocumentReader {

    /** Every layout, most specific first: on equal certainty the earlier one reads. */
    private static final List<Layout> LAYOUTS = List.of(new TabExportLayout(), new FormLayout(),
            new HeaderTableLayout());

    /** Reads one document with nothing but its bytes. */
    public ParsedDocument read(String name, byte[] content) {
        return read(name, content, ImportOptions.NONE);
    }

    /**
     * Reads one document.
     *
     * @param name    the document's name, used in every message
     * @param content the raw bytes of any file kind perfgraph reads
     * @param options an explicit column mapping and context the document lacks
     * @return the parsed document
     * @throws ImportRejectedException naming the document and place when the content cannot be read
     */
    public ParsedDocument read(String name, byte[] content, ImportOptions options) {
        try {
            Extraction extraction = TableSegmenter.segment(Extractors.extract(name, content), options);
            Layout layout = choose(name, extraction, options);
            ParsedDocument read = layout.read(new Layout.LayoutInput(name, sha256(content), extraction, options));
            List<Diagnostic> diagnostics = new ArrayList<>(extraction.diagnostics());
            diagnostics.addAll(read.diagnostics());
            read = placedTargetsOnly(read, diagnostics);
            return DocumentContext.apply(read.with(read.kind(), extraction.fileKind(),
                    read.truncated() || extraction.truncated(), extraction.sourceLines(), diagnostics), options);
        } catch (ImportRejectedException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // a reader bug must still name the document instead of escaping as an anonymous failure
            throw new ImportRejectedException(name, 0, "the document could not be read: " + e);
        }
    }

    /** The category of a row whose document names none (a mapped table without 一级/二级 columns). */
    static final String UNCLASSIFIED = "未分类";

    /**
     * The writer needs every target's indicator and categories: a row with no category where the document gives
     * none is filed under {@link #UNCLASSIFIED} with a CATEGORY_MISSING warning; a row without an indicator is not
     * stored but reported with its line. Nothing half-read is passed on.
     */
    private static ParsedDocument placedTargetsOnly(ParsedDocument read, List<Diagnostic> diagnostics) {
        boolean all = read.projects().stream().flatMap(p -> p.targets().stream()).allMatch(DocumentReader::placed);
        if (all) {
            return read;
        }
        List<ParsedProject> projects = new ArrayList<>();
        for (ParsedProject p : read.projects()) {
            List<ParsedTarget> kept = new ArrayList<>();
            for (ParsedTarget t : p.targets()) {
                if (placed(t)) {
                    kept.add(t);
                } else if (t.indicator() == null || t.indicator().name() == null || t.indicator().name().isBlank()) {
                    diagnostics.add(new Diagnostic(t.line(), t.place(), Diagnostic.Severity.WARNING,
                            DiagnosticCode.ROW_UNREADABLE, List.of(), "the row on line " + t.line()
                            + " has no indicator name; not imported"));
                } else {
                    CategoryRef l1 = complete(t.level1()) ? t.level1() : new CategoryRef(null, null, UNCLASSIFIED, 1, true);
                    CategoryRef l2 = complete(t.level2()) ? t.level2() : new CategoryRef(null, null, UNCLASSIFIED, 2, true);
                    diagnostics.add(new Diagnostic(t.line(), t.place(), Diagnostic.Severity.WARNING,
                            DiagnosticCode.CATEGORY_MISSING, List.of(t.indicator().name()), "indicator '"
                            + t.indicator().name() + "' on line " + t.line() + " has no " + (complete(t.level1())
                            ? "二级指标" : "一级指标") + "; filed under " + UNCLASSIFIED));
                    kept.add(new ParsedTarget(t.line(), t.place(), t.ordinal(), t.indicator(), l1, l2, t.period(),
                            t.annual(), t.actual(), t.weight(), t.score(), t.direction(), t.points(), t.notes(),
                            t.valueType()));
                }
            }
            if (!kept.isEmpty()) {
                projects.add(new ParsedProject(p.unit(), p.name(), p.year(), p.amount(), p.totalAmount(), p.nature(),
                        p.category(), p.department(), p.startDate(), p.endDate(), p.line(), p.blocks(), p.goals(),
                        List.copyOf(kept), p.moneyUnit()));
            }
        }
        if (projects.isEmpty()) {
            throw new ImportRejectedException(read.name(), 1, "no indicator row has an indicator name");
        }
        return new ParsedDocument(read.name(), read.contentHash(), read.format(), read.title(), read.region(),
                read.year(), read.lineCount(), List.copyOf(projects), read.diagnostics(), read.kind(), read.fileKind(),
                read.truncated(), read.sourceLines());
    }

    private static boolean complete(CategoryRef c) {
        return c != null && c.canonical() != null && !c.canonical().isBlank();
    }

    private static boolean placed(ParsedTarget t) {
        return t.indicator() != null && t.indicator().name() != null && !t.indicator().name().isBlank()
                && complete(t.level1()) && complete(t.level2());
    }

    /** The layout most certain to read the extraction, or a refusal saying what was found and what is expected. */
    static Layout choose(String name, Extraction extraction, ImportOptions options) {
        Layout best = null;
        int bestScore = 0;
        for (Layout layout : LAYOUTS) {
            int score = layout.recognise(extraction, options);
            if (score > bestScore) {
                best = layout;
                bestScore = score;
            }
        }
        if (best != null) {
            return best;
        }
        int first = 1;
        for (Table t : extraction.tables()) {
            if (!t.rows().isEmpty()) {
                first = t.rows().get(0).line();
                break;
            }
        }
        throw new ImportRejectedException(name, first, "unknown layout: expected either a tab export (a tab-separated"
                + " header row with 预算单位, 项目名称, 一级指标, 二级指标, 三级指标 … columns and CODE-NAME cells) or"
                + " 财政项目支出绩效目标申报表 forms (blocks with 项目名称, 项目性质, 主管部门, 实施单位 … labels);"
                + " found neither, nor a table with a header row" + HeaderTableLayout.refusalDetail(extraction));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
