package org.perfgraph.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.perfgraph.ingest.Diagnostic;
import org.perfgraph.ingest.DiagnosticCode;
import org.perfgraph.ingest.Extraction;
import org.perfgraph.ingest.FileKind;
import org.perfgraph.ingest.ImportRejectedException;
import org.perfgraph.ingest.Table;

/**
 * files/targets.xls is {@link SheetFixtures#targetsWorkbook()} converted once by LibreOffice 
 * ({@code soffice --headless --convert-to xls}): the same grid must come out of it.
 */
class XlsExtractorTest {

    static byte[] resource(String name) throws IOException {
        try (InputStream in = XlsExtractorTest.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void an_xls_workbook_gives_the_same_grid_as_the_xlsx_it_was_saved_from() throws IOException {
        Extraction x = Extractors.extract("targets.xls", resource("files/targets.xls"));

        assertThat(x.fileKind()).isEqualTo(FileKind.XLS);
        assertThat(x.tables()).extracting(Table::name).containsExactly("sheet 项目表", "sheet 填表说明");
        assertThat(SheetFixtures.render(x.tables().get(0))).containsExactlyElementsOf(XlsxExtractorTest.TARGETS_GRID);
        assertThat(x.sourceLines()).hasSize(10).element(6).isEqualTo("\t\t\t效益指标\t满意度指标\t群众满意度\t90%");
        assertThat(x.diagnostics()).extracting(Diagnostic::code, Diagnostic::place)
                .containsExactlyInAnyOrder(tuple(DiagnosticCode.CELL_UNREADABLE, "sheet 项目表, row 9, column H"),
                        tuple(DiagnosticCode.FILE_NOTE, "sheet 填表说明"), tuple(DiagnosticCode.FILE_NOTE, "sheet Sheet3"));
    }

    @Test
    void an_xls_with_a_damaged_workbook_stream_is_refused_as_damaged() throws IOException {
        // the container's directory stays readable; the records of the Workbook stream do not
        byte[] cut = resource("files/targets.xls");
        Arrays.fill(cut, 512, 4096, (byte) 0x7F);

        assertThatThrownBy(() -> Extractors.extract("截断.xls", cut))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessageStartingWith("截断.xls: the workbook is damaged or cut off and cannot be read (");
    }
}
