package org.perfgraph.ingest.extract;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.perfgraph.ingest.DiagnosticCode;
import org.perfgraph.ingest.Extraction;
import org.perfgraph.ingest.FileKind;
import org.perfgraph.ingest.ImportRejectedException;

/**
 * An Excel 97-2003 workbook through POI's {@link HSSFWorkbook}: the format caps a sheet at 65,536 rows, so reading it
 * whole is bounded. The same table shape as {@link XlsxExtractor}: a table "sheet NAME" per sheet holding text,
 * merged regions from the sheet, formula cells by their cached value (nothing is recalculated).
 */
final class XlsExtractor {

    private XlsExtractor() {
    }

    static Extraction extract(String name, byte[] content) {
        HSSFWorkbook workbook;
        try {
            workbook = new HSSFWorkbook(new POIFSFileSystem(new ByteArrayInputStream(content)));
        } catch (EncryptedDocumentException e) {
            throw new ImportRejectedException(name, 0, "the workbook is encrypted (password-protected); save it"
                    + " without a password and import it again");
        } catch (Exception e) {
            throw XlsxExtractor.refusal(name, null, e);
        }
        try (workbook) {
            ExtractionBuilder out = new ExtractionBuilder(name);
            CellFormat format = new CellFormat(workbook.getInternalWorkbook().isUsing1904DateWindowing());
            List<String> empty = new ArrayList<>();
            for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                Sheet sheet = workbook.getSheetAt(s);
                String sheetName = sheet.getSheetName();
                SheetGrid grid = new SheetGrid(name, sheetName);
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        grid.cell(cell.getRowIndex(), cell.getColumnIndex(), text(cell, format, grid));
                    }
                }
                for (CellRangeAddress m : sheet.getMergedRegions()) {
                    grid.merge(m.getFirstRow(), m.getLastRow(), m.getFirstColumn(), m.getLastColumn());
                }
                grid.finish(out, workbook.isSheetHidden(s) || workbook.isSheetVeryHidden(s), empty);
            }
            if (out.isEmpty()) {
                throw SheetGrid.noTable(name, empty);
            }
            return out.build(FileKind.XLS);
        } catch (ImportRejectedException e) {
            throw e;
        } catch (Exception e) {
            throw XlsxExtractor.refusal(name, null, e);
        }
    }

    /** What the cell shows; a formula by its cached result. */
    private static String text(Cell cell, CellFormat format, SheetGrid grid) {
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            type = cell.getCachedFormulaResultType();
        }
        return switch (type) {
            case STRING -> cell.getRichStringCellValue().getString();
            case NUMERIC -> {
                CellStyle style = cell.getCellStyle();
                yield format.formatRawCellContents(cell.getNumericCellValue(), style.getDataFormat(),
                        style.getDataFormatString());
            }
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case ERROR -> {
                String error = FormulaError.forInt(cell.getErrorCellValue()).getString();
                grid.warn(cell.getRowIndex(), cell.getColumnIndex(), DiagnosticCode.CELL_UNREADABLE,
                        "the cell holds the formula error " + error + "; kept as written", error);
                yield error;
            }
            default -> "";
        };
    }
}
