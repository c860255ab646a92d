package org.perfgraph.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.perfgraph.ingest.Extraction;
import org.perfgraph.ingest.FileKind;
import org.perfgraph.ingest.ImportRejectedException;

/** The .doc files were made once with LibreOffice from {@link WordFixtures} (see there). */
class DocExtractorTest {

    @Test
    void doc_copy_of_the_label_and_indicator_tables_reads_like_the_docx() {
        Extraction doc = Extractors.extract("文化馆.doc", WordFixtures.resource("label-then-indicators.doc"));
        Extraction docx = Extractors.extract("文化馆.docx", WordFixtures.labelThenIndicators());

        assertThat(doc.fileKind()).isEqualTo(FileKind.DOC);
        assertThat(WordFixtures.render(doc)).isEqualTo(WordFixtures.render(docx));
        assertThat(doc.sourceLines()).isEqualTo(docx.sourceLines());
    }

    @Test
    void doc_form_keeps_cells_merged_down_and_across_as_covered_slots() {
        Extraction e = Extractors.extract("道路.doc", WordFixtures.resource("one-table-form.doc"));

        assertThat(WordFixtures.render(e)).containsExactly(
                "[text NONE]",
                "1 paragraph 1: 乡村道路养护项目绩效目标表",
                "2 paragraph 2: 单位：万元",
                "[table 1 GRID]",
                "3 table 1, row 1: 项目名称 | 乡村道路养护 | ^乡村道路养护 | ^乡村道路养护 | 项目类别 | 运转类",
                "4 table 1, row 2: 项目资金 | 年度资金总额 | 80.00 | ^80.00 | 其中：财政拨款 | 80.00",
                "5 table 1, row 3: ^项目资金 | 其他资金 | 0.00 | ^0.00 | 上年结转 | 0.00",
                "6 table 1, row 4: 年度绩效目标 | 完成农村公路养护120公里，路面完好率不低于95%。"
                        + " | ^完成农村公路养护120公里，路面完好率不低于95%。 | ^完成农村公路养护120公里，路面完好率不低于95%。"
                        + " | ^完成农村公路养护120公里，路面完好率不低于95%。 | ^完成农村公路养护120公里，路面完好率不低于95%。",
                "7 table 1, row 5: 绩效指标 | 一级指标 | 二级指标 | 三级指标 | ^三级指标 | 指标值",
                "8 table 1, row 6: ^绩效指标 | 产出指标 | 数量指标 | 养护里程 | ^养护里程 | ≥120公里",
                "9 table 1, row 7: ^绩效指标 | ^产出指标 | 质量指标 | 路面完好率 | ^路面完好率 | ≥95%",
                "10 table 1, row 8: ^绩效指标 | 效益指标 | 社会效益指标 | 群众出行便利度 | ^群众出行便利度 | 提升");
    }

    /**
     * Word's binary format cannot hold two tables without a paragraph between them: they become one table, whose
     * column grid is the union of both tables' cell edges, so each old cell spans two or three new columns.
     */
    @Test
    void doc_with_labels_split_in_their_cells_joins_them_and_rebuilds_one_grid_from_cell_edges() {
        Extraction e = Extractors.extract("校舍.doc", WordFixtures.resource("split-labels.doc"));

        assertThat(WordFixtures.render(e)).containsExactly(
                "[text NONE]",
                "1 paragraph 1: 部门项目绩效目标表",
                "[table 1 GRID]",
                "2 table 1, row 1: 项目名称 | 校舍维修改造工程 | ^校舍维修改造工程 | ^校舍维修改造工程 | 预算数（万元） | 250.00 | ^250.00",
                "3 table 1, row 2: 实施单位 | 某市第一中学 | ^某市第一中学 | ^某市第一中学 | 联系人 | 王五 13800000000 | ^王五 13800000000",
                "4 table 1, row 3: 一级指标 | ^一级指标 | 二级指标 | 三级指标 | ^三级指标 | ^三级指标 | 年度指标值",
                "5 table 1, row 4: 产出指标 | ^产出指标 | 数量指标 | 维修校舍面积 | ^维修校舍面积 | ^维修校舍面积 | ≥500 平方米",
                "6 table 1, row 5: 产出指标 | ^产出指标 | 时效指标 | 完工时间 | ^完工时间 | ^完工时间 | 2024年10月底前完成",
                "7 table 1, row 6: 效益指标 | ^效益指标 | 社会效益指标 | Wi-Fi 覆盖率 | ^Wi-Fi 覆盖率 | ^Wi-Fi 覆盖率 | ≥30.00 (%)");
    }

    @Test
    void cell_marks_and_field_instructions_are_stripped_from_doc_text() {
        assertThat(DocExtractor.plain("\u0013 PAGE \u00142\u0015项目\r名称\u0007")).isEqualTo("2项目\n名称\n");
        assertThat(WordText.joinLines(CellLines.split(DocExtractor.plain("项目\r名称\u0007")))).isEqualTo("项目名称");
    }

    @Test
    void a_doc_with_damaged_sectors_is_refused_with_poi_s_reason_in_one_line() {
        byte[] damaged = WordFixtures.resource("one-table-form.doc");
        Arrays.fill(damaged, 512, 4096, (byte) 0); // the first sectors after the header: FAT and directory

        assertThatThrownBy(() -> Extractors.extract("坏.doc", damaged))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessageStartingWith("坏.doc: the doc cannot be opened: ")
                .hasMessageNotContaining("\n");
    }
}
