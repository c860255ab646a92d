package org.perfgraph.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.perfgraph.ingest.Diagnostic;
import org.perfgraph.ingest.DiagnosticCode;
import org.perfgraph.ingest.Extraction;
import org.perfgraph.ingest.FileKind;
import org.perfgraph.ingest.ImportRejectedException;
import org.perfgraph.ingest.Table;

class HtmlExtractorTest {

    @Test
    void a_gbk_portal_page_gives_its_label_value_lines_and_its_innermost_table_with_spans_spread() throws IOException {
        Extraction x = Extractors.extract("portal-gbk.html", XlsExtractorTest.resource("files/portal-gbk.html"));

        assertThat(x.fileKind()).isEqualTo(FileKind.HTML);
        assertThat(x.tables()).extracting(Table::name).containsExactly("page", "table 1");
        assertThat(x.tables()).extracting(Table::delimiting).containsOnly(Table.Delimiting.GRID);
        assertThat(SheetFixtures.render(x.tables().get(0))).containsExactly(
                "1 | page text, row 1 | 某县文化馆2024年项目支出绩效目标表",
                "2 | page text, row 2 | 项目名称：送戏下乡经费 | 主管部门：某县文化和旅游局",
                "3 | page text, row 3 | 单位：万元");
        assertThat(SheetFixtures.render(x.tables().get(1))).containsExactly(
                "4 | table 1, row 1 | 项目名称 | ^项目名称 | 送戏下乡经费 | ^送戏下乡经费 | ^送戏下乡经费 | ^送戏下乡经费",
                "5 | table 1, row 2 | 预算金额（万元） | ^预算金额（万元） | 12.00 | ^12.00 | 其中：财政拨款 | 12.00",
                "6 | table 1, row 3 | 一级指标 | 二级指标 | 三级指标 | 指标值 | ^指标值 | 备注",
                "7 | table 1, row 4 | ^一级指标 | ^二级指标 | ^三级指标 | 实施期 | 年度 | ^备注",
                "8 | table 1, row 5 | 产出指标 | 数量指标 | 演出场次 | ≥36场 | ≥12场",
                "9 | table 1, row 6 | ^产出指标 | ^数量指标 | 受益群众人次 | ≥3万人次 | ≥1万人次",
                "10 | table 1, row 7 | ^产出指标 | 时效指标 | 演出完成及时率 | 100% | ^100%",
                "11 | table 1, row 8 | 效益指标 | 满意度指标 | 群众满意度 | ≥90% | ≥90%");
        assertThat(x.sourceLines()).hasSize(11);
        assertThat(x.sourceLines().get(1)).isEqualTo("项目名称：送戏下乡经费\t主管部门：某县文化和旅游局");
        assertThat(x.sourceLines().get(6)).isEqualTo("\t\t\t实施期\t年度\t");
        assertThat(x.diagnostics()).isEmpty();
    }

    @Test
    void menus_breadcrumbs_and_publication_boxes_are_not_tables_and_the_title_heading_alone_heads_the_page_table()
            throws IOException {
        Extraction x = Extractors.extract("two.html", XlsExtractorTest.resource("files/portal-two-tables.html"));

        assertThat(x.tables()).extracting(Table::name).containsExactly("page", "table 1", "table 2");
        // no label–value text before the tables: the heading alone, for the layout to read unit and year from
        assertThat(SheetFixtures.render(x.tables().get(0))).containsExactly(
                "1 | page text, row 1 | 某县教育局2024年项目支出绩效目标");
        assertThat(SheetFixtures.render(x.tables().get(1))).containsExactly(
                "2 | table 1, row 1 | 项目名称 | 校舍维修改造 | 项目类别 | 运转类",
                "3 | table 1, row 2 | 实施单位 | 某县教育局 | ^某县教育局 | ^某县教育局",
                "4 | table 1, row 3 | 年度目标 | 完成5所学校校舍维修，改善办学条件。 | ^完成5所学校校舍维修，改善办学条件。"
                        + " | ^完成5所学校校舍维修，改善办学条件。");
        // rowspan="9" is cut at the table's end; rowspan="0" reaches it
        assertThat(SheetFixtures.render(x.tables().get(2))).containsExactly(
                "5 | table 2, row 1 | 一级指标 | 二级指标 | 三级指标 | 指标值",
                "6 | table 2, row 2 | 产出指标 | 数量指标 | 维修校舍面积 | ≥500平方米",
                "7 | table 2, row 3 | ^产出指标 | 质量指标 | 验收合格率 | 100%",
                "8 | table 2, row 4 | 效益指标 | 社会效益指标 | 受益学生人数 | ≥2000人",
                "9 | table 2, row 5 | ^效益指标 | 满意度指标 | 师生满意度 | ≥95%");
    }

    @Test
    void a_page_with_no_table_is_refused_naming_the_document() throws IOException {
        byte[] page = XlsExtractorTest.resource("files/article-no-table.html");

        assertThatThrownBy(() -> Extractors.extract("通知.html", page))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessage("通知.html: the page holds no table (no <table> with content besides page furniture);"
                        + " if the targets are in a linked file, import that file");
    }

    @Test
    void a_page_without_a_declared_charset_that_is_not_utf8_is_read_as_gb18030_with_a_note() {
        String html = "<html><body><table><tr><td>一级指标</td><td>三级指标</td></tr>"
                + "<tr><td>产出指标</td><td>培训人次</td></tr></table></body></html>";

        Extraction x = Extractors.extract("无声明.html", html.getBytes(Charset.forName("GB18030")));

        assertThat(SheetFixtures.render(x.tables().get(0))).containsExactly(
                "1 | table 1, row 1 | 一级指标 | 三级指标", "2 | table 1, row 2 | 产出指标 | 培训人次");
        assertThat(x.diagnostics()).extracting(Diagnostic::code).containsExactly(DiagnosticCode.ENCODING);
    }

    @Test
    void a_data_table_nested_in_a_layout_cell_is_read_and_overlapping_spans_keep_the_first_cell() {
        String html = "<html><body><table><tr><td>左栏</td><td>"
                + "<table><tr><td rowspan=\"2\">产出指标</td><td colspan=\"2\">数量指标</td></tr>"
                + "<tr><td colspan=\"3\">冲突</td></tr></table>"
                + "</td></tr></table></body></html>";

        Extraction x = Extractors.extract("嵌套.html", html.getBytes(StandardCharsets.UTF_8));

        assertThat(x.tables()).hasSize(1);
        assertThat(SheetFixtures.render(x.tables().get(0))).containsExactly(
                "1 | table 1, row 1 | 产出指标 | 数量指标 | ^数量指标",
                "2 | table 1, row 2 | ^产出指标 | 冲突 | ^冲突 | ^冲突");
    }

    @Test
    void a_publication_box_naming_the_title_is_furniture_and_its_title_heads_the_page_table() {
        String html = "<html><body><table class=\"xxgk\"><tr><td>索引号：</td><td>000014349/2025-00112</td></tr>"
                + "<tr><td>名称：</td><td>某县林业局2025年度项目支出绩效目标</td><td>主题词：</td><td>绩效目标</td></tr>"
                + "</table><h1>某县林业局2025年度项目支出绩效目标</h1><p>现将项目支出绩效目标公开如下：</p>"
                + "<p>单位：元</p><table><tr><td>项目名称</td><td>三级指标</td><td>指标值</td></tr>"
                + "<tr><td>森林防火</td><td>巡护里程</td><td>≥5000公里</td></tr></table></body></html>";

        Extraction x = Extractors.extract("林业.html", html.getBytes(StandardCharsets.UTF_8));

        assertThat(x.tables()).extracting(Table::name).containsExactly("page", "table 1");
        assertThat(SheetFixtures.render(x.tables().get(0))).containsExactly(
                "1 | page text, row 1 | 某县林业局2025年度项目支出绩效目标", "2 | page text, row 2 | 单位：元");
        assertThat(SheetFixtures.render(x.tables().get(1))).containsExactly(
                "3 | table 1, row 1 | 项目名称 | 三级指标 | 指标值", "4 | table 1, row 2 | 森林防火 | 巡护里程 | ≥5000公里");
    }

    @Test
    void the_page_title_naming_the_document_kind_heads_the_page_table_when_nothing_before_the_table_names_it() {
        String html = "<html><head><title>某县水利局2025年度项目支出绩效自评表_某县人民政府门户网站</title></head><body>"
                + "<div>首页 &gt; 政务公开 &gt; 财政预决算</div>"
                + "<table><tr><td>项目名称</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td></tr>"
                + "<tr><td>小型水库维修</td><td>维修水库座数</td><td>≥6座</td><td>6座</td></tr></table></body></html>";

        Extraction x = Extractors.extract("自评.html", html.getBytes(StandardCharsets.UTF_8));

        assertThat(x.tables()).extracting(Table::name).containsExactly("page", "table 1");
        assertThat(SheetFixtures.render(x.tables().get(0))).containsExactly(
                "1 | page title | 某县水利局2025年度项目支出绩效自评表");
    }
}
