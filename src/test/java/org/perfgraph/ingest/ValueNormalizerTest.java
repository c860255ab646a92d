package org.perfgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ValueNormalizerTest {

    @ParameterizedTest(name = "{0} → {1} {2} {3} unit={4} qualifier={5} normalized={6}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            ≥6                  | NUMERIC | GE | 6      | -       | -            | ≥6
            >80%                | NUMERIC | GT | 80     | %       | -            | >80%
            大于等于80个         | NUMERIC | GE | 80     | 个      | -            | ≥80个
            =1.00(项)           | NUMERIC | EQ | 1.00   | 项      | -            | =1项
            ≤109.45(万元)       | NUMERIC | LE | 109.45 | 万元    | -            | ≤109.45万元
            ≥60.00 (%)          | NUMERIC | GE | 60.00  | %       | -            | ≥60%
            $\\geq 90.00\\%$    | NUMERIC | GE | 90.00  | %       | -            | ≥90%
            大于等于90%          | NUMERIC | GE | 90     | %       | -            | ≥90%
            ≥90.00 (%)          | NUMERIC | GE | 90.00  | %       | -            | ≥90%
            100%                | NUMERIC | EQ | 100    | %       | -            | =100%
            0                   | NUMERIC | EQ | 0      | -       | -            | =0
            =0.00(起)           | NUMERIC | EQ | 0.00   | 起      | -            | =0起
            1074平方米           | NUMERIC | EQ | 1074   | 平方米  | -            | =1074平方米
            1家事务所            | NUMERIC | EQ | 1      | 家      | 事务所       | =1家
            招商展板制作>20      | NUMERIC | GT | 20     | -       | 招商展板制作 | >20
            ≥40个街镇招商部门    | NUMERIC | GE | 40     | 个      | 街镇招商部门 | ≥40个
            ≥13人               | NUMERIC | GE | 13     | 人      | -            | ≥13人
            >25次               | NUMERIC | GT | 25     | 次      | -            | >25次
            ≤2.00(个工作日)     | NUMERIC | LE | 2.00   | 个工作日 | -           | ≤2个工作日
            =1.00(个月)         | NUMERIC | EQ | 1.00   | 个月    | -            | =1个月
            ≥1000.00(人次)      | NUMERIC | GE | 1000.00 | 人次   | -            | ≥1000人次
            ＝100.00（%）        | NUMERIC | EQ | 100.00 | %       | -            | =100%
            不低于95%            | NUMERIC | GE | 95     | %       | -            | ≥95%
            不少于6次            | NUMERIC | GE | 6      | 次      | -            | ≥6次
            6次以上              | NUMERIC | GE | 6      | 次      | -            | ≥6次
            小于等于5天          | NUMERIC | LE | 5      | 天      | -            | ≤5天
            不超过100万元        | NUMERIC | LE | 100    | 万元    | -            | ≤100万元
            不高于3%             | NUMERIC | LE | 3      | %       | -            | ≤3%
            3个工作日以内        | NUMERIC | LE | 3      | 个工作日 | -           | ≤3个工作日
            大于50               | NUMERIC | GT | 50     | -       | -            | >50
            超过10家             | NUMERIC | GT | 10     | 家      | -            | >10家
            小于1%               | NUMERIC | LT | 1      | %       | -            | <1%
            低于2起              | NUMERIC | LT | 2      | 起      | -            | <2起
            等于1                | NUMERIC | EQ | 1      | -       | -            | =1
            $\\leq 5\\%$        | NUMERIC | LE | 5      | %       | -            | ≤5%
            $\\gt 3$            | NUMERIC | GT | 3      | -       | -            | >3
            $\\lt 3$            | NUMERIC | LT | 3      | -       | -            | <3
            """)
    void numeric_values_read_comparator_number_unit_and_qualifier(String raw, ValueKind kind, Comparator comparator,
            String number, String unit, String qualifier, String normalized) {
        String unescaped = raw.replace("\\\\", "\\");
        TargetValue v = ValueNormalizer.parse(unescaped, 2024);
        assertThat(v.raw()).isEqualTo(unescaped);
        assertThat(v.kind()).isEqualTo(kind);
        assertThat(v.comparator()).isEqualTo(comparator);
        assertThat(v.number()).isEqualByComparingTo(new BigDecimal(number));
        assertThat(v.unit()).isEqualTo(unit);
        assertThat(v.qualifier()).isEqualTo(qualifier);
        assertThat(v.normalized()).isEqualTo(normalized);
    }

    @ParameterizedTest(name = "{0} → unit={2} qualifier={3} normalized={4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            ≥120万平方米          | 120  | 万平方米 | -     | ≥120万平方米
            ≥ 120 万平方米        | 120  | 万平方米 | -     | ≥120万平方米
            ≥5万元               | 5    | 万元     | -     | ≥5万元
            109.45(万元)         | 109.45 | 万元   | -     | =109.45万元
            ≥3万人次             | 3    | 万人次   | -     | ≥3万人次
            ≥1.2万人             | 1.2  | 万人     | -     | ≥1.2万人
            不少于10万册          | 10   | 万册     | -     | ≥10万册
            2万亩以上             | 2    | 万亩     | -     | ≥2万亩
            ≥120万平方米绿地      | 120  | 万平方米 | 绿地  | ≥120万平方米
            ≤1.5亿元             | 1.5  | 亿元     | -     | ≤1.5亿元
            ≥30亿立方米           | 30   | 亿立方米 | -     | ≥30亿立方米
            ≥1.2万               | 1.2  | 万       | -     | ≥1.2万
            3万字                | 3    | 万       | 字    | =3万
            """)
    void a_measure_after_wan_or_yi_stays_in_the_unit_and_the_number_as_written(String raw, String number, String unit,
            String qualifier, String normalized) {
        TargetValue v = ValueNormalizer.parse(raw, 2024);
        assertThat(v.kind()).isEqualTo(ValueKind.NUMERIC);
        assertThat(v.number()).isEqualByComparingTo(new BigDecimal(number));
        assertThat(v.unit()).isEqualTo(unit);
        assertThat(v.qualifier()).isEqualTo(qualifier);
        assertThat(v.normalized()).isEqualTo(normalized);
    }

    @Test
    void a_unit_column_holding_a_measure_after_wan_is_a_unit_word() {
        assertThat(ValueNormalizer.isUnitWord("万平方米")).isTrue();
        assertThat(ValueNormalizer.isUnitWord("（万册）")).isTrue();
        assertThat(ValueNormalizer.isUnitWord("万人次")).isTrue();
        assertThat(ValueNormalizer.isUnitWord("万字")).isFalse();
        assertThat(ValueNormalizer.isUnitWord("平方米绿地")).isFalse();

        ValueNormalizer.SplitValue split = ValueNormalizer.parse("≥", "120", "万平方米", 2024);
        assertThat(split.value().normalized()).isEqualTo("≥120万平方米");
        assertThat(split.conflicts()).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            是                          | BOOLEAN     | 是
            否                          | BOOLEAN     | 否
            每月一次                    | FREQUENCY   | 每月一次
            每月中                      | FREQUENCY   | 每月中
            全年                        | FREQUENCY   | 全年
            当天                        | FREQUENCY   | 当天
            达标                        | QUALITATIVE | 达标
            健全                        | QUALITATIVE | 健全
            及时                        | QUALITATIVE | 及时
            合规                        | QUALITATIVE | 合规
            提升                        | QUALITATIVE | 提升
            增强                        | QUALITATIVE | 增强
            满意                        | QUALITATIVE | 满意
            一次性验收通过              | QUALITATIVE | 一次性验收通过
            相关                        | QUALITATIVE | 相关
            契合                        | QUALITATIVE | 契合
            合格                        | QUALITATIVE | 合格
            提高                        | QUALITATIVE | 提高
            有效保障                    | QUALITATIVE | 有效保障
            安全稳定                    | QUALITATIVE | 安全稳定
            较上年提升                  | QUALITATIVE | 较上年提升
            符合政策规定                | QUALITATIVE | 符合政策规定
            满足计划改造需求            | QUALITATIVE | 满足计划改造需求
            机制健全、执行有效          | QUALITATIVE | 机制健全、执行有效
            进一步提高珠海高新区知名度, 美誉度 | TEXT | 进一步提高珠海高新区知名度, 美誉度
            """)
    void words_are_boolean_frequency_qualitative_or_text(String raw, ValueKind kind, String normalized) {
        TargetValue v = ValueNormalizer.parse(raw, 2024);
        assertThat(v.raw()).isEqualTo(raw);
        assertThat(v.kind()).isEqualTo(kind);
        assertThat(v.normalized()).isEqualTo(normalized);
        assertThat(v.number()).isNull();
        assertThat(v.comparator()).isNull();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2024年10月底前完成          | 2024-10-31
            及时，2024年12月底前完成    | 2024-12-31
            12月底                      | 2024-12-31
            及时（2024年12月底前）      | 2024-12-31
            及时(2024年12月底前)        | 2024-12-31
            2024年6月30日前             | 2024-06-30
            2024年2月底                 | 2024-02-29
            年底前完成                  | 2024-12-31
            """)
    void deadlines_end_at_the_end_of_the_month_and_take_the_document_year_where_missing(String raw, String date) {
        TargetValue v = ValueNormalizer.parse(raw, 2024);
        assertThat(v.kind()).isEqualTo(ValueKind.DEADLINE);
        assertThat(v.deadline()).isEqualTo(LocalDate.parse(date));
        assertThat(v.normalized()).isEqualTo(date);
        assertThat(v.raw()).isEqualTo(raw);
    }

    @Test
    void a_month_without_a_year_and_without_a_document_year_stays_text() {
        TargetValue v = ValueNormalizer.parse("12月底", null);
        assertThat(v.kind()).isEqualTo(ValueKind.TEXT);
        assertThat(v.deadline()).isNull();
    }

    @Test
    void ranges_and_sentences_with_numbers_stay_text() {
        assertThat(ValueNormalizer.parse("6-8个", 2024).kind()).isEqualTo(ValueKind.TEXT);
        assertThat(ValueNormalizer.parse("专家评审劳务费800元/人/次, 预计6-8个项目", 2024).kind()).isEqualTo(ValueKind.TEXT);
    }

    @Test
    void null_stays_null_and_blank_is_empty_text() {
        assertThat(ValueNormalizer.parse(null, 2024)).isNull();
        assertThat(ValueNormalizer.parse("  ", 2024).kind()).isEqualTo(ValueKind.TEXT);
    }

    @Test
    void the_same_target_written_three_ways_normalises_alike() {
        assertThat(ValueNormalizer.parse("$\\geq 90.00\\%$", 2024).normalized())
                .isEqualTo(ValueNormalizer.parse("≥90.00 (%)", 2024).normalized())
                .isEqualTo(ValueNormalizer.parse("大于等于90%", 2024).normalized())
                .isEqualTo("≥90%");
    }

    @Test
    void split_columns_win_over_the_value_cell_and_say_where_they_disagree() {
        ValueNormalizer.SplitValue plain = ValueNormalizer.parse("≥", "12", "场", 2024);
        assertThat(plain.value().raw()).isEqualTo("≥12场");
        assertThat(plain.value().normalized()).isEqualTo("≥12场");
        assertThat(plain.conflicts()).isEmpty();

        ValueNormalizer.SplitValue conflict = ValueNormalizer.parse("≥", "≤5个", "%", 2024);
        assertThat(conflict.value().comparator()).isEqualTo(Comparator.GE);
        assertThat(conflict.value().unit()).isEqualTo("%");
        assertThat(conflict.conflicts()).hasSize(2);

        ValueNormalizer.SplitValue fraction = ValueNormalizer.parse("=", "0.9", "%", 2024);
        assertThat(fraction.fraction()).isTrue();
        assertThat(fraction.value().normalized()).isEqualTo("=90%");
        assertThat(ValueNormalizer.parse("=", "90%", "%", 2024).fraction()).isFalse();
        assertThat(ValueNormalizer.parse(null, " ", "%", 2024)).isNull();
    }
}
