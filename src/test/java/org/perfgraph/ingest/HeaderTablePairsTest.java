package org.perfgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Label lines holding several pairs, and a table whose only money column is 项目资金总额. */
class HeaderTablePairsTest {

    private static ParsedDocument read(String text) {
        return new DocumentReader().read("pairs.txt", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void several_label_value_pairs_in_one_line_apart_by_wide_spaces_are_each_read() {
        ParsedDocument doc = read("""
                某区水务局2025年度重点项目绩效目标
                项目名称：河道清淤　　预算单位：某区水务局　　预算金额（万元）：23.6
                | 一级指标 | 二级指标 | 三级指标 | 指标值 |
                | 产出指标 | 数量指标 | 清淤河道长度 | ≥12公里 |
                | 满意度指标 | 服务对象满意度指标 | 居民满意度 | ≥85% |
                """);
        assertThat(doc.projects()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("河道清淤");
            assertThat(p.unit().name()).isEqualTo("某区水务局");
            assertThat(p.amount()).isEqualByComparingTo(new BigDecimal("236000"));
            assertThat(p.targets()).extracting(t -> t.annual().raw()).containsExactly("≥12公里", "≥85%");
        });
    }

    @Test
    void a_total_amount_column_alone_is_the_projects_amount() {
        ParsedDocument doc = read("""
                单位：万元
                | 主管部门 | 项目名称 | 项目资金总额 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 |
                | 某区科技局 | 研发补助 | 500 | 产出指标 | 数量指标 | 补助企业数量 | ≥50家 |
                |  |  |  | 满意度指标 | 服务对象满意度指标 | 企业满意度 | ≥90% |
                | 某区科技局 | 平台运营 | 120.5 | 产出指标 | 数量指标 | 对接活动 | ≥12场 |
                """);
        assertThat(doc.projects()).extracting(ParsedProject::name, p -> p.amount().stripTrailingZeros().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("研发补助", "5000000"),
                        org.assertj.core.groups.Tuple.tuple("平台运营", "1205000"));
    }

    @Test
    void a_second_forms_title_ends_the_first_forms_table_and_a_run_in_l2_is_read_apart() {
        ParsedDocument doc = read("""
                财政项目支出绩效目标申报表
                （2025年度）
                | 项目名称 | 见习补贴 | 项目资金总额 | 180 |
                | 一级指标 | 二级指标 | 三级指标 | 指标值 |
                | 产出指标 | 数量指标 | 见习岗位数 | ≥1500个 |
                | 满意度指标 | 服务对象满意度指标见习青年满意度 | ≥90% |
                财政项目支出绩效目标申报表
                （2025年度）
                | 项目名称 | 就业服务 | 项目资金总额 | 32 |
                | 一级指标 | 二级指标 | 三级指标 | 指标值 |
                | 产出指标 | 数量指标 | 招聘会场次 | ≥30场 |
                """);
        assertThat(doc.projects()).extracting(ParsedProject::name).containsExactly("见习补贴", "就业服务");
        assertThat(doc.projects().get(0).targets()).extracting(t -> t.level2().canonical(), t -> t.indicator().name())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("数量指标", "见习岗位数"),
                        org.assertj.core.groups.Tuple.tuple("服务对象满意度指标", "见习青年满意度"));
        assertThat(doc.projects().get(1).targets()).singleElement()
                .satisfies(t -> assertThat(t.annual().raw()).isEqualTo("≥30场"));
        assertThat(doc.projects()).flatMap(ParsedProject::targets)
                .noneMatch(t -> t.indicator().name().contains("申报表") || t.indicator().name().contains("年度"));
    }
}
