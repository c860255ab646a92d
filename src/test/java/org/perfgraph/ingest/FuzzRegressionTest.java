package org.perfgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

/**
 * The defects {@link DocumentFuzzTest} found, each as the shrunk input that showed it (issue 14, defect 3).
 */
class FuzzRegressionTest {

    private static final String HEADER = "预算单位\t项目名称\t金额（元）\t2024年度总体绩效目标\t2024年度绩效目标\t一级指标\t二级指标\t"
            + "三级指标\t实施周期指标值\t年度指标值";
    private static final String BLOCK = "104003-投资促进中心\t法律服务经费\t60000\t总体目标。\t年度目标。\t1-产出指标\t11-数量指标\t"
            + "111002627-聘请律师事务所数量\t≥1\t≥1";
    private static final String ROW = "\t\t\t\t\t3-满意度指标\t31-服务对象满意度\t331002628-法律服务满意度\t90%\t90%";

    private final DocumentReader reader = new DocumentReader();

    private ParsedDocument read(String text) {
        return reader.read("shrunk.txt", text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> projectNames(ParsedDocument d) {
        return d.projects().stream().map(ParsedProject::name).toList();
    }

    private static List<String> indicators(ParsedDocument d) {
        return d.projects().stream().flatMap(p -> p.targets().stream()).map(t -> t.indicator().name()).toList();
    }

    // seed 000, repeatHeader: the tab export read its header row again as a block: project 项目名称 with 三级指标 = 年度指标值
    @Test
    void a_header_row_repeated_inside_a_tab_export_is_skipped_with_a_diagnostic() {
        ParsedDocument d = read("某中心2024年度绩效目标\n" + HEADER + "\n" + BLOCK + "\n" + HEADER + "\n" + ROW + "\n");
        assertThat(projectNames(d)).containsExactly("法律服务经费");
        assertThat(indicators(d)).containsExactly("聘请律师事务所数量", "法律服务满意度");
        assertThat(d.diagnostics()).filteredOn(x -> x.code() == DiagnosticCode.HEADER_REPEATED).singleElement()
                .satisfies(x -> {
                    assertThat(x.line()).isEqualTo(4);
                    assertThat(x.message()).contains("line 4").contains("line 2");
                });
    }

    // seed 000, headersOnly: 26 header lines imported as one project 项目名称 with 25 targets 三级指标 = 年度指标值
    @Test
    void a_document_of_fifty_header_lines_is_refused() {
        ImportRejectedException e = catchThrowableOfType(ImportRejectedException.class,
                () -> read("某中心2024年度绩效目标\n" + (HEADER + "\n").repeat(50)));
        assertThat(e).isNotNull();
        assertThat(e.document()).isEqualTo("shrunk.txt");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("no project rows");
    }

    // 03_space_rows_labels, addCell: a cell 三级指标 pasted before a row made a target named 三级指标
    @Test
    void a_row_whose_indicator_is_a_header_label_is_no_target() {
        String text = "项目名称 乡村道路养护 项目类别 运转类\n"
                + "一级指标 二级指标 三级指标 指标值\n"
                + "产出指标 数量指标 养护里程 ≥20公里\n"
                + "产出指标 数量指标 三级指标 年度指标值\n"
                + "满意度指标 服务对象满意度指标 村民满意度 ≥90%\n";
        ParsedDocument d = read(text);
        assertThat(indicators(d)).doesNotContain("三级指标").contains("养护里程", "村民满意度");
        // space-separated text is cut by the segmenter: the header-label row is dropped with a diagnostic on its line
        assertThat(d.diagnostics()).filteredOn(x -> x.code() == DiagnosticCode.HEADER_REPEATED
                        || x.code() == DiagnosticCode.CELLS_REALIGNED)
                .extracting(Diagnostic::line).contains(4);
    }

    // seed 003, cutMidLine: a form cut inside its last value (及时(2) kept the cut value with no warning
    @Test
    void a_form_cut_inside_a_value_keeps_its_complete_rows_and_warns_on_the_line() {
        String text = new String(Seeds.bytes(Seeds.MINHANG), StandardCharsets.UTF_8);
        ParsedDocument whole = Seeds.read(Seeds.MINHANG);
        int cutAt = text.lastIndexOf("≥90.00(%)") + "≥90.00(".length();
        ParsedDocument cut = read(text.substring(0, cutAt));
        assertThat(cut.truncated()).isTrue();
        assertThat(cut.targetCount()).isEqualTo(whole.targetCount() - 1);
        assertThat(cut.projects().stream().flatMap(p -> p.targets().stream()).map(t -> t.annual().raw()))
                .doesNotContain("≥90.00(");
        assertThat(cut.diagnostics()).filteredOn(x -> x.code() == DiagnosticCode.TRUNCATED).singleElement()
                .satisfies(x -> {
                    assertThat(x.line()).isEqualTo(346);
                    assertThat(x.severity()).isEqualTo(Diagnostic.Severity.WARNING);
                    assertThat(x.message()).contains("line 346").contains("≥90.00(");
                });
    }

    // seed 000, cutMidLine: the tab export refused a copy cut inside its last row instead of keeping the rest
    @Test
    void a_tab_export_cut_inside_a_value_keeps_its_complete_rows() {
        ParsedDocument d = read("某中心2024年度绩效目标\n" + HEADER + "\n" + BLOCK + "\n" + ROW.substring(0, ROW.length() - "90%".length()));
        assertThat(d.truncated()).isTrue();
        assertThat(indicators(d)).containsExactly("聘请律师事务所数量");
        assertThat(d.diagnostics()).filteredOn(x -> x.code() == DiagnosticCode.TRUNCATED)
                .extracting(Diagnostic::line).containsExactly(4);
    }

    // 07_pipe_period_annual_wanyuan, hugeCell: a 1 MB cell of digits in a pipe row kept the reader busy for minutes
    // (the points pattern of CellPlacer backtracking over the digits); it reads now like any long cell
    @Test
    void a_one_megabyte_cell_in_a_squeezed_row_is_read() {
        String text = "| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
                + "| 产出指标 | 数量指标 | 培训人次 | ≥100人次 |\n"
                + "| " + "9".repeat(1 << 20) + " | 质量指标 | 合格率 | ≥95% |\n"
                + "| 满意度指标 | 服务对象满意度指标 | 学员满意度 | ≥90% |\n";
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> read(text));
        assertThat(t == null || t instanceof ImportRejectedException).as(String.valueOf(t)).isTrue();
    }

    // 14_merged_cells.xlsx, zipPart: U+FFFD in a shared string was stored silently (only text files warned)
    @Test
    void a_replacement_character_in_a_workbook_cell_is_a_warning_on_its_line() throws IOException {
        byte[] xlsx = Seeds.bytes("blind/14_merged_cells.xlsx");
        byte[] damaged = withPart(xlsx, "xl/sharedStrings.xml", xml -> {
            int at = xml.indexOf("防火巡护里程") + 2; // an indicator: 防火\uFFFD巡护里程
            return xml.substring(0, at) + "\uFFFD" + xml.substring(at);
        });
        ParsedDocument d = reader.read("damaged.xlsx", damaged);
        List<ParsedTarget> withFffd = d.projects().stream().flatMap(p -> p.targets().stream())
                .filter(t -> (t.indicator().name() + (t.annual() == null ? "" : t.annual().raw())
                        + (t.level2() == null ? "" : t.level2().raw())).indexOf('\uFFFD') >= 0).toList();
        List<ParsedProject> projectsWithFffd = d.projects().stream().filter(p -> p.name().indexOf('\uFFFD') >= 0).toList();
        assertThat(withFffd.size() + projectsWithFffd.size()).isPositive();
        for (ParsedTarget t : withFffd) {
            assertThat(d.diagnostics()).anySatisfy(x -> {
                assertThat(x.line()).isEqualTo(t.line());
                assertThat(x.code()).isEqualTo(DiagnosticCode.REPLACEMENT_CHARACTER);
                assertThat(x.severity()).isEqualTo(Diagnostic.Severity.WARNING);
            });
        }
    }

    // 15_label_then_indicators.docx, zipPart: U+202E in a Word cell reached the indicator name (text files strip it)
    @Test
    void a_bidi_override_in_a_word_cell_is_removed_with_a_warning() throws IOException {
        byte[] docx = Seeds.bytes("blind/15_label_then_indicators.docx");
        byte[] damaged = withPart(docx, "word/document.xml", xml -> xml.replace("改造小区数量", "改造\u202E小区数量"));
        ParsedDocument d = reader.read("bidi.docx", damaged);
        ParsedTarget t = d.projects().stream().flatMap(p -> p.targets().stream())
                .filter(x -> x.indicator().name().contains("小区数量")).findFirst().orElseThrow();
        assertThat(t.indicator().name()).isEqualTo("改造小区数量");
        assertThat(d.diagnostics()).anySatisfy(x -> {
            assertThat(x.code()).isEqualTo(DiagnosticCode.CONTROL_CHARACTER);
            assertThat(x.line()).isEqualTo(t.line());
            assertThat(x.severity()).isEqualTo(Diagnostic.Severity.WARNING);
            assertThat(x.message()).contains("U+202E");
        });
    }

    // seed 003, tabsToCommas (line 18), shrunk to two lines: the header-table reader threw a NullPointerException
    // (the year line (2024年 closed the table as a later form's title, then the refusal read the closed header)
    @Test
    void a_header_followed_only_by_a_year_line_is_refused_naming_its_line() {
        ImportRejectedException e = catchThrowableOfType(ImportRejectedException.class,
                () -> read(",一级指标,二级指标,三级指标,年度(/项目)指标值\n(2024年\n"));
        assertThat(e).isNotNull();
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.getMessage()).startsWith("shrunk.txt, line 1: ").doesNotContain("Exception")
                .contains("followed by no indicator rows");
    }

    // the long run's text damage, cutMidLine: a header table's last row cut right after its comparator was kept with
    // the value ≥ and no warning
    @Test
    void a_header_tables_last_row_cut_right_after_its_comparator_is_not_read_and_warned() {
        ParsedDocument d = read(",一级指标,二级指标,三级指标,年度(/项目)指标值\n,产出指标,数量指标,路灯数量,≥100盏\n"
                + ",产出指标,质量指标,路灯亮灯率,≥\n");
        assertThat(indicators(d)).containsExactly("路灯数量");
        assertThat(d.truncated()).isTrue();
        assertThat(d.diagnostics()).filteredOn(x -> x.code() == DiagnosticCode.TRUNCATED).singleElement()
                .satisfies(x -> assertThat(x.line()).isEqualTo(3));
    }

    // blind 02 (one cell per line), hugeCell: line 26 made 1 MB of digits kept the reader busy for minutes
    // (HeaderTableLayout's points pattern on the 一级指标 cell backtracking over the digit run); the long run's one hang
    @Test
    void a_one_megabyte_cell_of_digits_in_a_cell_per_line_table_is_read_as_without_it() {
        String text = new String(Seeds.bytes("blind/02_cell_per_line.txt"), StandardCharsets.UTF_8);
        List<String> lines = new java.util.ArrayList<>(Mutations.lines(text));
        lines.set(25, "9".repeat(1 << 20));
        List<String> without = new java.util.ArrayList<>(Mutations.lines(text));
        without.set(25, "9");
        // a guard against the hang, not a speed assertion: ReadInvariants allows a read 120 s as well
        ParsedDocument d = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(120),
                () -> read(Mutations.join(lines)));
        assertThat(indicators(d)).isEqualTo(indicators(read(Mutations.join(without)))).isNotEmpty();
    }

    // 2026-12-03 long run, seed 13486662130847, bidi: U+202E between a cell and its closing pipe (text/cell-per-line.txt
    // line 15) hid the pipe, so the cell 培训人次's value became '≥300人次 |'; on a line of its own between the unit and
    // the project (blind/02_cell_per_line.txt) it joined them into one project name
    @Test
    void a_bidi_mark_before_a_closing_pipe_or_on_its_own_line_changes_no_cell() {
        String text = new String(Seeds.bytes("text/cell-per-line.txt"), StandardCharsets.UTF_8);
        List<String> lines = new java.util.ArrayList<>(Mutations.lines(text));
        assertThat(lines.get(14)).isEqualTo("≥300人次 |");
        lines.set(14, "≥300人次 \u202E|\u200B");
        lines.add(11, "\u202E\u2066");
        ParsedDocument marked = read(Mutations.join(lines));
        ParsedDocument whole = read(text);
        assertThat(values(marked)).isEqualTo(values(whole)).contains("培训人次=≥300人次");
        assertThat(projectNames(marked)).isEqualTo(projectNames(whole));
        assertThat(marked.diagnostics()).filteredOn(x -> x.code() == DiagnosticCode.CONTROL_CHARACTER)
                .extracting(Diagnostic::line).containsExactly(12, 16);
    }

    // 2026-12-03 long run, seed 13486662130847, cutAtLine / cutMidLine of layouts/cell-per-line-open.txt: cut after
    // '5000' (before its unit 件) or inside it ('50'), the last row read as a complete target ≥50 with no diagnostic
    @Test
    void a_cell_per_line_table_that_ends_at_a_number_before_its_unit_keeps_the_row_with_a_warning() {
        String text = new String(Seeds.bytes("layouts/cell-per-line-open.txt"), StandardCharsets.UTF_8);
        List<String> lines = Mutations.lines(text);
        assertThat(lines.get(18)).isEqualTo("5000");
        for (String end : List.of("5000", "50")) {
            List<String> cut = new java.util.ArrayList<>(lines.subList(0, 18));
            cut.add(end);
            ParsedDocument d = read(Mutations.join(cut));
            assertThat(values(d)).containsExactly("档案数字化件数=" + "≥" + end);
            assertThat(d.diagnostics()).filteredOn(x -> x.code() == DiagnosticCode.ROW_MAY_BE_CUT).singleElement()
                    .satisfies(x -> {
                        assertThat(x.line()).isEqualTo(12);
                        assertThat(x.severity()).isEqualTo(Diagnostic.Severity.WARNING);
                        assertThat(x.args()).containsExactly("12", end);
                    });
        }
        // the whole table ends at a date, and a row cut after its unit is complete: neither is flagged
        assertThat(read(text).diagnostics()).noneMatch(x -> x.code() == DiagnosticCode.ROW_MAY_BE_CUT);
        assertThat(read(Mutations.join(lines.subList(0, 20))).diagnostics())
                .noneMatch(x -> x.code() == DiagnosticCode.ROW_MAY_BE_CUT);
    }

    private static List<String> values(ParsedDocument d) {
        return d.projects().stream().flatMap(p -> p.targets().stream())
                .map(t -> t.indicator().name() + "=" + t.annual().raw()).toList();
    }

    // seed 003, cutAtLine (first 338 of 346 lines): the last row's L2 label (时效指标) stands on line 339, below it
    // (a merged cell), so the cut form cannot tell that 运维护容及时性 closes a 时效指标 block: it keeps the 质量指标
    // carried from above (the name alone is no proof) and warns on line 337. The whole form still files it under
    // 时效指标, and a row whose name agrees with the carried L2 gets no such warning.
    @Test
    void a_form_cut_at_a_line_end_keeps_the_last_rows_categories() {
        String text = new String(Seeds.bytes(Seeds.MINHANG), StandardCharsets.UTF_8);
        ParsedDocument cut = read(Mutations.join(Mutations.lines(text).subList(0, 338)));
        ParsedTarget t = cut.projects().stream().flatMap(p -> p.targets().stream()).filter(x -> x.line() == 337)
                .findFirst().orElseThrow();
        assertThat(t.indicator().name()).isEqualTo("运维护容及时性");
        assertThat(t.level2().canonical()).isEqualTo("质量指标");
        assertThat(cut.diagnostics()).filteredOn(x -> x.line() == 337).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Diagnostic.Severity.WARNING);
            assertThat(x.code()).isEqualTo(DiagnosticCode.CATEGORY_INFERRED);
            assertThat(x.message()).contains("运维护容及时性", "时效指标", "质量指标", "rows end");
        });

        ParsedTarget whole = Seeds.read(Seeds.MINHANG).projects().stream().flatMap(p -> p.targets().stream())
                .filter(x -> x.line() == 337).findFirst().orElseThrow();
        assertThat(whole.level2().canonical()).isEqualTo("时效指标");

        ParsedDocument earlier = read(Mutations.join(Mutations.lines(text).subList(0, 336)));
        assertThat(earlier.diagnostics()).noneMatch(x -> x.line() == 335 && x.code() == DiagnosticCode.CATEGORY_INFERRED);
    }

    // seed 003 cut after line 23 (found by the_seeds_cut_at_every_line_end_keep_their_rows_or_warn): 系统验收合格率
    // carries the label 时效指标 that belongs one row down (系统完成改造及时性, line 24); with no line 24 the row
    // keeps its own label, with a warning that it may be one row off
    @Test
    void a_form_cut_right_after_a_label_shifted_one_row_up_warns_on_that_row() {
        String text = new String(Seeds.bytes(Seeds.MINHANG), StandardCharsets.UTF_8);
        ParsedDocument cut = read(Mutations.join(Mutations.lines(text).subList(0, 23)));
        ParsedTarget t = cut.projects().stream().flatMap(p -> p.targets().stream()).filter(x -> x.line() == 23)
                .findFirst().orElseThrow();
        assertThat(t.indicator().name()).isEqualTo("系统验收合格率");
        assertThat(cut.diagnostics()).filteredOn(x -> x.line() == 23).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Diagnostic.Severity.WARNING);
            assertThat(x.code()).isEqualTo(DiagnosticCode.CATEGORY_INFERRED);
            assertThat(x.message()).contains("系统验收合格率", "时效指标", "rows end");
        });
    }

    // 2026-12-03 long run, seed 21396034657539, cutAtLine of blind/03_space_rows_labels.txt (first 14 of 29 lines),
    // shrunk: the indicator 建制村通客车覆盖 / 率 is broken inside its cell and continues on the line after its value;
    // cut between the two lines, the row read as a whole-looking target 建制村通客车覆盖 = 100% with no diagnostic
    @Test
    void a_space_separated_table_cut_before_the_rest_of_its_last_indicator_keeps_the_row_with_a_warning() {
        String whole = "一级指标 二级指标 三级指标 指标值\n"
                + "产出指标 数量指标 日常养护里程 320公里\n"
                + "效益指标 社会效益指标 农村公路列养率 100%\n"
                + "社会效益指标 建制村通客车覆盖 100%\n"
                + "率\n"
                + "可持续影响指标 养护长效机制 健全\n";
        List<String> lines = Mutations.lines(whole);
        assertThat(values(read(whole))).containsExactly("日常养护里程=320公里", "农村公路列养率=100%",
                "建制村通客车覆盖率=100%", "养护长效机制=健全");
        assertThat(read(whole).diagnostics()).noneMatch(x -> x.code() == DiagnosticCode.ROW_MAY_BE_CUT);

        ParsedDocument cut = read(Mutations.join(lines.subList(0, 4)));
        assertThat(values(cut)).containsExactly("日常养护里程=320公里", "农村公路列养率=100%", "建制村通客车覆盖=100%");
        assertThat(cut.diagnostics()).filteredOn(x -> x.code() == DiagnosticCode.ROW_MAY_BE_CUT).singleElement()
                .satisfies(x -> {
                    assertThat(x.line()).isEqualTo(4);
                    assertThat(x.severity()).isEqualTo(Diagnostic.Severity.WARNING);
                    assertThat(x.args()).containsExactly("4", "建制村通客车覆盖", "100%");
                });
        // a last row whose name ends the way names do (…率) is not flagged
        assertThat(read(Mutations.join(lines.subList(0, 3))).diagnostics())
                .noneMatch(x -> x.code() == DiagnosticCode.ROW_MAY_BE_CUT);
    }

    // 2026-12-03 long run, seed 16624514601901, cutMidLine of blind/12_multi_project_split_columns_wanyuan.txt: line 11
    // cut inside its goal text after 购置多媒体教学设备 (the indicator the goal names): the row opened the project
    // 教学设备购置 and stopped before its indicator, and was dropped with no warning
    @Test
    void a_header_table_cut_inside_the_project_cells_of_its_last_row_warns_on_that_row() {
        String name = "blind/12_multi_project_split_columns_wanyuan.txt";
        String text = new String(Seeds.bytes(name), StandardCharsets.UTF_8);
        List<String> lines = Mutations.lines(text);
        String line11 = lines.get(10);
        String before = Mutations.join(lines.subList(0, 10));
        int at = line11.indexOf("设备60套") + "设备".length();
        ParsedDocument cut = read(before + line11.substring(0, at));
        assertThat(values(cut)).containsExactly("资助幼儿人数=≥2400人", "资助对象精准率==100%", "资金发放时限=≤30个工作日",
                "家庭教育负担减轻=有效减轻", "受助家庭满意度=≥90%");
        assertThat(cut.truncated()).isTrue();
        assertThat(cut.diagnostics()).filteredOn(x -> x.code() == DiagnosticCode.TRUNCATED).singleElement()
                .satisfies(x -> {
                    assertThat(x.line()).isEqualTo(11);
                    assertThat(x.severity()).isEqualTo(Diagnostic.Severity.WARNING);
                    assertThat(x.args()).containsExactly("11");
                });
        // cut at every character of line 11, the document keeps whole rows or warns on line 11
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        FuzzFixtures.Fixture f = new FuzzFixtures.Fixture(name, bytes, text, FuzzFixtures.Outcome.of(name, bytes));
        List<String> violations = new java.util.ArrayList<>();
        for (int k = 1; k < line11.length(); k++) {
            String t = before + line11.substring(0, k);
            Mutations.Mutant m = new Mutations.Mutant(f, "cutMidLine", "line 11 cut after " + k,
                    t.getBytes(StandardCharsets.UTF_8), t, Mutations.Relation.PREFIX, 11);
            for (String v : ReadInvariants.check(m, FuzzFixtures.Outcome.of(m.name(), m.bytes()))) {
                violations.add(k + ": " + v);
            }
        }
        assertThat(violations).isEmpty();
    }

    private static byte[] withPart(byte[] zip, String part, java.util.function.UnaryOperator<String> change)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] b = in.readAllBytes();
                if (e.getName().equals(part)) {
                    b = change.apply(new String(b, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(b);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
