package org.perfgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CategoryVocabularyTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            社会效益                        | 社会效益指标
            22-社会效益                     | 社会效益指标
            1-产出指标                      | 产出指标
            服务对象满意度                  | 服务对象满意度指标
            31-服务对象满意度               | 服务对象满意度指标
            社会公众或服务对象满意度指标    | 服务对象满意度指标
            时效指标(工期指标)              | 时效指标
            时效指标（工期指标）            | 时效指标
            可持续影响                      | 可持续影响指标
            经济成本指标                    | 经济成本指标
            绩效 指标 成本指标              | -
            """)
    void label_variants_resolve_to_the_canonical_name(String label, String canonical) {
        assertThat(CategoryVocabulary.canonical(label).orElse("-")).isEqualTo(canonical);
    }

    @Test
    void levels_and_parents_come_from_one_table_with_both_trees() {
        assertThat(CategoryVocabulary.names(1)).containsExactly("产出指标", "效益指标", "满意度指标", "成本指标");
        assertThat(CategoryVocabulary.isL1("成本指标")).isTrue();
        assertThat(CategoryVocabulary.isL2("成本指标")).isTrue();
        assertThat(CategoryVocabulary.parentOf("成本指标")).isEqualTo("产出指标");
        assertThat(CategoryVocabulary.parentOf("经济成本指标")).isEqualTo("成本指标");
        assertThat(CategoryVocabulary.parentOf("社会效益")).isEqualTo("效益指标");
        assertThat(CategoryVocabulary.parentOf("数量指标")).isEqualTo("产出指标");
        assertThat(CategoryVocabulary.parentOf("服务对象满意度指标")).isEqualTo("满意度指标");
        assertThat(CategoryVocabulary.parentOf("产出指标")).isNull();
        assertThat(CategoryVocabulary.isL1("数量指标")).isFalse();
        assertThat(CategoryVocabulary.isL2("效益指标")).isFalse();
    }

    @Test
    void garbled_labels_are_repaired_by_shared_characters_and_context() {
        assertThat(CategoryVocabulary.looksLikeGarbledLabel("仁云双益指标")).isTrue();
        assertThat(CategoryVocabulary.looksLikeGarbledLabel("指标")).isFalse();
        assertThat(CategoryVocabulary.looksLikeGarbledLabel("绩效 指标")).isFalse();
        assertThat(CategoryVocabulary.repairCandidates("仁云双益指标", 2))
                .containsExactly("经济效益指标", "社会效益指标", "生态效益指标");
        assertThat(CategoryVocabulary.repair("仁云双益指标", 2, "效益指标", "社会效益指标")).contains("社会效益指标");
        assertThat(CategoryVocabulary.repair("仁云双益指标", 2, "效益指标", null)).isEmpty();
        assertThat(CategoryVocabulary.repairCandidates("社会责任双星指标", 2)).containsExactly("社会成本指标", "社会效益指标");
        assertThat(CategoryVocabulary.repair("社会责任双星指标", 2, null, "社会效益指标")).contains("社会效益指标");
        assertThat(CategoryVocabulary.repairCandidates("双星指标", 1)).isEmpty();
    }
}
