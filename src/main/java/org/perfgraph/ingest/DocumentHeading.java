package org.perfgraph.ingest;

import java.util.HashSet;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;

import org.perfgraph.ingest.HeaderVocabulary.Field;

/**
 * What the lines around a header table say about the document: its title, the year line under it (（2025年度）), its
 * kind (自评表, 批复表, 整体支出) and its money-unit note (单位：万元); and the year and region that follow from them
 * and from the import's options, a disagreement with the options being a {@code CONTEXT_MISMATCH} (said once each).
 */
final class DocumentHeading {

    /** A form's year line: (2025年度), （2024年）. */
    private static final Pattern YEAR_LINE = Pattern.compile("^[(（]?(?:19|20)\\d{2}年度?[)）]?$");

    private final ImportOptions options;
    private final Diagnostics diagnostics;
    /** The line a context diagnostic is given on: the current header's. */
    private final IntSupplier contextLine;
    private final Set<String> contextReported = new HashSet<>();

    private String title;
    /** The year of a line of its own under the title (（2025年度）), for a title that names none. */
    private Integer yearLine;
    private String moneyUnit;
    private DocumentKind kind;
    private Integer year;
    private String region;
    private boolean regionKnown;

    DocumentHeading(ImportOptions options, Diagnostics diagnostics, IntSupplier contextLine) {
        this.options = options;
        this.diagnostics = diagnostics;
        this.contextLine = contextLine;
    }

    /** The title, null where no line reads as one. */
    String title() {
        return title;
    }

    /** The money unit the document's note gives (单位：万元), null where none. */
    String moneyUnit() {
        return moneyUnit;
    }

    /** The kind read so far, null where nothing said it. */
    DocumentKind kind() {
        return kind;
    }

    /** The region worked out for the first unit, null where none was. */
    String region() {
        return region;
    }

    /** A self-assessment's header (实际完成值, 得分) says the kind where no title did. */
    void detectKind(HeaderColumns h) {
        if (kind == null && (h.has(Field.ACTUAL) || h.has(Field.SCORE))) {
            kind = DocumentKind.SELF_ASSESSMENT;
        }
    }

    /** A row before the first header whose labels may share it with the money note (部门名称 | … | 单位：万元). */
    void moneyUnitNote(TableRow row) {
        if (moneyUnit == null) {
            moneyUnit = HeaderVocabulary.moneyUnitNote(row.joined());
        }
    }

    /** A line of text outside the table: the money note, the kind, the title and the year line it may be. */
    void note(TableRow row) {
        String text = HeaderVocabulary.simplified(TextNormalizer.normalizeName(row.joined()));
        String unit = HeaderVocabulary.moneyUnitNote(text);
        if (unit != null && moneyUnit == null) {
            moneyUnit = unit;
        }
        if (kind == null) {
            if (text.contains("自评")) {
                kind = DocumentKind.SELF_ASSESSMENT;
            } else if (text.contains("批复") || text.contains("审批")) {
                kind = DocumentKind.APPROVAL;
            } else if (text.contains("整体支出")) {
                kind = DocumentKind.UNIT_WIDE;
            }
        }
        if (title == null && isTitle(row, text)) {
            title = TextNormalizer.normalize(row.joined().replace('\t', ' ')).trim();
        }
        if (yearLine == null && YEAR_LINE.matcher(text).matches()) {
            yearLine = TitleLine.year(text);
        }
    }

    /** A row holding only a table's title (…绩效目标申报表) or its year line (（2025年度）). */
    static boolean isFormTitle(TableRow row) {
        long cells = row.cells().stream().filter(c -> !c.isBlank() && !c.covered()).count();
        String text = HeaderVocabulary.simplified(TextNormalizer.normalizeName(row.joined()));
        return cells == 1 && (YEAR_LINE.matcher(text).matches()
                || (isTitle(row, text) && text.endsWith("表")));
    }

    /** A row of one or two text cells naming the table: 绩效 with 表 or 目标, not a breadcrumb. */
    private static boolean isTitle(TableRow row, String text) {
        long cells = row.cells().stream().filter(c -> !c.isBlank() && !c.covered()).count();
        return cells <= 2 && text.length() >= 6 && text.length() <= 80 && text.contains("绩效")
                && (text.contains("表") || text.contains("目标")) && !text.contains(">") && !text.contains("»");
    }

    /** The region of the first unit named (from the title or the unit's name, or the import's), worked out once. */
    String region(String unitName) {
        if (!regionKnown) {
            regionKnown = true;
            region = TitleLine.region(title, unitName);
            String given = options.region();
            if (given != null && !given.isBlank()) {
                if (region == null) {
                    region = given;
                } else if (!given.equals(region)) {
                    context("region", region, given);
                    if (options.override()) {
                        region = given;
                    }
                }
            }
        }
        return region;
    }

    /** The budget year: the title's, the year line's or the import's, worked out once. */
    Integer year() {
        if (year == null) {
            year = TitleLine.year(title);
            if (year == null) {
                year = yearLine;
            }
            Integer given = options.year();
            if (given != null) {
                if (year == null) {
                    year = given;
                } else if (!given.equals(year)) {
                    context("year", String.valueOf(year), String.valueOf(given));
                    if (options.override()) {
                        year = given;
                    }
                }
            }
        }
        return year;
    }

    /** The import's year, region or unit differs from the document's: said once for each. */
    void context(String what, String document, String given) {
        if (contextReported.add(what)) {
            diagnostics.add(contextLine.getAsInt(), null, Diagnostic.Severity.WARNING, DiagnosticCode.CONTEXT_MISMATCH,
                    "the " + what + " given at import (" + given + ") differs from the document's (" + document + "); "
                            + (options.override() ? "the given one is used" : "the document's is kept"),
                    what, document, given);
        }
    }
}
