package org.perfgraph.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.perfgraph.ingest.FuzzFixtures.Outcome;
import org.perfgraph.ingest.Mutations.Mutant;
import org.perfgraph.ingest.Mutations.Relation;

/**
 * What must hold for every document the reader is given, however damaged. Each violation is one line starting with
 * the invariant's name (what a shrinker keeps constant).
 * <ul>
 * <li>{@code crash}: the read gives a document or the reader's refusal naming the document, never anything else
 * (nor the reader's last-resort refusal that wraps an unexpected exception).</li>
 * <li>{@code invented}: no project named after a header label (项目名称), no target whose indicator or value is a
 * header label (三级指标 = 年度指标值).</li>
 * <li>{@code fffd}: a replacement character in anything read carries a WARNING on its line.</li>
 * <li>{@code invisible}: no bidi override or zero-width character in anything read.</li>
 * <li>{@code prefix}: a cut document's targets are the whole one's; the row it stops in is kept whole, or
 * dropped or kept with a WARNING on its line (a cut that leaves a complete-looking value cannot be told).</li>
 * <li>{@code same}: the same text in other bytes reads to the same targets.</li>
 * <li>{@code refused}: a document without any data row is refused.</li>
 * </ul>
 */
public final class ReadInvariants {

    /** The last-resort refusal DocumentReader gives when a layout threw: a reader bug, not a reason. */
    private static final Pattern WRAPPED = Pattern.compile("could not be read: [a-z]+(\\.[a-zA-Z_$0-9]+)+(Exception|Error)");

    private ReadInvariants() {
    }

    /** One target as compared between a mutant and its whole document. */
    record Key(int line, String project, String indicator, String level1, String level2, String annual,
               String period) {
    }

    public static List<String> check(Mutant m, Outcome got) {
        List<String> v = new ArrayList<>();
        if (got.other() != null) {
            v.add("crash: " + got.other());
            return v;
        }
        if (got.refusal() != null) {
            ImportRejectedException e = got.refusal();
            if (WRAPPED.matcher(e.getMessage()).find()) {
                v.add("crash: " + e.getMessage());
            } else if (!m.name().equals(e.document()) || !e.getMessage().startsWith(m.name())) {
                v.add("crash: the refusal does not name the document: " + e.getMessage());
            }
            return v;
        }
        ParsedDocument d = got.document();
        if (m.relation() == Relation.REFUSED) {
            v.add("refused: imported " + d.projects().size() + " projects, " + d.targetCount() + " targets: "
                    + d.projects().stream().map(ParsedProject::name).toList());
        }
        for (ParsedProject p : d.projects()) {
            if (isLabel(p.name())) {
                v.add("invented: a project named after the header label '" + p.name() + "' (line " + p.line() + ")");
            }
            checkText(v, d, p.line(), "project name", p.name());
            for (ParsedTarget t : p.targets()) {
                String ind = t.indicator().name();
                if (isColumnLabel(ind)) {
                    v.add("invented: a target whose indicator is the header label '" + ind + "' (line " + t.line() + ")");
                }
                if (t.annual() != null && isValueLabel(t.annual().raw())) {
                    v.add("invented: a target whose value is the header label '" + t.annual().raw() + "' (line "
                            + t.line() + ")");
                }
                checkText(v, d, t.line(), "indicator", ind);
                checkText(v, d, t.line(), "annual value", t.annual() == null ? null : t.annual().raw());
                checkText(v, d, t.line(), "period value", t.period() == null ? null : t.period().raw());
                checkText(v, d, t.line(), "L1", t.level1() == null ? null : t.level1().raw());
                checkText(v, d, t.line(), "L2", t.level2() == null ? null : t.level2().raw());
            }
        }
        Outcome whole = m.origin().whole();
        if (whole.document() != null) {
            if (m.relation() == Relation.PREFIX) {
                checkPrefix(v, m, d, whole.document());
            } else if (m.relation() == Relation.SAME) {
                Set<Key> a = keys(d);
                Set<Key> b = keys(whole.document());
                if (!a.equals(b)) {
                    Set<Key> missing = new LinkedHashSet<>(b);
                    missing.removeAll(a);
                    Set<Key> extra = new LinkedHashSet<>(a);
                    extra.removeAll(b);
                    v.add("same: " + missing.size() + " targets lost, " + extra.size() + " changed or added; first lost "
                            + missing.stream().findFirst().orElse(null) + ", first added "
                            + extra.stream().findFirst().orElse(null));
                }
            }
        }
        return v;
    }

    private static void checkPrefix(List<String> v, Mutant m, ParsedDocument cut, ParsedDocument whole) {
        Set<Key> all = keys(whole);
        for (Key k : keys(cut)) {
            // a cut that leaves a complete-looking value (100% of 100%以上) cannot be told from the text
            boolean undetectable = k.line() == m.cutLine() && !CutRow.looksCut(k.annual() != null ? k.annual() : k.period());
            if (!all.contains(k) && !warned(cut, k.line()) && !undetectable) {
                v.add("prefix: the target " + k + " of the cut document is not one of the whole document's and "
                        + "has no WARNING on line " + k.line());
            }
        }
        if (m.cutLine() > 0) {
            Set<Key> wholeOnLine = new HashSet<>();
            for (Key k : all) {
                if (k.line() == m.cutLine()) {
                    wholeOnLine.add(k);
                }
            }
            Set<Key> cutOnLine = new HashSet<>();
            for (Key k : keys(cut)) {
                if (k.line() == m.cutLine()) {
                    cutOnLine.add(k);
                }
            }
            // a row cut before its indicator is a fragment no reader can tell from a note; one that kept its
            // indicator and lost its value is detectable
            String cutText = m.text() == null ? "" : m.text().substring(m.text().lastIndexOf('\n') + 1);
            boolean keptIndicator = wholeOnLine.stream().anyMatch(k -> cutText.contains(k.indicator()));
            if (!wholeOnLine.isEmpty() && cutOnLine.isEmpty() && keptIndicator && !warned(cut, m.cutLine())) {
                v.add("prefix: the document stops inside line " + m.cutLine() + ", which held a target, with no "
                        + "WARNING on that line (truncated=" + cut.truncated() + ")");
            }
        }
    }

    private static boolean warned(ParsedDocument d, int line) {
        return d.diagnostics().stream().anyMatch(x -> x.line() == line
                && x.severity() != Diagnostic.Severity.INFO);
    }

    private static void checkText(List<String> v, ParsedDocument d, int line, String what, String text) {
        if (text == null) {
            return;
        }
        if (text.indexOf('\uFFFD') >= 0 && d.diagnostics().stream().noneMatch(x -> x.line() == line
                && x.code() == DiagnosticCode.REPLACEMENT_CHARACTER && x.severity() == Diagnostic.Severity.WARNING)) {
            v.add("fffd: the " + what + " on line " + line + " holds U+FFFD with no REPLACEMENT_CHARACTER warning on that line");
        }
        for (int i = 0; i < text.length(); i++) {
            if (Mutations.BIDI_AND_INVISIBLE.indexOf(text.charAt(i)) >= 0) {
                v.add(String.format("invisible: the %s on line %d holds U+%04X", what, line, (int) text.charAt(i)));
                break;
            }
        }
    }

    static Set<Key> keys(ParsedDocument d) {
        Set<Key> keys = new LinkedHashSet<>();
        for (ParsedProject p : d.projects()) {
            for (ParsedTarget t : p.targets()) {
                keys.add(new Key(t.line(), p.name(), t.indicator().name(),
                        t.level1() == null ? null : t.level1().canonical(),
                        t.level2() == null ? null : t.level2().canonical(),
                        t.annual() == null ? null : t.annual().raw(), t.period() == null ? null : t.period().raw()));
            }
        }
        return keys;
    }

    /** A header or label cell the vocabulary knows, as a whole (项目名称, 三级指标, 年度指标值 …). */
    static boolean isLabel(String s) {
        if (s == null || s.isBlank()) {
            return false;
        }
        HeaderVocabulary.Synonym syn = HeaderVocabulary.match(s.trim());
        return syn != null && syn.field() != HeaderVocabulary.Field.OTHER;
    }

    /** An indicator cell that is the name of a column (三级指标, 指标名称, 二级指标, 年度指标值 …). */
    static boolean isColumnLabel(String s) {
        if (!isLabel(s)) {
            return false;
        }
        return switch (HeaderVocabulary.match(s.trim()).field()) {
            case INDICATOR, LEVEL1, LEVEL2, VALUE, PERIOD_VALUE, PROJECT, UNIT -> true;
            default -> false;
        };
    }

    static boolean isValueLabel(String s) {
        if (!isLabel(s)) {
            return false;
        }
        return switch (HeaderVocabulary.match(s.trim()).field()) {
            case VALUE, PERIOD_VALUE, INDICATOR -> true;
            default -> false;
        };
    }
}
