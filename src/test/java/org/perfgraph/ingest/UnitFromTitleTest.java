package org.perfgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/**
 * A document without a unit column or label names its unit in its title, with or without a year, in text and on a
 * web page (a {@code <p>} or {@code <div>} title as well as a heading). A title that names no one
 * (项目支出绩效目标表) is no unit. Fixtures: {@code src/test/resources/titles/}.
 */
class UnitFromTitleTest {

    private static ParsedDocument read(String name) {
        return Seeds.read("titles/" + name);
    }

    private static ParsedProject only(ParsedDocument d) {
        assertThat(d.projects()).hasSize(1);
        return d.projects().get(0);
    }

    @Test
    void a_title_without_a_year_names_the_unit_before_the_table_s_name() {
        ParsedDocument d = read("no-year.txt");
        ParsedProject p = only(d);

        assertThat(d.format()).isEqualTo(DocumentFormat.HEADER_TABLE);
        assertThat(p.unit()).isEqualTo(new ParsedUnit(null, "某县文化馆", "某县"));
        assertThat(p.name()).isEqualTo("送戏下乡经费");
        assertThat(p.amount()).isEqualByComparingTo(new BigDecimal("120000"));
        assertThat(p.targets()).extracting(t -> t.indicator().name(), t -> t.annual().raw()).containsExactly(
                tuple("演出场次", "≥12场"), tuple("演出完成及时率", "100%"), tuple("群众满意度", "≥90%"));
    }

    @Test
    void a_title_starting_with_its_year_names_the_unit_after_it() {
        ParsedDocument d = read("year-first.txt");
        ParsedProject p = only(d);

        assertThat(p.unit()).isEqualTo(new ParsedUnit(null, "某市园林绿化局", "某市"));
        assertThat(d.year()).isEqualTo(2025);
        assertThat(p.amount()).isEqualByComparingTo(new BigDecimal("955000"));
        assertThat(p.targets()).extracting(t -> t.indicator().name(), t -> t.annual().normalized()).containsExactly(
                tuple("养护绿地面积", "≥120万平方米"), tuple("苗木成活率", "≥95%"), tuple("绿化覆盖率", "≥42%"));
    }

    @Test
    void a_title_that_names_no_one_is_not_the_unit() {
        ParsedDocument d = read("not-a-unit.txt");
        ParsedProject p = only(d);

        assertThat(p.unit().name()).isEqualTo("titles/not-a-unit.txt").isNotEqualTo("项目支出绩效目标表");
        assertThat(d.diagnostics()).filteredOn(x -> x.code() == DiagnosticCode.UNIT_FROM_DOCUMENT_NAME)
                .extracting(Diagnostic::args).containsExactly(java.util.List.of("titles/not-a-unit.txt"));
        assertThat(d.year()).isEqualTo(2025);
        assertThat(p.name()).isEqualTo("村道养护");
        assertThat(p.targets()).extracting(t -> t.indicator().name()).containsExactly("养护里程", "群众出行条件");
    }

    @Test
    void a_unit_named_after_the_document_is_said_once_on_the_document() {
        String text = "项目支出绩效目标表\n"
                + "项目名称\t预算数\t一级指标\t二级指标\t三级指标\t指标值\n"
                + "村道养护\t80000\t产出指标\t数量指标\t养护里程\t≥35公里\n"
                + "路灯维护\t20000\t产出指标\t数量指标\t维护路灯数量\t≥300盏\n";
        ParsedDocument d = new DocumentReader().read("村道.txt", text.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(d.projects()).extracting(p -> p.unit().name()).containsExactly("村道.txt", "村道.txt");
        assertThat(d.diagnostics()).filteredOn(x -> x.code() == DiagnosticCode.UNIT_FROM_DOCUMENT_NAME).singleElement()
                .satisfies(x -> {
                    assertThat(x.line()).isEqualTo(1);
                    assertThat(x.severity()).isEqualTo(Diagnostic.Severity.INFO);
                    assertThat(x.args()).containsExactly("村道.txt");
                    assertThat(x.message()).contains("budget unit", "村道.txt");
                });
        assertThat(DiagnosticCode.UNIT_FROM_DOCUMENT_NAME.uncertain()).isFalse();
        assertThat(read("h3-not-a-unit.html").diagnostics()).extracting(Diagnostic::code)
                .contains(DiagnosticCode.UNIT_FROM_DOCUMENT_NAME);

        // a unit named by the title, or given at import, is no document name
        assertThat(read("no-year.txt").diagnostics()).extracting(Diagnostic::code)
                .doesNotContain(DiagnosticCode.UNIT_FROM_DOCUMENT_NAME);
        ParsedDocument given = new DocumentReader().read("村道.txt", text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new ImportOptions(java.util.Map.of(), null, null, "某县交通运输局", false));
        assertThat(given.projects()).extracting(p -> p.unit().name()).containsOnly("某县交通运输局");
        assertThat(given.diagnostics()).extracting(Diagnostic::code).doesNotContain(DiagnosticCode.UNIT_FROM_DOCUMENT_NAME);
    }

    @Test
    void a_web_page_s_title_paragraph_names_the_unit() {
        ParsedDocument d = read("p-title.html");
        ParsedProject p = only(d);

        assertThat(d.fileKind()).isEqualTo(FileKind.HTML);
        assertThat(p.unit()).isEqualTo(new ParsedUnit(null, "某县图书馆", "某县"));
        assertThat(d.year()).isEqualTo(2025);
        assertThat(p.name()).isEqualTo("图书采购经费");
        assertThat(p.amount()).isEqualByComparingTo(new BigDecimal("300000"));
        assertThat(p.targets()).extracting(t -> t.level1().canonical(), t -> t.indicator().name(),
                t -> t.annual().raw()).containsExactly(
                tuple("产出指标", "新增藏书", "≥1.5万册"), tuple("产出指标", "采购完成时间", "2025年10月底前"),
                tuple("满意度指标", "读者满意度", "≥90%"));
    }

    @Test
    void a_web_page_s_title_div_without_a_year_names_the_unit() {
        ParsedDocument d = read("div-title.html");
        ParsedProject p = only(d);

        assertThat(p.unit()).isEqualTo(new ParsedUnit(null, "某区市场监督管理局", "某区"));
        assertThat(p.name()).isEqualTo("食品安全抽检经费");
        assertThat(p.amount()).isEqualByComparingTo(new BigDecimal("365000"));
        assertThat(p.targets()).extracting(t -> t.indicator().name()).containsExactly("抽检批次", "抽检结果公示率");
    }

    @Test
    void a_web_page_whose_heading_names_no_one_gives_no_unit_from_it() {
        ParsedDocument d = read("h3-not-a-unit.html");
        ParsedProject p = only(d);

        assertThat(p.unit().name()).isEqualTo("titles/h3-not-a-unit.html");
        assertThat(p.name()).isEqualTo("农村饮水安全巩固提升");
    }

    @Test
    void the_issuer_of_a_title_is_what_stands_before_its_year_or_before_the_table_s_name() {
        assertThat(TitleLine.issuer("珠海高新技术产业开发区投资促进中心2024年项目支出绩效目标")).isEqualTo("珠海高新技术产业开发区投资促进中心");
        assertThat(TitleLine.issuer("某县教育局部门整体支出绩效目标表")).isEqualTo("某县教育局");
        assertThat(TitleLine.issuer("（2025年度）某县水利局项目绩效目标申报表")).isEqualTo("某县水利局");
        assertThat(TitleLine.issuer("某县 卫生健康局 项目支出 绩效自评表")).isEqualTo("某县卫生健康局");
        assertThat(TitleLine.issuer("部门项目绩效目标表")).isNull();
        assertThat(TitleLine.issuer("2024年度项目支出绩效目标申报表")).isNull();
        assertThat(TitleLine.issuer("绩效目标表")).isNull();
    }
}
