package org.perfgraph.ingest;

import static org.perfgraph.ingest.HeaderColumns.cell;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.perfgraph.ingest.HeaderVocabulary.Field;

/**
 * The projects of a header table and their budget units: a new project or unit cell, or the label block above the
 * table, opens a project; one seen again merges into the first ({@code PROJECT_BLOCK_MERGED}); targets before any
 * project name go to one named after the title ({@code PROJECT_FROM_CONTEXT}); a whole unit's table is one project
 * named after the unit. Amounts are read into yuan ({@code MONEY_UNIT}); a unit nothing names is named after the
 * document ({@code UNIT_FROM_DOCUMENT_NAME}).
 */
final class ProjectBlocks {

    private static final Pattern MONEY_CELL = Pattern.compile("^\\s*([0-9][0-9,，]*(?:\\.[0-9]+)?)\\s*(万元|万|元|千元|亿元)?\\s*$");
    private static final Pattern UNIT_CODE = Pattern.compile("^\\s*[\\[【(]?(\\d{3,})[\\]】)]?\\s*[-－—_ ]?\\s*(\\D.*?)\\s*$");

    private final Layout.LayoutInput input;
    private final Diagnostics diagnostics;
    private final DocumentHeading heading;
    private final CarriedCells carry;
    private final Map<String, Project> projects = new LinkedHashMap<>();
    /** The label block whose unit, project, amount and goals a project takes where its row has none. */
    private final LabelValuePairs.Block labels;
    private Project current;
    /** Whether a unit was named after the document, said once. */
    private boolean unitFromName;

    ProjectBlocks(Layout.LayoutInput input, Diagnostics diagnostics, DocumentHeading heading, CarriedCells carry,
                  LabelValuePairs.Block labels) {
        this.input = input;
        this.diagnostics = diagnostics;
        this.heading = heading;
        this.carry = carry;
        this.labels = labels;
    }

    /** Whether the project last read has targets. */
    boolean currentHasTargets() {
        return current != null && !current.targets.isEmpty();
    }

    /** Whether no project has a target. */
    boolean noTargets() {
        return projects.values().stream().allMatch(p -> p.targets.isEmpty());
    }

    /**
     * The project of a row: the unit, project, amount and goal cells first, carried down, then the label block's; null
     * where neither names a project (and the row continues the project before it, if any).
     */
    Project of(TableRow row, String[] cells, HeaderColumns h) {
        String unitOwn = cell(cells, h.col(Field.UNIT));
        String projectOwn = cell(cells, h.col(Field.PROJECT));
        boolean newGroup = (!projectOwn.isEmpty() && !projectOwn.equals(carry.get(Field.PROJECT)))
                || (!unitOwn.isEmpty() && !unitOwn.equals(carry.get(Field.UNIT)));
        String unitCell = carry.cell(Field.UNIT, cells, h.col(Field.UNIT));
        String projectCell = carry.cell(Field.PROJECT, cells, h.col(Field.PROJECT));
        if (newGroup) {
            carry.newProject();
        }
        String amountCell = carry.cell(Field.AMOUNT, cells, h.col(Field.AMOUNT));
        String unitName = !unitCell.isEmpty() ? unitCell : labels.unit;
        String name = !projectCell.isEmpty() ? projectCell : labels.project;
        if (name == null && heading.kind() == DocumentKind.UNIT_WIDE && unitName != null) {
            name = unitPart(unitName);
        }
        if (name == null) {
            return current;
        }
        String amountText = !amountCell.isEmpty() ? amountCell : (projectCell.isEmpty() ? labels.amountText : null);
        String labelUnit = !amountCell.isEmpty() ? h.amountMoneyUnit : labels.amountUnit;
        String key = (unitName == null ? "" : unitName) + '\u0000' + name + '\u0000'
                + (amountText == null ? "" : amountText);
        Project b = projects.get(key);
        if (b == null) {
            b = new Project(unit(unitName), name, row.line());
            b.department = labels.department;
            b.nature = labels.nature;
            b.category = labels.category;
            money(b, row, amountText, labelUnit, false);
            if (projectCell.isEmpty() && labels.totalText != null) {
                money(b, row, labels.totalText, labels.totalUnit, true);
                if (heading.kind() == DocumentKind.UNIT_WIDE && labels.amountRank >= 0) {
                    b.amount = b.totalAmount; // a whole unit's 资金总额 is its budget
                }
            }
            if (projectCell.isEmpty()) {
                b.goals.addAll(labels.goals);
            }
            projects.put(key, b);
        } else if (b != current && newGroup) {
            diagnostics.info(row, DiagnosticCode.PROJECT_BLOCK_MERGED, "project " + name + " on line " + row.line()
                    + " repeats the one on line " + b.line + "; merged", name, String.valueOf(b.line));
        }
        for (int c : h.goals) {
            boolean covered = c < row.width() && row.cells().get(c).covered();
            String g = covered ? "" : cell(cells, c);
            if (!g.isEmpty() && b.goals.stream().noneMatch(x -> x.raw().equals(g))) {
                b.goals.add(new GoalStatement(LabelValuePairs.goalKind(h.labels[c]), g, TextNormalizer.normalize(g),
                        row.line()));
            }
        }
        current = b;
        return b;
    }

    /** Targets before any project name: one project named after the title (or the unit, or the document). */
    Project fallback(TableRow row) {
        String title = heading.title();
        String name = title != null ? title : labels.unit != null ? unitPart(labels.unit) : input.name();
        String key = "\u0001" + name;
        Project b = projects.get(key);
        if (b == null) {
            b = new Project(unit(labels.unit), name, row.line());
            money(b, row, labels.amountText, labels.amountUnit, false);
            b.goals.addAll(labels.goals);
            projects.put(key, b);
            if (heading.kind() != DocumentKind.UNIT_WIDE) {
                diagnostics.info(row, DiagnosticCode.PROJECT_FROM_CONTEXT, "the document names no project; its "
                        + "targets are read as one project named " + name, name);
            }
        }
        current = b;
        return b;
    }

    /** The projects read, in order, those without targets left out. */
    List<ParsedProject> parsed(Integer year) {
        List<ParsedProject> parsed = new ArrayList<>();
        for (Project b : projects.values()) {
            if (b.targets.isEmpty()) {
                continue;
            }
            // a table whose only money column is 项目资金总额 gives that as the project's amount
            BigDecimal amount = b.amount != null ? b.amount : b.totalAmount;
            parsed.add(new ParsedProject(b.unit, b.name, year, amount, b.totalAmount, b.nature, b.category,
                    b.department, null, null, b.line, 1, List.copyOf(b.goals), List.copyOf(b.targets),
                    b.moneyUnit));
        }
        return parsed;
    }

    /** An amount in yuan from a money cell, its label's unit or the document's 单位：万元 note. */
    private void money(Project b, TableRow row, String text, String labelUnit, boolean total) {
        if (text == null || text.isBlank()) {
            return;
        }
        Matcher m = MONEY_CELL.matcher(TextNormalizer.normalize(text));
        if (!m.matches()) {
            diagnostics.warn(row, DiagnosticCode.AMOUNT_UNREADABLE, "amount '" + text.trim() + "' of project "
                    + b.name + " is not a number; left empty", text.trim());
            return;
        }
        BigDecimal n = Amounts.parse(m.group(1).replace('，', ','));
        if (n == null) {
            return;
        }
        String unit = m.group(2) != null ? m.group(2) : labelUnit != null ? labelUnit : heading.moneyUnit();
        BigDecimal yuan = switch (unit == null ? "元" : unit) {
            case "万元", "万" -> n.movePointRight(4);
            case "千元" -> n.movePointRight(3);
            case "亿元" -> n.movePointRight(8);
            default -> n;
        };
        if (unit != null && !unit.equals("元")) {
            diagnostics.info(row, DiagnosticCode.MONEY_UNIT, "amount " + text.trim() + " of project " + b.name
                    + " is in " + unit + "; stored as " + yuan.toPlainString() + " yuan", unit, yuan.toPlainString());
        }
        if (unit != null) {
            b.moneyUnit = unit;
        }
        if (total) {
            b.totalAmount = yuan;
        } else {
            b.amount = yuan;
        }
    }

    /** The unit of a unit cell or label (its code split off), else the import's, the title's issuer or the document. */
    private ParsedUnit unit(String cell) {
        String name = cell;
        String code = null;
        if (cell != null) {
            Matcher m = UNIT_CODE.matcher(cell);
            if (m.matches()) {
                code = m.group(1);
                name = m.group(2);
            }
            name = name.trim();
        }
        String given = input.options().unit();
        if (given != null && !given.isBlank()) {
            if (name == null) {
                name = given;
            } else if (!TextNormalizer.normalizeName(given).equals(TextNormalizer.normalizeName(name))) {
                heading.context("unit", name, given);
                if (input.options().override()) {
                    name = given;
                }
            }
        }
        if (name == null) {
            name = TitleLine.issuer(heading.title());
        }
        if (name == null) {
            name = input.name();
            if (!unitFromName) {
                unitFromName = true;
                diagnostics.info(1, DiagnosticCode.UNIT_FROM_DOCUMENT_NAME, "nothing in the document names its"
                        + " budget unit (no unit column or label, a title that names no one); the unit is named"
                        + " after the document: " + name, name);
            }
        }
        return new ParsedUnit(code, name, heading.region(name));
    }

    private static String unitPart(String unitCell) {
        Matcher m = UNIT_CODE.matcher(unitCell);
        return m.matches() ? m.group(2).trim() : unitCell.trim();
    }

    /** A project being assembled from its rows. */
    static final class Project {
        final ParsedUnit unit;
        final String name;
        final int line;
        BigDecimal amount;
        BigDecimal totalAmount;
        String moneyUnit;
        String department;
        String nature;
        String category;
        final List<GoalStatement> goals = new ArrayList<>();
        final List<ParsedTarget> targets = new ArrayList<>();
        final Map<String, ParsedTarget> byIndicator = new LinkedHashMap<>();

        Project(ParsedUnit unit, String name, int line) {
            this.unit = unit;
            this.name = name;
            this.line = line;
        }
    }
}
