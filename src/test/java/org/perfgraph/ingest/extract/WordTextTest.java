package org.perfgraph.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class WordTextTest {

    @Test
    void lines_of_a_cell_join_without_a_space_only_between_two_cjk_characters() {
        assertThat(WordText.joinLines(List.of("项目", "名称"))).isEqualTo("项目名称");
        assertThat(WordText.joinLines(List.of("预算数", "（万元）"))).isEqualTo("预算数（万元）");
        assertThat(WordText.joinLines(List.of("填报单位：", "某局"))).isEqualTo("填报单位：某局");
        assertThat(WordText.joinLines(List.of("完成率", "100%"))).isEqualTo("完成率 100%");
        assertThat(WordText.joinLines(List.of("ISO", "9001"))).isEqualTo("ISO 9001");
        assertThat(WordText.joinLines(List.of("≥500", "平方米"))).isEqualTo("≥500 平方米");
        assertThat(WordText.joinLines(List.of(" 产出", "", "指标 "))).isEqualTo("产出指标");
    }

    @Test
    void a_paragraph_splits_into_cells_at_runs_of_tabs() {
        assertThat(WordText.paragraphCells("填报单位：某县文化馆\t\t单位：万元")).containsExactly("填报单位：某县文化馆", "单位：万元");
        assertThat(WordText.paragraphCells(" \t ")).isEmpty();
    }
}
