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
            read = placedTargetsOnly(noHeaderRows(read, diagnostics), diagnostics);
            replacementCharacters(read, diagnostics);
            namesWithinKeyLength(read);
            return DocumentContext.apply(read.with(read.kind(), extraction.fileKind(),
                    read.truncated() || extraction.truncated(), extraction.sourceLines(), diagnostics), options);
        } catch (ImportRejectedException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // a reader bug must still name the document instead of escaping as an anonymous failure
            throw new ImportRejectedException(name, 0, "the document could not be read: " + e);
        }
    }

    /**
     * Longest unit, project or indicator name or code, in characters. These names are keys the store indexes, and
     * Neo4j refuses to index a value over about 8 KB (a pasted 1 MB cell in the indicator column failed the import
     * with an internal error): such a name is no name but a cell's text in the wrong column, so the document is refused
     * naming its line.
     */
    static final int MAX_NAME_LENGTH = 1_000;

    private static void namesWithinKeyLength(ParsedDocument read) {
        for (ParsedProject p : read.projects()) {
            tooLong(read.name(), p.line(), "project name", p.name());
            if (p.unit() != null) {
                tooLong(read.name(), p.line(), "unit name", p.unit().name());
                tooLong(read.name(), p.line(), "unit code", p.unit().code());
            }
            for (ParsedTarget t : p.targets()) {
                if (t.indicator() != null) {
                    tooLong(read.name(), t.line(), "indicator name", t.indicator().name());
                    tooLong(read.name(), t.line(), "indicator code", t.indicator().code());
                }
            }
        }
    }

    private static void tooLong(String document, int line, String what, String value) {
        if (value != null && value.length() > MAX_NAME_LENGTH) {
            throw new ImportRejectedException(document, line, "the " + what + " is " + value.length()
                    + " characters long, more than the " + MAX_NAME_LENGTH + " a name may have (a cell's text in the"
                    + " wrong column?)");
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

    /**
     * What no layout may hand on, whatever the damage: a project named after a header label (项目名称: a repeated
     * header row read as data) refuses the document naming its line; a row whose indicator or value is a header label
     * (三级指标 = 年度指标值) is no target and is reported as HEADER_REPEATED.
     */
    private static ParsedDocument noHeaderRows(ParsedDocument read, List<Diagnostic> diagnostics) {
        boolean any = false;
        for (ParsedProject p : read.projects()) {
            if (headerLabel(p.name(), HeaderVocabulary.Field.PROJECT, HeaderVocabulary.Field.UNIT,
                    HeaderVocabulary.Field.INDICATOR, HeaderVocabulary.Field.LEVEL1, HeaderVocabulary.Field.LEVEL2,
                    HeaderVocabulary.Field.VALUE, HeaderVocabulary.Field.PERIOD_VALUE, HeaderVocabulary.Field.AMOUNT)) {
                throw new ImportRejectedException(read.name(), p.line(), "line " + p.line() + " names a project '"
                        + p.name().strip() + "', which is a header label: a header row was read as data (a repeated or"
                        + " shifted header row)");
            }
            for (ParsedTarget t : p.targets()) {
                any |= headerRow(t);
            }
        }
        if (!any) {
            return read;
        }
        List<ParsedProject> projects = new ArrayList<>();
        int firstLine = 0;
        for (ParsedProject p : read.projects()) {
            List<ParsedTarget> kept = new ArrayList<>();
            for (ParsedTarget t : p.targets()) {
                if (!headerRow(t)) {
                    kept.add(t);
                    continue;
                }
                firstLine = firstLine == 0 ? t.line() : firstLine;
                String value = t.annual() == null ? "" : t.annual().raw();
                diagnostics.add(new Diagnostic(t.line(), t.place(), Diagnostic.Severity.WARNING,
                        DiagnosticCode.HEADER_REPEATED, List.of(t.indicator().name(), value), "line " + t.line()
                        + " reads as a header row ('" + t.indicator().name().strip() + "' = '" + value.strip()
                        + "'); not a target"));
            }
            if (!kept.isEmpty()) {
                projects.add(new ParsedProject(p.unit(), p.name(), p.year(), p.amount(), p.totalAmount(), p.nature(),
                        p.category(), p.department(), p.startDate(), p.endDate(), p.line(), p.blocks(), p.goals(),
                        List.copyOf(kept), p.moneyUnit()));
            }
        }
        if (projects.isEmpty()) {
            throw new ImportRejectedException(read.name(), firstLine, "every indicator row reads as a header row"
                    + " (三级指标, 年度指标值 …); the document holds no targets");
        }
        return new ParsedDocument(read.name(), read.contentHash(), read.format(), read.title(), read.region(),
                read.year(), read.lineCount(), List.copyOf(projects), read.diagnostics(), read.kind(), read.fileKind(),
                read.truncated(), read.sourceLines());
    }

    private static boolean headerRow(ParsedTarget t) {
        return headerLabel(t.indicator() == null ? null : t.indicator().name(), HeaderVocabulary.Field.INDICATOR,
                HeaderVocabulary.Field.LEVEL1, HeaderVocabulary.Field.LEVEL2, HeaderVocabulary.Field.VALUE,
                HeaderVocabulary.Field.PERIOD_VALUE, HeaderVocabulary.Field.PROJECT, HeaderVocabulary.Field.UNIT)
                || (t.annual() != null && headerLabel(t.annual().raw(), HeaderVocabulary.Field.VALUE,
                HeaderVocabulary.Field.PERIOD_VALUE, HeaderVocabulary.Field.INDICATOR));
    }

    private static boolean headerLabel(String text, HeaderVocabulary.Field... fields) {
        if (text == null || text.isBlank()) {
            return false;
        }
        HeaderVocabulary.Synonym s = HeaderVocabulary.match(text.strip());
        return s != null && List.of(fields).contains(s.field());
    }

    /**
     * A replacement character (U+FFFD) in anything read means bytes were lost before the reader saw them (a damaged
     * file, a wrong encoding somewhere upstream): a WARNING on its line for every file kind, where the extractor has
     * not already given one.
     */
    private static void replacementCharacters(ParsedDocument read, List<Diagnostic> diagnostics) {
        java.util.Set<Integer> warned = new java.util.HashSet<>();
        for (Diagnostic d : diagnostics) {
            if (d.code() == DiagnosticCode.REPLACEMENT_CHARACTER && d.severity() == Diagnostic.Severity.WARNING) {
                warned.add(d.line());
            }
        }
        for (ParsedProject p : read.projects()) {
            replacement(p.line(), null, diagnostics, warned, p.name(), p.unit() == null ? null : p.unit().name());
            for (ParsedTarget t : p.targets()) {
                replacement(t.line(), t.place(), diagnostics, warned, t.indicator().name(), raw(t.annual()),
                        raw(t.period()), raw(t.actual()), t.level1() == null ? null : t.level1().raw(),
                        t.level2() == null ? null : t.level2().raw(), t.notes());
            }
        }
    }

    private static String raw(TargetValue v) {
        return v == null ? null : v.raw();
    }

    private static void replacement(int line, String place, List<Diagnostic> diagnostics,
                                    java.util.Set<Integer> warned, String... texts) {
        if (warned.contains(line)) {
            return;
        }
        int count = 0;
        for (String t : texts) {
            for (int i = 0; t != null && i < t.length(); i++) {
                count += t.charAt(i) == '\uFFFD' ? 1 : 0;
            }
        }
        if (count > 0) {
            warned.add(line);
            diagnostics.add(new Diagnostic(line, place, Diagnostic.Severity.WARNING,
                    DiagnosticCode.REPLACEMENT_CHARACTER, List.of(String.valueOf(line), String.valueOf(count)),
                    "line " + line + (place == null ? "" : " (" + place + ")") + " holds " + count
                    + " replacement character(s) U+FFFD: bytes of the file were lost before it was read; kept as read"));
        }
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
