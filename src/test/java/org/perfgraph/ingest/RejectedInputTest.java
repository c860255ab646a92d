package org.perfgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RejectedInputTest {

    private final DocumentReader reader = new DocumentReader();

    private static String zhuhai() {
        return new String(Seeds.bytes(Seeds.ZHUHAI), StandardCharsets.UTF_8);
    }

    private static String minhang() {
        return new String(Seeds.bytes(Seeds.MINHANG), StandardCharsets.UTF_8);
    }

    private ImportRejectedException rejected(String name, byte[] content) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> reader.read(name, content));
        assertThat(t).isInstanceOf(ImportRejectedException.class);
        ImportRejectedException e = (ImportRejectedException) t;
        assertThat(e.document()).isEqualTo(name);
        assertThat(e.getMessage()).startsWith(name + ", line " + e.line() + ": ");
        return e;
    }

    private static String withLine(String text, int line, String replacement) {
        String[] lines = text.split("\n", -1);
        lines[line - 1] = replacement;
        return String.join("\n", lines);
    }

    @Test
    void empty_document_is_rejected() {
        ImportRejectedException e = rejected("empty.txt", new byte[0]);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.getMessage()).contains("empty");
        assertThat(rejected("blank.txt", "\n \n\t\n".getBytes(StandardCharsets.UTF_8)).getMessage()).contains("empty");
    }

    @Test
    void binary_document_is_rejected_at_the_line_of_the_first_control_byte() {
        byte[] bytes = "title\n\nabc\u0000def\n".getBytes(StandardCharsets.UTF_8);
        ImportRejectedException e = rejected("image.png", bytes);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("binary");
        assertThat(rejected("ctl.bin", "a\u0001b".getBytes(StandardCharsets.UTF_8)).line()).isEqualTo(1);
    }

    @Test
    void a_few_gbk_bytes_in_utf8_text_stay_utf8_with_a_warning_on_their_line() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] lines = zhuhai().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i == 19) {
                int at = line.indexOf("评审项目按时完成率");
                out.write(line.substring(0, at).getBytes(StandardCharsets.UTF_8));
                out.write("评审".getBytes(Charset.forName("GBK")));
                line = line.substring(at + 2);
            }
            out.write(line.getBytes(StandardCharsets.UTF_8));
            if (i < lines.length - 1) {
                out.write('\n');
            }
        }
        ParsedDocument doc = reader.read("gbk.txt", out.toByteArray());
        assertThat(doc.targetCount()).isEqualTo(62);
        ParsedTarget damaged = doc.projects().stream().flatMap(p -> p.targets().stream())
                .filter(t -> t.line() == 20).findFirst().orElseThrow();
        assertThat(damaged.indicator().name()).endsWith("项目按时完成率").contains("\uFFFD");
        assertThat(doc.diagnostics()).filteredOn(d -> d.code() == DiagnosticCode.REPLACEMENT_CHARACTER)
                .singleElement().satisfies(d -> {
                    assertThat(d.line()).isEqualTo(20);
                    assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING);
                    assertThat(d.message()).contains("line 20").contains("not valid UTF-8");
                });
        assertThat(doc.diagnostics()).noneMatch(d -> d.code() == DiagnosticCode.ENCODING);
    }

    @Test
    void a_whole_gbk_file_is_read_as_gb18030_with_the_same_rows() {
        ParsedDocument utf8 = Seeds.read(Seeds.ZHUHAI);
        ParsedDocument doc = reader.read("gbk-all.txt", zhuhai().getBytes(Charset.forName("GBK")));
        assertThat(doc.projects()).isEqualTo(utf8.projects());
        assertThat(doc.sourceLines()).isEqualTo(utf8.sourceLines());
        assertThat(doc.diagnostics()).filteredOn(d -> d.code() == DiagnosticCode.ENCODING)
                .singleElement().satisfies(d -> {
                    assertThat(d.severity()).isEqualTo(Diagnostic.Severity.INFO);
                    assertThat(d.args()).first().isEqualTo("GB18030");
                });
        assertThat(doc.diagnostics()).noneMatch(d -> d.code() == DiagnosticCode.REPLACEMENT_CHARACTER);
    }

    @Test
    void tab_row_with_too_few_cells_is_rejected_naming_the_line() {
        String text = withLine(zhuhai(), 20, "\t\t\t\t\t1-产出指标\t13-时效指标\t113000213-评审项目按时完成率");
        ImportRejectedException e = rejected("short-row.txt", text.getBytes(StandardCharsets.UTF_8));
        assertThat(e.line()).isEqualTo(20);
        assertThat(e.getMessage()).contains("line 20 has 8 cells").contains("10 columns");
    }

    // A copy cut off inside its last row (issue 14): the complete rows are kept, the cut one is not read, a
    // TRUNCATED warning names its line and the document says truncated.
    @Test
    void tab_export_truncated_mid_row_keeps_its_complete_rows_and_warns_on_the_cut_line() {
        String text = zhuhai();
        String cut = text.substring(0, text.lastIndexOf("活动开展达标率") + 3);
        assertCutAt(reader.read("cut.txt", cut.getBytes(StandardCharsets.UTF_8)), 67, Seeds.read(Seeds.ZHUHAI));
    }

    @Test
    void tab_export_cut_before_the_last_value_keeps_its_complete_rows() {
        String text = zhuhai();
        String cut = text.substring(0, text.length() - "100%".length());
        ParsedDocument d = reader.read("cut-value.txt", cut.getBytes(StandardCharsets.UTF_8));
        assertCutAt(d, 67, Seeds.read(Seeds.ZHUHAI));
        assertThat(d.diagnostics()).filteredOn(x -> x.code() == DiagnosticCode.TRUNCATED).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("年度指标值"));
    }

    @Test
    void form_truncated_mid_row_keeps_its_complete_rows_and_warns_on_the_cut_line() {
        String text = minhang();
        String cut = text.substring(0, text.lastIndexOf("\t≥90.00(%)"));
        assertCutAt(reader.read("cut-form.txt", cut.getBytes(StandardCharsets.UTF_8)), 346, Seeds.read(Seeds.MINHANG));
    }

    private static void assertCutAt(ParsedDocument cut, int line, ParsedDocument whole) {
        assertThat(cut.truncated()).isTrue();
        assertThat(cut.targetCount()).isEqualTo(whole.targetCount() - 1);
        assertThat(cut.projects().stream().flatMap(p -> p.targets().stream()).map(ParsedTarget::line))
                .doesNotContain(line);
        assertThat(cut.diagnostics()).filteredOn(x -> x.code() == DiagnosticCode.TRUNCATED).singleElement()
                .satisfies(x -> {
                    assertThat(x.line()).isEqualTo(line);
                    assertThat(x.severity()).isEqualTo(Diagnostic.Severity.WARNING);
                    assertThat(x.message()).contains("line " + line);
                });
    }

    @Test
    void a_line_over_one_mebibyte_is_rejected_before_decoding() {
        byte[] head = "title\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = Arrays.copyOf(head, head.length + 10 * 1024 * 1024);
        Arrays.fill(content, head.length, content.length, (byte) 'a');
        ImportRejectedException e = rejected("huge.txt", content);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("line 2 is 10485760 bytes; longer than the 1 MiB limit");
    }

    @Test
    void unknown_layout_is_rejected_naming_both_expected_layouts() {
        ImportRejectedException e = rejected("notes.txt",
                "\n会议纪要\n第一项\t内容\n".getBytes(StandardCharsets.UTF_8));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("unknown layout").contains("tab export").contains("预算单位")
                .contains("财政项目支出绩效目标申报表");
    }

    @Test
    void form_without_project_name_is_rejected_naming_its_line() {
        String text = withLine(minhang(), 35, "\t\t项目性质\t经常性项目\t\t项目类别\t特定目标类\t");
        ImportRejectedException e = rejected("no-name.txt", text.getBytes(StandardCharsets.UTF_8));
        assertThat(e.line()).isEqualTo(31);
        assertThat(e.getMessage()).contains("项目名称");
    }

    @Test
    void form_without_indicator_rows_is_rejected_naming_its_line() {
        String text = """
                上海市闵行区投资促进中心2024年度项目绩效目标汇总表

                财政项目支出绩效目标申报表
                (2024年度)
                项目名称\t测试项目\t项目性质\t经常性项目
                实施单位\t上海市闵行区投资促进中心
                \t一级指标\t二级指标\t三级指标\t年度(/项目)指标值
                """;
        ImportRejectedException e = rejected("no-rows.txt", text.getBytes(StandardCharsets.UTF_8));
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.getMessage()).contains("no indicator rows").contains("测试项目");
    }

    @Test
    void continuation_row_before_any_block_header_is_rejected() {
        String text = withLine(zhuhai(), 6, "\t\t\t\t\t1-产出指标\t11-数量指标\t111002681-扶持企业数量\t≥6\t≥6");
        ImportRejectedException e = rejected("orphan.txt", text.getBytes(StandardCharsets.UTF_8));
        assertThat(e.line()).isEqualTo(6);
    }

    @Test
    void a_rejection_never_escapes_as_another_exception() {
        assertThatThrownBy(() -> reader.read("x", "预算单位\t项目名称\t一级指标\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ImportRejectedException.class);
        assertThatThrownBy(() -> reader.read("y", "财政项目支出绩效目标申报表\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ImportRejectedException.class);
    }

    @Test
    void nine_hundred_kilobytes_of_text_in_the_indicator_column_is_refused_naming_its_line_not_passed_to_the_store() {
        String huge = "指".repeat(300_000);
        String doc = "预算单位\t项目名称\t金额（元）\t2024年度总体绩效目标\t2024年度绩效目标\t一级指标\t二级指标\t三级指标\t实施周期指标值\t年度指标值\n"
                + "900002-文件中心\t文件项目\t2000\t总体目标。\t年度目标。\t1-产出指标\t11-数量指标\t111000002-文件数量\t≥6\t≥6\n"
                + "\t\t\t\t\t1-产出指标\t11-数量指标\t" + huge + "\t≥2份\t≥2份\n";
        ImportRejectedException e = rejected("huge-indicator.txt", doc.getBytes(StandardCharsets.UTF_8));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("indicator name is 300000 characters long");
        assertThat(e.getMessage().length()).isLessThan(400);
    }
}
