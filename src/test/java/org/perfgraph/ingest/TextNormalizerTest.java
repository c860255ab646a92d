package org.perfgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void full_width_punctuation_letters_and_digits_fold_to_half_width() {
        assertThat(TextNormalizer.normalize("对各镇（园区）培训；不少于６次：ＡＢ，完成"))
                .isEqualTo("对各镇(园区)培训;不少于6次:AB,完成");
    }

    @Test
    void whitespace_between_chinese_characters_is_removed_and_other_runs_collapse() {
        assertThat(TextNormalizer.normalize("  项目 绩效 目标  ")).isEqualTo("项目绩效目标");
        assertThat(TextNormalizer.normalize("预计制作投资指南, PPT,   大型展板")).isEqualTo("预计制作投资指南, PPT, 大型展板");
        assertThat(TextNormalizer.normalize("工作\u3000内容")).isEqualTo("工作内容");
        assertThat(TextNormalizer.normalize(null)).isNull();
    }

    @Test
    void indicator_names_lose_every_whitespace() {
        assertThat(TextNormalizer.normalizeName(" 提升政府的公众形象 (是/否) ")).isEqualTo("提升政府的公众形象(是/否)");
        assertThat(TextNormalizer.normalizeName("购买（审计、考核） 数量")).isEqualTo("购买(审计、考核)数量");
    }
}
