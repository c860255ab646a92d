package org.perfgraph.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The context an importer gives (year, region, unit; {@link ImportOptions}) applied to a document as read, for
 * every layout alike: it fills what the document does not say, and wins over what it says only with
 * {@code override}; a disagreement is a {@link DiagnosticCode#CONTEXT_MISMATCH} diagnostic either way. Units stay
 * identified by region plus code (or name), so a region given here joins the document's units to that region's.
 */
final class DocumentContext {

    private DocumentContext() {
    }

    static ParsedDocument apply(ParsedDocument doc, ImportOptions options) {
        if (options.year() == null && options.region() == null && options.unit() == null) {
            return doc;
        }
        Diagnostics diagnostics = new Diagnostics();
        diagnostics.addAll(doc.diagnostics());
        int line = doc.projects().isEmpty() ? 1 : doc.projects().get(0).line();
        Integer year = choose(doc.year(), options.year(), options.override(), "year", line, diagnostics);
        String region = choose(doc.region(), blankToNull(options.region()), options.override(), "region", line,
                diagnostics);
        String unitName = blankToNull(options.unit());
        List<ParsedProject> projects = new ArrayList<>(doc.projects().size());
        boolean unitReported = false;
        for (ParsedProject p : doc.projects()) {
            ParsedUnit u = p.unit();
            String name = u.name();
            if (unitName != null && !unitName.equals(name)) {
                boolean blank = name == null || name.isBlank();
                if (!blank && !unitReported) {
                    diagnostics.info(p.line(), DiagnosticCode.CONTEXT_MISMATCH, "the import names the unit " + unitName
                            + " but the document names " + name + (options.override() ? "; the import's is kept"
                            : "; the document's is kept"), "unit", unitName, name);
                    unitReported = true;
                }
                if (blank || options.override()) {
                    name = unitName;
                }
            }
            String unitRegion = u.region() == null || options.override() ? region : u.region();
            Integer projectYear = p.year() == null || options.override() ? year : p.year();
            projects.add(new ParsedProject(new ParsedUnit(u.code(), name, unitRegion), p.name(), projectYear, p.amount(),
                    p.totalAmount(), p.nature(), p.category(), p.department(), p.startDate(), p.endDate(), p.line(),
                    p.blocks(), p.goals(), p.targets(), p.moneyUnit()));
        }
        return new ParsedDocument(doc.name(), doc.contentHash(), doc.format(), doc.title(), region, year,
                doc.lineCount(), List.copyOf(projects), diagnostics.list(), doc.kind(), doc.fileKind(), doc.truncated(),
                doc.sourceLines());
    }

    private static <T> T choose(T read, T given, boolean override, String what, int line, Diagnostics diagnostics) {
        if (given == null) {
            return read;
        }
        if (read == null) {
            return given;
        }
        if (!Objects.equals(read, given)) {
            diagnostics.info(line, DiagnosticCode.CONTEXT_MISMATCH, "the import gives the " + what + " " + given
                    + " but the document says " + read + (override ? "; the import's is kept" : "; the document's is kept"),
                    what, String.valueOf(given), String.valueOf(read));
            return override ? given : read;
        }
        return read;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
