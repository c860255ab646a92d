package org.perfgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Size, not speed, is asserted: the reader is one linear pass, and these documents must simply go through. */
class LargeDocumentTest {

    @Test
    void a_hundred_thousand_row_tab_export_is_read() {
        StringBuilder text = new StringBuilder(new String(Seeds.bytes(Seeds.ZHUHAI), StandardCharsets.UTF_8));
        for (int i = 0; i < 100_000; i++) {
            text.append("\n\t\t\t\t\t1-产出指标\t11-数量指标\t111").append(String.format("%06d", i % 1000))
                    .append("-指标").append(i).append("\t≥").append(i).append("(个)\t大于等于").append(i).append('%');
        }
        ParsedDocument doc = new DocumentReader().read("big.txt", text.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(doc.targetCount()).isEqualTo(62 + 100_000);
        assertThat(doc.lineCount()).isEqualTo(67 + 100_000);
    }

    @Test
    void pathological_value_cells_are_read_in_one_pass() {
        String digits = "1".repeat(200_000);
        assertThat(ValueNormalizer.parse(digits + "个", 2024).kind()).isEqualTo(ValueKind.TEXT);
        assertThat(ValueNormalizer.parse("≥".repeat(100_000) + "1", 2024).kind()).isEqualTo(ValueKind.TEXT);
        assertThat(ValueNormalizer.parse("1,".repeat(100_000), 2024).kind()).isEqualTo(ValueKind.TEXT);
    }
}
