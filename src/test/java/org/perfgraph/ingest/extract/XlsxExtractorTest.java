package org.perfgraph.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.perfgraph.ingest.Diagnostic;
import org.perfgraph.ingest.DiagnosticCode;
import org.perfgraph.ingest.Extraction;
import org.perfgraph.ingest.FileKind;
import org.perfgraph.ingest.ImportRejectedException;
import org.perfgraph.ingest.Table;

class XlsxExtractorTest {

    /** The grid of sheet 项目表 as {@link SheetFixtures#render} prints it; shared with the .xls made from it. */
    static final List<String> TARGETS_GRID = List.of(
            "1 | sheet 项目表, row 1 | 2024年度某县文化和旅游局项目支出绩效目标表 | ^2024年度某县文化和旅游局项目支出绩效目标表"
                    + " | ^2024年度某县文化和旅游局项目支出绩效目标表 | ^2024年度某县文化和旅游局项目支出绩效目标表"
                    + " | ^2024年度某县文化和旅游局项目支出绩效目标表 | ^2024年度某县文化和旅游局项目支出绩效目标表"
                    + " | ^2024年度某县文化和旅游局项目支出绩效目标表 | ^2024年度某县文化和旅游局项目支出绩效目标表",
            "2 | sheet 项目表, row 2 | 单位：万元",
            "3 | sheet 项目表, row 3 | 单位名称 | 项目名称 | 预算数 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 权重",
            "4 | sheet 项目表, row 4 | 某县文化和旅游局（合计） |  | 200.50",
            "5 | sheet 项目表, row 5 | 301001-某县文化馆 | 送戏下乡经费 | 120.00 | 产出指标 | 数量指标 | 演出场次 | 12 | 20",
            "6 | sheet 项目表, row 6 | ^301001-某县文化馆 | ^送戏下乡经费 | ^120.00 | ^产出指标 | 时效指标 | 演出完成及时率"
                    + " | 100% | 10",
            "7 | sheet 项目表, row 7 | ^301001-某县文化馆 | ^送戏下乡经费 | ^120.00 | 效益指标 | 满意度指标 | 群众满意度 | 90%",
            "8 | sheet 项目表, row 8 | ^301001-某县文化馆 | 非遗保护经费 | 80.50 | 产出指标 | 时效指标 | 完成时间 | 2024-06-30",
            "9 | sheet 项目表, row 9 | ^301001-某县文化馆 | ^非遗保护经费 | ^80.50 | 成本指标 | 经济成本指标 | 单场演出成本"
                    + " | 8050 | #DIV/0!");

    @Test
    void every_sheet_with_text_is_a_grid_table_with_merged_cells_carried_into_the_slots_they_cover() {
        Extraction x = Extractors.extract("项目表.xlsx", SheetFixtures.targetsWorkbook());

        assertThat(x.fileKind()).isEqualTo(FileKind.XLSX);
        assertThat(x.tables()).extracting(Table::name).containsExactly("sheet 项目表", "sheet 填表说明");
        assertThat(x.tables()).extracting(Table::delimiting).containsOnly(Table.Delimiting.GRID);
        assertThat(SheetFixtures.render(x.tables().get(0))).containsExactlyElementsOf(TARGETS_GRID);
        assertThat(SheetFixtures.render(x.tables().get(1))).containsExactly("10 | sheet 填表说明, row 1 | 金额单位为万元");
    }

    @Test
    void source_lines_are_the_rows_own_cells_joined_by_tabs_in_emission_order() {
        Extraction x = Extractors.extract("项目表.xlsx", SheetFixtures.targetsWorkbook());

        assertThat(x.sourceLines()).hasSize(10);
        assertThat(x.sourceLines().get(1)).isEqualTo("单位：万元");
        assertThat(x.sourceLines().get(3)).isEqualTo("某县文化和旅游局（合计）\t\t200.50");
        assertThat(x.sourceLines().get(5)).isEqualTo("\t\t\t\t时效指标\t演出完成及时率\t100%\t10");
        assertThat(x.sourceLines().get(9)).isEqualTo("金额单位为万元");
        for (Table t : x.tables()) {
            t.rows().forEach(r -> assertThat(x.sourceLines().get(r.line() - 1)).isEqualTo(r.joined()));
        }
    }

    @Test
    void hidden_and_empty_sheets_and_formula_errors_are_noted_with_their_place() {
        Extraction x = Extractors.extract("项目表.xlsx", SheetFixtures.targetsWorkbook());

        assertThat(x.diagnostics()).extracting(Diagnostic::code, Diagnostic::place, Diagnostic::line)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(DiagnosticCode.CELL_UNREADABLE,
                                "sheet 项目表, row 9, column H", 9),
                        org.assertj.core.groups.Tuple.tuple(DiagnosticCode.FILE_NOTE, "sheet 填表说明", 0),
                        org.assertj.core.groups.Tuple.tuple(DiagnosticCode.FILE_NOTE, "sheet Sheet3", 0));
        assertThat(x.diagnostics()).extracting(Diagnostic::message).anyMatch(m -> m.contains("hidden"))
                .anyMatch(m -> m.contains("Sheet3 holds no text"));
    }

    @Test
    void a_workbook_written_by_a_streaming_writer_is_read() throws java.io.IOException {
        // SXSSF (and EasyExcel, built on it) leave the sizes out of the ZIP's local headers
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (org.apache.poi.xssf.streaming.SXSSFWorkbook wb = new org.apache.poi.xssf.streaming.SXSSFWorkbook()) {
            org.apache.poi.ss.usermodel.Row row = wb.createSheet("导出").createRow(0);
            row.createCell(0).setCellValue("三级指标");
            row.createCell(1).setCellValue(12);
            wb.write(bytes);
            wb.dispose();
        }

        Extraction x = Extractors.extract("导出.xlsx", bytes.toByteArray());

        assertThat(SheetFixtures.render(x.tables().get(0))).containsExactly("1 | sheet 导出, row 1 | 三级指标 | 12");
    }

    @Test
    void a_workbook_whose_sheets_are_all_empty_is_refused_naming_them() {
        byte[] empty = XlsxFiles.write(wb -> {
            wb.createSheet("项目表").createRow(5).createCell(2);
            wb.createSheet("Sheet2");
        });

        assertThatThrownBy(() -> Extractors.extract("空表.xlsx", empty))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessage("空表.xlsx: the workbook holds no table: every sheet is empty (项目表, Sheet2)");
    }
}
