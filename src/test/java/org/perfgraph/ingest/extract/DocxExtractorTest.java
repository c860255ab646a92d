package org.perfgraph.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.perfgraph.ingest.DiagnosticCode;
import org.perfgraph.ingest.Extraction;
import org.perfgraph.ingest.FileKind;
import org.perfgraph.ingest.ImportRejectedException;

class DocxExtractorTest {

    @Test
    void label_table_then_indicator_table_with_merged_levels_come_out_in_body_order() {
        Extraction e = Extractors.extract("文化馆.docx", WordFixtures.labelThenIndicators());

        assertThat(e.fileKind()).isEqualTo(FileKind.DOCX);
        assertThat(WordFixtures.render(e)).containsExactly(
                "[text NONE]",
                "1 paragraph 1: 2024年度项目支出绩效目标申报表",
                "2 paragraph 2: 填报单位：某县文化馆 | 单位：万元",
                "[table 1 GRID]",
                "3 table 1, row 1: 项目名称 | 送戏下乡经费 | 主管部门 | 某县文化和旅游局",
                "4 table 1, row 2: 实施单位 | 某县文化馆 | 项目资金 | 12.00",
                "5 table 1, row 3: 年度目标 | 全年完成送戏下乡演出12场，惠及群众1万人次。"
                        + " | ^全年完成送戏下乡演出12场，惠及群众1万人次。 | ^全年完成送戏下乡演出12场，惠及群众1万人次。",
                "[text NONE]",
                "6 paragraph 4: 绩效指标",
                "[table 2 GRID]",
                "7 table 2, row 1: 一级指标 | 二级指标 | 三级指标 | 指标值 | 备注",
                "8 table 2, row 2: 产出指标 | 数量指标 | 演出场次 | ≥12场 | ",
                "9 table 2, row 3: ^产出指标 | ^数量指标 | 惠及群众人次 | ≥10000人次 | ",
                "10 table 2, row 4: ^产出指标 | 时效指标 | 演出完成及时率 | 100% | ",
                "11 table 2, row 5: 效益指标 | 社会效益指标 | 群众文化生活丰富度 | 提升 | ",
                "12 table 2, row 6: ^效益指标 | 可持续影响指标 | 长效管理机制健全性 | 健全 | ",
                "13 table 2, row 7: 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% | 抽样调查",
                "[text NONE]",
                "14 paragraph 5: 填报人：张三 | 联系电话：0571-1234567");
    }

    @Test
    void source_lines_are_the_rows_own_cells_joined_by_tabs() {
        Extraction e = Extractors.extract("文化馆.docx", WordFixtures.labelThenIndicators());

        assertThat(e.sourceLines()).hasSize(14);
        assertThat(e.sourceLines().get(1)).isEqualTo("填报单位：某县文化馆\t单位：万元");
        assertThat(e.sourceLines().get(4)).isEqualTo("年度目标\t全年完成送戏下乡演出12场，惠及群众1万人次。\t\t");
        assertThat(e.sourceLines().get(8)).isEqualTo("\t\t惠及群众人次\t≥10000人次\t");
        e.tables().forEach(t -> t.rows().forEach(r ->
                assertThat(e.sourceLines().get(r.line() - 1)).isEqualTo(r.joined())));
    }

    @Test
    void one_table_form_expands_label_cells_merged_down_and_across() {
        Extraction e = Extractors.extract("道路.docx", WordFixtures.oneTableForm());

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

    @Test
    void a_label_split_over_two_paragraphs_of_its_cell_is_joined_without_a_space() {
        Extraction e = Extractors.extract("校舍.docx", WordFixtures.splitLabels());

        assertThat(WordFixtures.render(e)).containsExactly(
                "[text NONE]",
                "1 paragraph 1: 部门项目绩效目标表",
                "[table 1 GRID]",
                "2 table 1, row 1: 项目名称 | 校舍维修改造工程 | 预算数（万元） | 250.00",
                "3 table 1, row 2: 实施单位 | 某市第一中学 | 联系人 | 王五 13800000000",
                "[table 2 GRID]",
                "4 table 2, row 1: 一级指标 | 二级指标 | 三级指标 | 年度指标值",
                "5 table 2, row 2: 产出指标 | 数量指标 | 维修校舍面积 | ≥500 平方米",
                "6 table 2, row 3: 产出指标 | 时效指标 | 完工时间 | 2024年10月底前完成",
                "7 table 2, row 4: 效益指标 | 社会效益指标 | Wi-Fi 覆盖率 | ≥30.00 (%)");
        assertThat(e.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(DiagnosticCode.FILE_NOTE);
            assertThat(d.place()).isEqualTo("table 1, row 2");
            assertThat(d.line()).isEqualTo(3);
        });
    }

    @Test
    void a_damaged_docx_is_refused_with_poi_s_reason() {
        byte[] zip = zip("word/document.xml", "<w:document><w:body><w:p>".getBytes());

        assertThatThrownBy(() -> Extractors.extract("坏.docx", zip))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessageStartingWith("坏.docx: the docx cannot be opened: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void a_zip_bomb_docx_is_refused_before_it_is_inflated() {
        byte[] bomb = zip("word/document.xml", new byte[64 << 20]);

        assertThatThrownBy(() -> Extractors.extract("炸弹.docx", bomb))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessage("炸弹.docx: the docx expands far beyond its size (a zip bomb?); refused before inflating it");
    }

    private static byte[] zip(String entry, byte[] content) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("[Content_Types].xml"));
            z.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-"
                    + "officedocument.wordprocessingml.document.main+xml\"/></Types>").getBytes());
            z.putNextEntry(new ZipEntry(entry));
            z.write(content);
            z.finish();
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
