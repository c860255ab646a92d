package org.perfgraph.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Resolves the L1/L2 of a form's indicator rows. The PDF extraction loses the merged cells' extent and sometimes
 * moves a label one row up or down, so the rows are read in three passes:
 * <ol>
 * <li>each row's own label cells are classified by the vocabulary (an L1, an L2, 成本指标 which is both, a
 * garbled label ending in 指标);</li>
 * <li>labels that sit one row off are put back where the form means them: a row whose own L2 label contradicts
 * its indicator name (…及时性 under 社会效益指标) while the name agrees with the block above and the next row
 * agrees with the label passes the label down; an unlabelled row at the end of a block whose name contradicts
 * the carried L2 but agrees with the next block's label joins that block (宣传资料质量合格性 before 质量指标); where
 * the rows end before any such label (a form cut at a line end), it keeps the carried L2 with a warning;</li>
 * <li>the rows are walked top-down carrying L1/L2 over merged (empty) cells, repairing garbled labels, and
 * taking an L2's canonical parent as L1 where the carried L1 is not its parent.</li>
 * </ol>
 * Every row whose category was not read straight from its own cells gets a diagnostic with its line.
 */
final class FormCategories {

    private static final String QUALITY = "质量指标";
    private static final String TIMELINESS = "时效指标";

    /** A label cell as read and classified. */
    private record Label(String raw, String canonical) {
    }

    /** One row during resolution. */
    private static final class Slot {
        final FormLayout.Row row;
        final String hint;
        Label ownL1;
        Label ownL2;
        String garbledL1;
        String garbledL2;
        boolean l1FromSeveral;
        final List<String> notes = new ArrayList<>();
        /** The row whose labels this row takes instead of its own (a label shifted by one row). */
        Slot labelsFrom;
        /** This row's own labels belong to a neighbour; it carries the L1/L2 from above. */
        boolean gaveAway;

        Slot(FormLayout.Row row) {
            this.row = row;
            this.hint = hint(row.name());
        }

        boolean hasOwnL2() {
            return ownL2 != null || garbledL2 != null;
        }
    }

    private FormCategories() {
    }

    static List<ParsedTarget> resolve(List<FormLayout.Row> rows, Integer year, Diagnostics diagnostics) {
        List<Slot> slots = new ArrayList<>();
        for (FormLayout.Row row : rows) {
            slots.add(classify(row, diagnostics));
        }
        realign(slots);
        return walk(slots, year, diagnostics);
    }

    /**
     * The L2 an indicator name clearly asks for, or null: 及时/按时 → 时效指标; 合格/达标/合规/准确率/通过率 →
     * 质量指标. Only used to put shifted labels back, never to overrule a label that agrees with its block.
     */
    static String hint(String indicatorName) {
        String n = TextNormalizer.normalizeName(indicatorName);
        if (n.contains("及时") || n.contains("按时") || n.contains("时效") || n.contains("时限")) {
            return TIMELINESS;
        }
        if (n.contains("合格") || n.contains("达标") || n.contains("合规") || n.contains("准确率")
                || n.contains("通过率") || n.contains("相符率")) {
            return QUALITY;
        }
        return null;
    }

    private static Slot classify(FormLayout.Row row, Diagnostics diagnostics) {
        Slot s = new Slot(row);
        List<Label> known = new ArrayList<>();
        List<String> labels = row.labels();
        for (int i = 0; i < labels.size(); i++) {
            String raw = labels.get(i);
            var canonical = CategoryVocabulary.canonical(raw);
            if (canonical.isPresent()) {
                known.add(new Label(raw, canonical.get()));
            } else if (CategoryVocabulary.looksLikeGarbledLabel(raw)) {
                if (i == labels.size() - 1) {
                    s.garbledL2 = raw;
                } else {
                    s.garbledL1 = raw;
                }
            } else {
                diagnostics.warn(row.line(), DiagnosticCode.LABEL_UNKNOWN, "cell '" + raw + "' stands where a category label is"
                        + " expected but is not one; ignored");
            }
        }
        Label l2 = null;
        for (Label l : known) {
            if (CategoryVocabulary.isL2(l.canonical()) && !CategoryVocabulary.isL1(l.canonical())) {
                l2 = l;
            }
        }
        if (l2 == null && known.size() >= 2) {
            // older tree: 产出指标 | 成本指标 reads 成本指标 as the L2 under 产出指标
            Label lastLabel = known.get(known.size() - 1);
            Label before = known.get(known.size() - 2);
            if (CategoryVocabulary.isL2(lastLabel.canonical()) && CategoryVocabulary.isL1(before.canonical())
                    && before.canonical().equals(CategoryVocabulary.parentOf(lastLabel.canonical()))) {
                l2 = lastLabel;
            }
        }
        List<Label> l1s = new ArrayList<>();
        for (Label l : known) {
            if (l != l2 && CategoryVocabulary.isL1(l.canonical())) {
                l1s.add(l);
            }
        }
        s.ownL2 = l2;
        if (l2 != null) {
            String parent = CategoryVocabulary.parentOf(l2.canonical());
            Label matching = l1s.stream().filter(l -> l.canonical().equals(parent)).reduce((a, b) -> b).orElse(null);
            if (matching != null) {
                s.ownL1 = matching;
                if (l1s.size() > 1) {
                    s.l1FromSeveral = true;
                    List<String> others = l1s.stream().filter(l -> l != matching).map(Label::raw).toList();
                    s.notes.add("the row reads the L1 labels " + String.join(", ", l1s.stream().map(Label::raw).toList())
                            + " before " + l2.raw() + "; took " + parent + ", the parent of " + l2.canonical()
                            + ", and read " + String.join(", ", others)
                            + " as a merged cell of the rows below");
                }
            } else if (!l1s.isEmpty()) {
                s.ownL1 = l1s.get(l1s.size() - 1);
            }
        } else if (!l1s.isEmpty()) {
            s.ownL1 = l1s.get(l1s.size() - 1);
        }
        return s;
    }

    private static void realign(List<Slot> slots) {
        String carried = null;
        Slot pending = null;
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            Slot next = i + 1 < slots.size() ? slots.get(i + 1) : null;
            if (pending != null) {
                s.labelsFrom = pending;
                s.notes.add("its category label " + pending.ownL2.raw() + " stands one row up, on line "
                        + pending.row.line() + ", and the name " + s.row.name() + " fits it");
                pending = null;
                if (s.ownL2 != null && canPassDown(s, next)) {
                    pending = s;
                    s.notes.add("its own label " + s.ownL2.raw() + " belongs to the row below");
                } else if (s.ownL2 != null) {
                    s.labelsFrom = null; // its own label wins; the one from above is dropped
                    s.notes.clear();
                }
            } else if (s.ownL2 != null && s.hint != null && !s.hint.equals(s.ownL2.canonical())
                    && s.hint.equals(carried) && next != null && s.ownL2.canonical().equals(next.hint)) {
                s.gaveAway = true;
                pending = s;
                s.notes.add("its label " + s.ownL2.raw() + " belongs to the row below (" + next.row.name()
                        + "); the name " + s.row.name() + " continues the " + carried + " rows above");
            } else if (s.ownL2 != null && s.hint != null && !s.hint.equals(s.ownL2.canonical())
                    && s.hint.equals(carried) && next == null) {
                // the same shift, but the rows end here (a document cut at a line end): no row below can take the
                // label, so the row keeps it and says why it may be one row off
                s.notes.add("its label " + s.ownL2.raw() + " does not fit the name " + s.row.name() + ", which"
                        + " continues the " + carried + " rows above, and the form's rows end here, so no row below"
                        + " can show the label is one row off (was the document cut?); kept " + s.ownL2.raw());
            } else if (!s.hasOwnL2() && s.ownL1 == null && s.hint != null && carried != null
                    && !s.hint.equals(carried)) {
                int j = i + 1;
                while (j < slots.size() && !slots.get(j).hasOwnL2() && s.hint.equals(slots.get(j).hint)) {
                    j++;
                }
                if (j < slots.size() && slots.get(j).ownL2 != null && s.hint.equals(slots.get(j).ownL2.canonical())) {
                    s.labelsFrom = slots.get(j);
                    s.notes.add("no label on the row; the name " + s.row.name() + " fits the label "
                            + slots.get(j).ownL2.raw() + " on line " + slots.get(j).row.line()
                            + " rather than the " + carried + " carried from above, so the merged cell of line "
                            + slots.get(j).row.line() + " is taken to start here");
                } else if (j == slots.size()) {
                    // a merged label stands below its rows, so where the rows end first (a document cut at a line
                    // end looks complete) no label can say which block this row closes: keep the carried L2 (the
                    // name alone is no proof) and say so on the row
                    s.notes.add("no label on the row; the name " + s.row.name() + " asks for " + s.hint
                            + ", not the " + carried + " carried from above, but the form's rows end before a label"
                            + " that would place it (a label of a merged cell stands below its rows; was the document"
                            + " cut?); kept " + carried);
                }
            }
            carried = effectiveL2(s, carried);
        }
    }

    private static boolean canPassDown(Slot s, Slot next) {
        return next != null && s.hint != null && !s.hint.equals(s.ownL2.canonical()) && !next.hasOwnL2()
                && next.ownL1 == null && (next.hint == null || next.hint.equals(s.ownL2.canonical()));
    }

    private static String effectiveL2(Slot s, String carried) {
        if (s.labelsFrom != null) {
            return s.labelsFrom.ownL2.canonical();
        }
        if (s.gaveAway || !s.hasOwnL2()) {
            return carried;
        }
        return s.ownL2 != null ? s.ownL2.canonical() : carried;
    }

    private static List<ParsedTarget> walk(List<Slot> slots, Integer year, Diagnostics diagnostics) {
        List<ParsedTarget> targets = new ArrayList<>();
        CategoryRef prevL1 = null;
        CategoryRef prevL2 = null;
        for (Slot s : slots) {
            int line = s.row.line();
            List<String> notes = new ArrayList<>(s.notes);
            boolean shifted = s.labelsFrom != null || s.gaveAway;
            Label l1Label;
            Label l2Label;
            String l2Raw = s.ownL2 != null ? s.ownL2.raw() : s.garbledL2;
            String l1Raw = s.ownL1 != null ? s.ownL1.raw() : s.garbledL1;
            if (s.labelsFrom != null) {
                l2Label = s.labelsFrom.ownL2;
                l1Label = s.labelsFrom.ownL1;
            } else if (s.gaveAway) {
                l2Label = null;
                l1Label = null;
            } else {
                l2Label = s.ownL2;
                l1Label = s.ownL1;
            }

            String l2 = l2Label == null ? null : l2Label.canonical();
            boolean l2Inferred = shifted;
            boolean repairedL2 = false;
            if (!shifted && s.garbledL2 != null) {
                String expected = l1Label != null ? l1Label.canonical() : null;
                var repaired = CategoryVocabulary.repair(s.garbledL2, 2, expected,
                        prevL2 == null ? null : prevL2.canonical());
                if (repaired.isPresent()) {
                    l2 = repaired.get();
                    repairedL2 = true;
                    diagnostics.warn(line, DiagnosticCode.CATEGORY_OCR_REPAIRED, "二级指标 '" + s.garbledL2
                            + "' is not in the vocabulary; read as " + l2 + " (closest by shared characters among "
                            + CategoryVocabulary.repairCandidates(s.garbledL2, 2)
                            + ", chosen by the L1 on the row and the L2 of the row above)");
                } else {
                    notes.add("二级指标 '" + s.garbledL2 + "' is not in the vocabulary and no repair is certain;"
                            + " carried the L2 from above");
                }
                l2Inferred = true;
            }
            boolean l2ReadHere = l2 != null;
            if (l2 == null && prevL2 != null) {
                if (l1Label == null || l1Label.canonical().equals(CategoryVocabulary.parentOf(prevL2.canonical()))) {
                    l2 = prevL2.canonical();
                }
            }

            String l1 = l1Label == null ? null : l1Label.canonical();
            boolean l1Inferred = shifted || s.l1FromSeveral;
            if (l1 == null && s.garbledL1 != null && !shifted) {
                var byShape = CategoryVocabulary.repair(s.garbledL1, 1, null, null);
                String parent = l2 == null ? null : CategoryVocabulary.parentOf(l2);
                String chosen = parent != null ? parent : byShape.orElse(null);
                if (chosen != null) {
                    l1 = chosen;
                    l1Inferred = true;
                    diagnostics.warn(line, DiagnosticCode.CATEGORY_OCR_REPAIRED, "一级指标 '" + s.garbledL1
                            + "' is not in the vocabulary and shares no telling characters with it; read as " + chosen
                            + (parent != null ? ", the parent of the row's L2 " + l2 : " by similarity"));
                }
            }
            if (l1 == null && l2 != null && l2ReadHere) {
                String parent = CategoryVocabulary.parentOf(l2);
                boolean carriedFits = prevL1 != null && (prevL1.canonical().equals(parent)
                        || (CategoryVocabulary.isL1(l2) && prevL1.canonical().equals(l2)));
                if (carriedFits) {
                    l1 = prevL1.canonical();
                } else if (parent != null) {
                    l1 = parent;
                    l1Inferred = true;
                    if (!shifted || !parent.equals(prevL1 == null ? null : prevL1.canonical())) {
                        notes.add("no L1 on the row and the L1 carried from above ("
                                + (prevL1 == null ? "none" : prevL1.canonical()) + ") is not the parent of " + l2
                                + "; took its parent " + parent);
                    }
                }
            }
            if (l1 == null && prevL1 != null) {
                l1 = prevL1.canonical();
            }
            if (l1 != null && l2 != null && l1Label != null && !shifted) {
                String parent = CategoryVocabulary.parentOf(l2);
                if (parent != null && !parent.equals(l1) && !repairedL2) {
                    diagnostics.warn(line, DiagnosticCode.L2_FOREIGN_L1, "二级指标 " + l2 + " belongs under " + parent
                            + " but the row files it under " + l1Label.raw() + "; both kept as written");
                }
            }
            if (l1 == null || l2 == null) {
                diagnostics.warn(line, DiagnosticCode.CATEGORY_MISSING, "no " + (l1 == null ? "一级指标" : "二级指标")
                        + " could be read or carried for indicator " + s.row.name());
            }
            if (!notes.isEmpty()) {
                diagnostics.warn(line, DiagnosticCode.CATEGORY_INFERRED, "indicator " + s.row.name() + ": "
                        + String.join("; ", notes) + " → " + l1 + " / " + l2);
            }

            CategoryRef level1 = l1 == null ? null : new CategoryRef(l1Raw, null, l1, 1, l1Inferred);
            CategoryRef level2 = l2 == null ? null : new CategoryRef(l2Raw, null, l2, 2, l2Inferred);
            TargetValue value = ValueNormalizer.parse(s.row.value(), year);
            diagnostics.checkValue(line, "指标值", value);
            IndicatorRef indicator = new IndicatorRef(null, s.row.name(), TextNormalizer.normalizeName(s.row.name()));
            targets.add(new ParsedTarget(line, targets.size(), indicator, level1, level2, null, value));
            prevL1 = level1;
            prevL2 = level2;
        }
        return List.copyOf(targets);
    }
}
