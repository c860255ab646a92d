package org.perfgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The tab export's columns saved as CSV: detected from the content, quoting honoured, lines kept. */
class CsvLayoutTest {

    private static final String HEADER = "\n\n测试区投资促进中心2024年度重点绩效管理项目绩效目标\n\n"
            + "预算单位,项目名称,金额（元）,2024年度总体绩效目标,2024年度绩效目标,一级指标,二级指标,三级指标,实施周期指标值,年度指标值\n";

    private ParsedDocument read(String content) {
        return new DocumentReader().read("fixture.csv", content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void quoted_cells_keep_their_commas_and_doubled_quotes() {
        ParsedDocument doc = read(HEADER
                + "900001-测试中心,测试项目,1000,\"目标甲, 含逗号\",\"年度目标 \"\"乙\"\"\",1-产出指标,11-数量指标,111000001-测试数量,≥6,≥6\n"
                + ",,,,,3-满意度指标,31-服务对象满意度,331000001-测试满意度,90%,90%\n");
        assertThat(doc.format()).isEqualTo(DocumentFormat.CSV);
        ParsedProject project = doc.projects().get(0);
        assertThat(project.goals()).extracting(GoalStatement::raw).containsExactly("目标甲, 含逗号", "年度目标 \"乙\"");
        assertThat(project.targets()).hasSize(2);
        assertThat(project.targets().get(1).line()).isEqualTo(7);
        assertThat(project.targets().get(1).annual().raw()).isEqualTo("90%");
    }

    @Test
    void an_unclosed_quote_is_refused_with_its_line() {
        assertThatThrownBy(() -> read(HEADER + "900001-测试中心,测试项目,1000,\"目标甲,年度,1-产出指标,11-数量指标,111000001-测试数量,≥6,≥6\n"))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessageContaining("fixture.csv, line 6").hasMessageContaining("quoted");
    }
}
