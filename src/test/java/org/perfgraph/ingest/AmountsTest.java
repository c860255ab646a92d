package org.perfgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Money cells: what is an amount and what is not (issue 14: a 1 MB digit cell held the reader ~35 s). */
class AmountsTest {

    private static final String HEADER = "预算单位\t项目名称\t金额（元）\t2024年度总体绩效目标\t2024年度绩效目标\t一级指标\t二级指标\t"
            + "三级指标\t实施周期指标值\t年度指标值";
    private static final String ROW = "\t\t\t\t\t3-满意度指标\t31-服务对象满意度\t331002628-法律服务满意度\t90%\t90%";

    private final DocumentReader reader = new DocumentReader();

    private ParsedDocument tabDocument(String amountCell) {
        String text = "某中心2024年度绩效目标\n" + HEADER + "\n"
                + "104003-投资促进中心\t法律服务经费\t" + amountCell + "\t总体目标。\t年度目标。\t1-产出指标\t11-数量指标\t"
                + "111002627-聘请律师事务所数量\t≥1\t≥1\n" + ROW + "\n";
        return reader.read("amounts.txt", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void ordinary_amounts_parse_as_written() {
        assertThat(Amounts.parse("150")).isEqualByComparingTo("150");
        assertThat(Amounts.parse("1,234.50")).isEqualTo(new BigDecimal("1234.50"));
        assertThat(Amounts.parse("  60000  ")).isEqualByComparingTo("60000");
        assertThat(tabDocument("1,234.50").projects()).singleElement()
                .satisfies(p -> assertThat(p.amount()).isEqualTo(new BigDecimal("1234.50")));
    }

    @Test
    void an_amount_in_wanyuan_in_a_header_table_is_stored_in_yuan() {
        String text = "项目名称\t社区服务\n年度资金总额\t12万元\n一级指标\t二级指标\t三级指标\t指标值\n"
                + "产出指标\t数量指标\t服务人次\t≥100人次\n满意度指标\t服务对象满意度指标\t居民满意度\t≥90%\n";
        ParsedDocument d = reader.read("wanyuan.txt", text.getBytes(StandardCharsets.UTF_8));
        assertThat(d.projects()).singleElement()
                .satisfies(p -> assertThat(p.amount()).isEqualByComparingTo("120000"));
    }

    @Test
    void forty_digits_are_an_amount_and_forty_one_are_not() {
        String forty = "1".repeat(Amounts.MAX_LENGTH);
        assertThat(Amounts.parse(forty)).isEqualTo(new BigDecimal(forty));
        assertThat(Amounts.parse(" " + forty + " ")).isEqualTo(new BigDecimal(forty));
        assertThat(Amounts.parse(forty + "1")).isNull();
    }

    @Test
    void a_million_digit_amount_cell_is_no_amount_and_a_warning_naming_its_line() {
        ParsedDocument d = tabDocument("9".repeat(1_000_000));
        assertThat(d.projects()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("法律服务经费");
            assertThat(p.amount()).isNull();
            assertThat(p.targets()).hasSize(2);
        });
        assertThat(d.diagnostics()).filteredOn(x -> x.code() == DiagnosticCode.AMOUNT_UNREADABLE).singleElement()
                .satisfies(x -> {
                    assertThat(x.line()).isEqualTo(3);
                    assertThat(x.severity()).isEqualTo(Diagnostic.Severity.WARNING);
                    assertThat(x.message()).contains("法律服务经费").hasSizeLessThan(500);
                });
    }
}
