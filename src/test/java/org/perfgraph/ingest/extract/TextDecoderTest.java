package org.perfgraph.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.perfgraph.ingest.Diagnostic;
import org.perfgraph.ingest.DiagnosticCode;
import org.perfgraph.ingest.Extraction;
import org.perfgraph.ingest.ImportRejectedException;

/** The encodings text documents arrive in, told from their bytes; what is damaged is said on its line. */
class TextDecoderTest {

    private static final String SPACE_ROWS = TextExtractorTest.resource("text/space-rows.txt");

    private static Extraction extract(byte[] bytes) {
        return Extractors.extract("fixture.txt", bytes);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static final List<List<String>> UTF8_ROWS = TextExtractorTest.rows(
            extract(SPACE_ROWS.getBytes(StandardCharsets.UTF_8)));

    @Test
    void gb18030_and_gbk_text_is_read_as_gb18030_with_an_info() {
        for (String charset : List.of("GB18030", "GBK")) {
            Extraction x = extract(SPACE_ROWS.getBytes(Charset.forName(charset)));
            assertThat(TextExtractorTest.rows(x)).as(charset).isEqualTo(UTF8_ROWS);
            assertThat(x.sourceLines()).isEqualTo(List.of(SPACE_ROWS.split("\n")));
            assertThat(x.diagnostics()).singleElement().satisfies(d -> {
                assertThat(d.code()).isEqualTo(DiagnosticCode.ENCODING);
                assertThat(d.severity()).isEqualTo(Diagnostic.Severity.INFO);
                assertThat(d.line()).isEqualTo(1);
                assertThat(d.args().get(0)).isEqualTo("GB18030");
            });
        }
    }

    @Test
    void utf16_with_a_byte_order_mark_is_read_in_either_byte_order() {
        byte[] le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, SPACE_ROWS.getBytes(StandardCharsets.UTF_16LE));
        byte[] be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, SPACE_ROWS.getBytes(StandardCharsets.UTF_16BE));
        for (byte[] bytes : List.of(le, be)) {
            Extraction x = extract(bytes);
            assertThat(TextExtractorTest.rows(x)).isEqualTo(UTF8_ROWS);
            assertThat(x.diagnostics()).singleElement().satisfies(d -> {
                assertThat(d.code()).isEqualTo(DiagnosticCode.ENCODING);
                assertThat(d.args().get(0)).startsWith("UTF-16");
            });
        }
    }

    @Test
    void utf8_with_a_byte_order_mark_reads_like_utf8_without_one() {
        Extraction x = extract(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                SPACE_ROWS.getBytes(StandardCharsets.UTF_8)));
        assertThat(TextExtractorTest.rows(x)).isEqualTo(UTF8_ROWS);
        assertThat(x.sourceLines().get(0)).isEqualTo("2025年度项目支出绩效目标申报表");
        assertThat(x.diagnostics()).isEmpty();
    }

    @Test
    void a_few_bytes_that_are_not_utf8_are_replaced_and_warned_on_their_lines_never_read_as_gbk() {
        String[] lines = SPACE_ROWS.split("\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i == 7 || i == 9) {
                // the line's first word saved as GBK inside a UTF-8 file: a paste from another program
                out.writeBytes(line.substring(0, 2).getBytes(Charset.forName("GBK")));
                line = line.substring(2);
            }
            out.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Extraction x = extract(out.toByteArray());
        assertThat(x.diagnostics()).extracting(Diagnostic::code).containsOnly(DiagnosticCode.REPLACEMENT_CHARACTER);
        assertThat(x.diagnostics()).extracting(Diagnostic::line).containsExactly(8, 10);
        assertThat(x.diagnostics()).allSatisfy(d -> {
            assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING);
            assertThat(d.message()).contains("not valid UTF-8");
        });
        assertThat(TextExtractorTest.rows(x).get(7)).element(1).asString().contains("\uFFFD").endsWith("指标");
        assertThat(TextExtractorTest.rows(x).get(8)).isEqualTo(UTF8_ROWS.get(8));
    }

    @Test
    void replacement_characters_already_in_the_text_are_warned_on_their_line() {
        Extraction x = extract("一级指标 二级指标 三级指标 指标值\n产出指标 数量指标 培训\uFFFD\uFFFD ≥300人次\n"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(x.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(DiagnosticCode.REPLACEMENT_CHARACTER);
            assertThat(d.line()).isEqualTo(2);
            assertThat(d.args()).containsExactly("2", "2");
            assertThat(d.message()).contains("already damaged");
        });
    }

    @Test
    void control_characters_in_utf16_are_refused_as_binary_at_their_line() {
        byte[] bytes = concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                "标题\n\n一级指标\u0000\n".getBytes(StandardCharsets.UTF_16LE));
        ImportRejectedException e = catchThrowableOfType(() -> extract(bytes), ImportRejectedException.class);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("binary");
    }

    @Test
    void a_carriage_return_alone_ends_a_line_for_the_line_numbers_of_refusals() {
        ImportRejectedException e = catchThrowableOfType(
                () -> extract("标题\r\r一级指标\u0001\r".getBytes(StandardCharsets.UTF_8)), ImportRejectedException.class);
        assertThat(e.line()).isEqualTo(3);
    }
}
