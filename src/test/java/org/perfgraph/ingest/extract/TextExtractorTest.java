package org.perfgraph.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.perfgraph.ingest.Diagnostic;
import org.perfgraph.ingest.DiagnosticCode;
import org.perfgraph.ingest.Extraction;
import org.perfgraph.ingest.ImportRejectedException;
import org.perfgraph.ingest.Table;
import org.perfgraph.ingest.Table.Delimiting;
import org.perfgraph.ingest.TableCell;
import org.perfgraph.ingest.TableRow;

/** Text copied out of tables, in each shape of LAYOUTS.md, to rows of cells with their lines. */
class TextExtractorTest {

    static String resource(String path) {
        try (InputStream in = TextExtractorTest.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Extraction extract(String text) {
        return Extractors.extract("fixture.txt", text.getBytes(StandardCharsets.UTF_8));
    }

    static Table table(Extraction x) {
        assertThat(x.tables()).hasSize(1);
        return x.tables().get(0);
    }

    /** Each row as its line followed by its cells, so one list states the whole table. */
    static List<List<String>> rows(Extraction x) {
        List<List<String>> out = new ArrayList<>();
        for (TableRow row : table(x).rows()) {
            assertThat(row.place()).isNull();
            List<String> r = new ArrayList<>();
            r.add(String.valueOf(row.line()));
            row.cells().stream().map(TableCell::text).forEach(r::add);
            out.add(r);
        }
        return out;
    }

    static List<String> row(Object... lineAndCells) {
        List<String> r = new ArrayList<>();
        for (Object o : lineAndCells) {
            r.add(String.valueOf(o));
        }
        return r;
    }

    static List<Diagnostic> diagnostics(Extraction x, DiagnosticCode code) {
        return x.diagnostics().stream().filter(d -> d.code() == code).toList();
    }

    private static final List<List<String>> PIPE_ROWS = List.of(
            row(1, "某县文化和旅游局2025年度项目支出绩效目标表"),
            row(2, "单位：元"),
            row(3, "单位名称", "项目名称", "预算数", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重"),
            row(4, "301001-某县文化馆", "送戏下乡经费", "120,000.00", "产出指标", "数量指标", "演出场次", "≥", "12", "场", "20"),
            row(5, "产出指标", "时效指标", "演出完成及时率", "=", "100", "%", "10"),
            row(6, "效益指标", "社会效益指标", "惠及群众人次", "≥", "8000", "人次", "30"),
            row(7, "满意度指标", "服务对象满意度指标", "群众满意度", "≥", "90", "%", ""),
            row(10, "301002-某县图书馆", "图书采购经费", "85,500.00", "产出指标", "质量指标", "图书验收合格率", "=", "100", "%",
                    "20"),
            row(11, "成本指标", "经济成本指标", "单册采购成本", "≤", "35", "元/册", "10"),
            row(12, "制表人：李某某\u3000\u3000联系电话：0000-1234567"));

    @Test
    void squeezed_pipe_rows_lose_their_padding_and_keep_interior_empty_cells() {
        Extraction x = extract(resource("text/pipe-squeezed.txt"));
        assertThat(table(x).delimiting()).isEqualTo(Delimiting.PIPE);
        assertThat(rows(x)).isEqualTo(PIPE_ROWS);
        assertThat(x.truncated()).isFalse();
        assertThat(x.diagnostics()).isEmpty();
        assertThat(x.sourceLines()).hasSize(12).element(4).isEqualTo("| 产出指标 | 时效指标 | 演出完成及时率 | = | 100 | % | 10 |||||");
    }

    @Test
    void a_pipe_table_cut_inside_its_last_row_is_truncated_and_the_cut_row_kept() {
        String text = resource("text/pipe-squeezed.txt");
        String cut = text.substring(0, text.indexOf("单册采购成本") + 3);
        Extraction x = extract(cut);
        assertThat(x.truncated()).isTrue();
        assertThat(rows(x)).hasSize(9).last().isEqualTo(row(11, "成本指标", "经济成本指标", "单册采"));
        assertThat(rows(x).subList(0, 8)).isEqualTo(PIPE_ROWS.subList(0, 8));
        assertThat(diagnostics(x, DiagnosticCode.TRUNCATED)).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(11);
            assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING);
            assertThat(d.message()).contains("line 11");
        });
    }

    @Test
    void one_cell_per_line_is_reassembled_into_rows_with_blank_cells_and_broken_cells_joined() {
        Extraction x = extract(resource("text/cell-per-line.txt"));
        assertThat(table(x).delimiting()).isEqualTo(Delimiting.CELL_PER_LINE);
        assertThat(rows(x)).containsExactly(
                row(1, "2025年度部门项目绩效目标表"),
                row(3, "单位名称", "项目名称", "一级指标", "二级指标", "三级指标", "指标值"),
                row(10, "502003-某镇农业服务中心", "农技培训经费", "产出指标", "数量指标", "培训人次", "≥300人次"),
                row(17, "", "", "产出指标", "质量指标", "培训合格率", "≥95%"),
                row(24, "", "", "效益指标", "社会效益指标", "农户种植技术水平", "有所提升"));
        assertThat(x.truncated()).isFalse();
        assertThat(x.diagnostics()).isEmpty();
        assertThat(x.sourceLines()).hasSize(31);
    }

    @Test
    void one_cell_per_line_cut_before_the_closing_pipes_is_truncated_at_the_rows_first_line() {
        String text = resource("text/cell-per-line.txt");
        Extraction x = extract(text.substring(0, text.indexOf("≥300人次") + 2));
        assertThat(x.truncated()).isTrue();
        assertThat(rows(x)).last().isEqualTo(row(10, "502003-某镇农业服务中心", "农技培训经费", "产出指标", "数量指标", "培训人次", "≥3"));
        assertThat(diagnostics(x, DiagnosticCode.TRUNCATED)).singleElement()
                .satisfies(d -> assertThat(d.line()).isEqualTo(10));

        Extraction closedCell = extract(text.substring(0, text.indexOf("≥300人次 |") + "≥300人次 |\n".length()));
        assertThat(closedCell.truncated()).isTrue();
        assertThat(rows(closedCell)).last().isEqualTo(row(10, "502003-某镇农业服务中心", "农技培训经费", "产出指标", "数量指标", "培训人次",
                "≥300人次"));
    }

    @Test
    void space_separated_rows_split_on_wide_gaps_where_a_line_has_them_and_on_every_space_otherwise() {
        Extraction x = extract(resource("text/space-rows.txt"));
        assertThat(table(x).delimiting()).isEqualTo(Delimiting.SPACE);
        assertThat(rows(x)).containsExactly(
                row(1, "2025年度项目支出绩效目标申报表"),
                row(2, "项目名称", "乡村道路养护", "项目类别", "运转类"),
                row(3, "主管部门", "某县交通运输局", "实施单位", "某县公路养护中心"),
                row(4, "项目资金（万元）", "年度资金总额", "45.6"),
                row(5, "年度绩效目标", "完成全县乡村道路日常养护120公里，路况优良率达到85%以上"),
                row(6, "一级指标", "二级指标", "三级指标", "指标值"),
                row(7, "产出指标", "数量指标", "养护道路里程", "≥120 公里"),
                row(8, "质量指标", "路况优良率", "≥85%"),
                row(9, "时效指标", "养护任务完成时间", "2025年12月底前"),
                row(10, "效益指标", "社会效益指标", "群众出行条件", "有效改善"),
                // a label broken inside its cell stays on its two lines: joining it is the layout's, by vocabulary
                row(11, "满意度指标", "服务对象满意度指标", "沿线群众满意"),
                row(12, "度", "≥90%"));
        assertThat(x.diagnostics()).isEmpty();
    }

    @Test
    void a_whole_table_on_one_line_after_word_properties_is_left_whole_for_the_segmenter() {
        Extraction x = extract(resource("text/whole-line.txt"));
        assertThat(table(x).delimiting()).isEqualTo(Delimiting.NONE);
        assertThat(rows(x)).extracting(r -> r.size()).containsOnly(2);
        assertThat(rows(x)).extracting(r -> r.get(0)).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(rows(x).get(3).get(1)).isEqualTo("{3F2504E0-4F89-11D3-9A0C-0305E82C3301}");
        assertThat(rows(x).get(5).get(1)).startsWith("某县教育局2025年度项目绩效目标表 单位名称").contains("预算数 1,280,000.00")
                .endsWith("学生体育活动条件 明显改善");
    }

    @Test
    void cells_run_together_are_one_cell_per_line() {
        Extraction x = extract(resource("text/joined.txt"));
        assertThat(table(x).delimiting()).isEqualTo(Delimiting.NONE);
        assertThat(rows(x)).containsExactly(
                row(1, "某镇2025年度校舍维修项目绩效目标"),
                row(2, "一级指标二级指标三级指标指标值"),
                row(3, "产出指标数量指标维修校舍面积≥500平方米"),
                row(4, "产出指标质量指标验收合格率=100%"),
                row(5, "效益指标社会效益指标师生满意度≥90%"));
    }

    @Test
    void a_quoted_csv_cell_may_span_lines_and_the_row_keeps_its_first_line() {
        Extraction x = extract(resource("text/csv-multiline.csv"));
        assertThat(table(x).delimiting()).isEqualTo(Delimiting.COMMA);
        assertThat(rows(x)).containsExactly(
                row(1, "某区2025年度项目绩效目标"),
                row(2, "单位名称", "项目名称", "预算数（万元）", "年度绩效目标", "一级指标", "二级指标", "三级指标", "指标值"),
                row(3, "801001-某区市场监督管理局", "食品安全抽检经费", "36.5", "完成食品抽检1200批次，覆盖全区农贸市场\"菜篮子\"", "产出指标",
                        "数量指标", "抽检批次", "≥1200批次"),
                row(5, "", "", "", "", "产出指标", "时效指标", "结果公示及时率", "100%"),
                row(6, "", "", "", "", "满意度指标", "服务对象满意度指标", "商户满意度", "≥90%"));
        assertThat(x.sourceLines()).hasSize(6);
        assertThat(x.truncated()).isFalse();
    }

    @Test
    void a_csv_cut_inside_a_quoted_cell_is_truncated_but_a_quote_left_open_to_a_final_line_break_is_refused() {
        String text = resource("text/csv-multiline.csv");
        Extraction x = extract(text.substring(0, text.indexOf("覆盖全区") + 2));
        assertThat(x.truncated()).isTrue();
        assertThat(rows(x)).last().isEqualTo(row(3, "801001-某区市场监督管理局", "食品安全抽检经费", "36.5", "完成食品抽检1200批次，覆盖"));
        assertThat(diagnostics(x, DiagnosticCode.TRUNCATED)).singleElement()
                .satisfies(d -> assertThat(d.line()).isEqualTo(3));

        String stray = text.replace(",\"≥90%\"", ",\"≥90%");
        assertThatThrownBy(() -> extract(stray)).isInstanceOf(ImportRejectedException.class)
                .hasMessageContaining("fixture.txt, line 6").hasMessageContaining("quoted CSV cell");
    }

    @Test
    void a_csv_header_is_short_column_names_not_a_sentence_with_thousands_separators() {
        assertThat(TextShapes.isCsvHeader("单位名称,项目名称,预算数（万元）,一级指标")).isTrue();
        assertThat(TextShapes.isCsvHeader("某中学 项目名称 校舍维修 预算数 1,280,000.00 年度目标 完成维修 项目名称 操场 预算数 350,000.00"
                + " 一级指标")).isFalse();
    }

    @Test
    void a_title_and_labels_in_another_shape_do_not_decide_the_tables_delimiting() {
        String text = "单位名称 某县文化馆 项目名称 送戏下乡经费\n项目类别 运转类\n" + resource("text/pipe-squeezed.txt");
        Extraction x = extract(text);
        assertThat(table(x).delimiting()).isEqualTo(Delimiting.PIPE);
        assertThat(rows(x).get(0)).isEqualTo(row(1, "单位名称 某县文化馆 项目名称 送戏下乡经费"));
        assertThat(rows(x).get(4)).isEqualTo(row(5, "单位名称", "项目名称", "预算数", "一级指标", "二级指标", "三级指标", "指标性质", "指标值",
                "度量单位", "权重"));
    }

    @Test
    void bidi_and_zero_width_characters_leave_the_cells_and_stay_in_the_source_line() {
        String line = "| 产出指标 | 数量指标 | \u202E演出场次\u202C | ≥ | 1\u200B2 | 场 ||";
        Extraction x = extract("| 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 ||\n" + line + "\n");
        assertThat(rows(x).get(1)).isEqualTo(row(2, "产出指标", "数量指标", "演出场次", "≥", "12", "场"));
        assertThat(x.sourceLines().get(1)).isEqualTo(line);
        assertThat(diagnostics(x, DiagnosticCode.CONTROL_CHARACTER)).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(2);
            assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING);
            assertThat(d.args()).containsExactly("2", "U+202E, U+202C, U+200B");
        });
    }

    @Test
    void line_endings_of_every_kind_give_the_same_rows() {
        String text = resource("text/space-rows.txt");
        List<List<String>> lf = rows(extract(text));
        assertThat(rows(extract(text.replace("\n", "\r\n")))).isEqualTo(lf);
        assertThat(rows(extract(text.replace("\n", "\r")))).isEqualTo(lf);
    }

    @Test
    void the_seeds_stay_tab_separated_with_a_row_per_non_blank_line() {
        for (String seed : List.of("seeds/000_4081c7b18e37fcb4.txt", "seeds/003_97f8f01bbb414fd2.txt")) {
            String text = resource(seed);
            Extraction x = extract(text);
            assertThat(table(x).delimiting()).as(seed).isEqualTo(Delimiting.TAB);
            List<String> lines = List.of(text.split("\n", -1));
            List<TableRow> rows = table(x).rows();
            assertThat(rows).as(seed).hasSize((int) lines.stream().filter(l -> !l.isBlank()).count());
            for (TableRow row : rows) {
                assertThat(row.joined()).isEqualTo(lines.get(row.line() - 1));
            }
            assertThat(x.diagnostics()).isEmpty();
            assertThat(x.truncated()).isFalse();
        }
    }

    @Test
    void a_hundred_thousand_rows_and_a_mebibyte_line_are_read_in_one_pass() {
        StringBuilder big = new StringBuilder("单位名称\t项目名称\t一级指标\t二级指标\t三级指标\t指标值\n");
        for (int i = 0; i < 100_000; i++) {
            big.append("某单位\t项目").append(i).append("\t产出指标\t数量指标\t指标").append(i).append("\t≥").append(i).append('\n');
        }
        Extraction x = extract(big.toString());
        assertThat(x.rowCount()).isEqualTo(100_001);
        assertThat(table(x).rows().get(100_000).cells()).extracting(TableCell::text)
                .containsExactly("某单位", "项目99999", "产出指标", "数量指标", "指标99999", "≥99999");

        StringBuilder wide = new StringBuilder("一级指标 二级指标 三级指标 指标值\n");
        for (int i = 0; i < 100_000; i++) {
            wide.append("产出 ");
        }
        Extraction space = extract(wide.toString());
        assertThat(table(space).delimiting()).isEqualTo(Delimiting.SPACE);
        assertThat(table(space).rows().get(1).width()).isEqualTo(100_000);
    }
}
