package org.perfgraph.ingest.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.perfgraph.ingest.Table;
import org.perfgraph.ingest.TableCell;
import org.perfgraph.ingest.TableRow;

/**
 * Spreadsheets in the shape budget units publish (a title row, 单位：万元, a header row, a department total before the
 * first project, unit/project/amount cells merged down over their indicator rows), written with POI; and a way to
 * print an extracted table so that a test can assert the whole grid at once.
 */
final class SheetFixtures {

    private SheetFixtures() {
    }

    /**
     * Sheet 项目表 (title, unit row, header, total, two projects over five indicator rows, a styled empty row, a
     * formula error), hidden sheet 填表说明, empty sheet Sheet3.
     */
    static byte[] targetsWorkbook() {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            fillTargets(wb);
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void fillTargets(Workbook wb) {
        DataFormat df = wb.createDataFormat();
        CellStyle money = wb.createCellStyle();
        money.setDataFormat(df.getFormat("#,##0.00"));
        CellStyle percent = wb.createCellStyle();
        percent.setDataFormat(df.getFormat("0%"));
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(df.getFormat("yyyy/m/d"));
        CellStyle filled = wb.createCellStyle();
        filled.setFillPattern(org.apache.poi.ss.usermodel.FillPatternType.SOLID_FOREGROUND);

        Sheet s = wb.createSheet("项目表");
        text(s, 0, 0, "2024年度某县文化和旅游局项目支出绩效目标表");
        s.addMergedRegion(new CellRangeAddress(0, 0, 0, 7));
        text(s, 1, 0, "单位：万元");
        String[] header = {"单位名称", "项目名称", "预算数", "一级指标", "二级指标", "三级指标", "指标值", "权重"};
        for (int c = 0; c < header.length; c++) {
            text(s, 2, c, header[c]);
        }
        text(s, 3, 0, "某县文化和旅游局（合计）");
        number(s, 3, 2, 200.5, money);
        // project 1: unit merged over rows 5-9, project and amount over rows 5-7, 产出指标 over rows 5-6
        text(s, 4, 0, "301001-某县文化馆");
        s.addMergedRegion(new CellRangeAddress(4, 8, 0, 0));
        text(s, 4, 1, "送戏下乡\n经费");
        s.addMergedRegion(new CellRangeAddress(4, 6, 1, 1));
        number(s, 4, 2, 120, money);
        s.addMergedRegion(new CellRangeAddress(4, 6, 2, 2));
        text(s, 4, 3, "产出指标");
        s.addMergedRegion(new CellRangeAddress(4, 5, 3, 3));
        text(s, 4, 4, "数量指标");
        text(s, 4, 5, "演出场次");
        number(s, 4, 6, 12, null);
        number(s, 4, 7, 20, null);
        text(s, 5, 4, "时效指标");
        text(s, 5, 5, "演出完成及时率");
        number(s, 5, 6, 1, percent);
        number(s, 5, 7, 10, null);
        text(s, 6, 3, "效益指标");
        text(s, 6, 4, "满意度指标");
        text(s, 6, 5, "群众满意度");
        number(s, 6, 6, 0.9, percent);
        // project 2: amount 80.5, a date value and a formula with its cached value; a formula error as weight
        text(s, 7, 1, "非遗保护经费");
        s.addMergedRegion(new CellRangeAddress(7, 8, 1, 1));
        number(s, 7, 2, 80.5, money);
        s.addMergedRegion(new CellRangeAddress(7, 8, 2, 2));
        text(s, 7, 3, "产出指标");
        text(s, 7, 4, "时效指标");
        text(s, 7, 5, "完成时间");
        Cell d = s.getRow(7).createCell(6);
        d.setCellValue(LocalDate.of(2024, 6, 30));
        d.setCellStyle(date);
        text(s, 8, 3, "成本指标");
        text(s, 8, 4, "经济成本指标");
        text(s, 8, 5, "单场演出成本");
        Cell f = row(s, 8).createCell(6);
        f.setCellFormula("C8*100");
        Cell e = row(s, 8).createCell(7);
        e.setCellFormula("1/0");
        // a styled empty row and styled empty cells after the table: nothing to read
        Row styled = row(s, 10);
        styled.setRowStyle(filled);
        for (int c = 0; c < 12; c++) {
            styled.createCell(c).setCellStyle(filled);
        }
        row(s, 12).createCell(3).setCellValue("  ");

        Sheet notes = wb.createSheet("填表说明");
        text(notes, 0, 0, "金额单位为万元");
        wb.setSheetHidden(1, true);
        wb.createSheet("Sheet3");
    }

    static Row row(Sheet s, int r) {
        Row row = s.getRow(r);
        return row == null ? s.createRow(r) : row;
    }

    static void text(Sheet s, int r, int c, String text) {
        row(s, r).createCell(c).setCellValue(text);
    }

    static void number(Sheet s, int r, int c, double value, CellStyle style) {
        Cell cell = row(s, r).createCell(c);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /**
     * A table as text, one row per line: "line | place | cell | cell …", a covered slot as ^text, an empty one as
     * nothing between the bars.
     */
    static List<String> render(Table table) {
        return table.rows().stream().map(SheetFixtures::render).collect(Collectors.toList());
    }

    static String render(TableRow row) {
        StringBuilder s = new StringBuilder().append(row.line()).append(" | ").append(row.place());
        for (TableCell c : row.cells()) {
            s.append(" | ").append(c.covered() ? "^" : "").append(c.text());
        }
        return s.toString();
    }

    /** Writes the fixture workbook (to convert it into the committed .xls with LibreOffice once). */
    public static void main(String[] args) throws IOException {
        Files.write(Path.of(args[0]), targetsWorkbook());
    }
}
