package org.perfgraph.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.perfgraph.ingest.Extraction;
import org.perfgraph.ingest.FileKind;
import org.perfgraph.ingest.ImportRejectedException;
import org.perfgraph.ingest.Table;
import org.perfgraph.ingest.TableRow;

/**
 * The PDFs were printed once with LibreOffice from {@link WordFixtures}; the scanned and encrypted copies are made
 * from them here with PDFBox. A PDF has glyphs, not cells: a ruled table's cells come from its drawn lines (merged
 * cells where a line is missing, a wrapped cell one cell again); a page without ruling is rebuilt from positions.
 */
class PdfExtractorTest {

    /**
     * LibreOffice sets a fifth of an em between Asian and Western glyphs of one text (autospace): the digits of
     * ≥120 and the 万 after them are drawn apart, with no space glyph; the cell reads as typed, and so do the code
     * and name of 601002-某市园林绿化局 and the year in the title. The breadcrumb's spaces are drawn and stay.
     */
    @Test
    void the_gap_libreoffice_sets_between_digits_and_han_is_no_space() throws IOException {
        Extraction e = Extractors.extract("园林.pdf", XlsExtractorTest.resource("matrix/title-rows-above-header/document.pdf"));

        assertThat(WordFixtures.render(e)).containsExactly(
                "[text POSITIONS]",
                "1 page 1: 首页 > 信息公开 > 财政资金 > 预算绩效",
                "2 page 1: 索引号：11330000-2025-00321 | 发布日期：2025-03-01",
                "3 page 1: 某市园林绿化局2025年度项目支出绩效目标表",
                "4 page 1: （2025年度）",
                "5 page 1: 单位：万元",
                "[table 1 GRID]",
                "6 page 1, table 1, row 1: 部门名称 | 项目名称 | 本年预算 | 一级指标 | 二级指标 | 三级指标 | 年度指标值",
                "7 page 1, table 1, row 2: 601002-某市园林绿化局 | 城市绿地养护 | 95.50 | 产出指标 | 数量指标 | 养护绿地面积"
                        + " | ≥120万平方米",
                "8 page 1, table 1, row 3: 601002-某市园林绿化局 | 城市绿地养护 | 95.50 | 产出指标 | 质量指标 | 苗木成活率 | ≥95%",
                "9 page 1, table 1, row 4: 601002-某市园林绿化局 | 城市绿地养护 | 95.50 | 满意度指标 | 服务对象满意度指标"
                        + " | 市民满意度 | ≥90%");
    }

    @Test
    void a_ruled_pdf_gives_one_grid_table_per_ruled_table_with_merged_cells_covered_and_text_between() {
        Extraction e = Extractors.extract("文化馆.pdf", WordFixtures.resource("label-then-indicators.pdf"));

        assertThat(e.fileKind()).isEqualTo(FileKind.PDF);
        assertThat(e.tables()).extracting(Table::name, Table::delimiting).containsExactly(
                tuple("text", Table.Delimiting.POSITIONS), tuple("table 1", Table.Delimiting.GRID),
                tuple("text", Table.Delimiting.POSITIONS), tuple("table 2", Table.Delimiting.GRID),
                tuple("text", Table.Delimiting.POSITIONS));
        assertThat(WordFixtures.render(e)).containsExactly(
                "[text POSITIONS]",
                "1 page 1: 2024年度项目支出绩效目标申报表",
                "2 page 1: 填报单位：某县文化馆 | 单位：万元",
                "[table 1 GRID]",
                "3 page 1, table 1, row 1: 项目名称 | 送戏下乡经费 | 主管部门 | 某县文化和旅游局",
                "4 page 1, table 1, row 2: 实施单位 | 某县文化馆 | 项目资金 | 12.00",
                "5 page 1, table 1, row 3: 年度目标 | 全年完成送戏下乡演出12场，惠及群众1万人次。"
                        + " | ^全年完成送戏下乡演出12场，惠及群众1万人次。 | ^全年完成送戏下乡演出12场，惠及群众1万人次。",
                "[text POSITIONS]",
                "6 page 1: 绩效指标",
                "[table 2 GRID]",
                "7 page 1, table 2, row 1: 一级指标 | 二级指标 | 三级指标 | 指标值 | 备注",
                "8 page 1, table 2, row 2: 产出指标 | 数量指标 | 演出场次 | ≥12场 | ",
                "9 page 1, table 2, row 3: ^产出指标 | ^数量指标 | 惠及群众人次 | ≥10000人次 | ",
                "10 page 1, table 2, row 4: ^产出指标 | 时效指标 | 演出完成及时率 | 100% | ",
                "11 page 1, table 2, row 5: 效益指标 | 社会效益指标 | 群众文化生活丰富度 | 提升 | ",
                "12 page 1, table 2, row 6: ^效益指标 | 可持续影响指标 | 长效管理机制健全性 | 健全 | ",
                // wrapped by the printer inside its cell (服务对象满意度指 / 标): one cell again, no junk row 标
                "13 page 1, table 2, row 7: 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% | 抽样调查",
                "[text POSITIONS]",
                "14 page 1: 填报人：张三 | 联系电话：0571-1234567");
        assertThat(e.sourceLines().get(7)).isEqualTo("产出指标\t数量指标\t演出场次\t≥12场\t");
    }

    @Test
    void a_one_table_form_pdf_keeps_label_cells_merged_down_and_across_in_one_grid() {
        Extraction e = Extractors.extract("道路.pdf", WordFixtures.resource("one-table-form.pdf"));

        assertThat(WordFixtures.render(e)).containsSubsequence(
                "4 page 1, table 1, row 2: 项目资金 | 年度资金总额 | 80.00 | ^80.00 | 其中：财政拨款 | 80.00",
                "5 page 1, table 1, row 3: ^项目资金 | 其他资金 | 0.00 | ^0.00 | 上年结转 | 0.00",
                "7 page 1, table 1, row 5: 绩效指标 | 一级指标 | 二级指标 | 三级指标 | ^三级指标 | 指标值",
                "8 page 1, table 1, row 6: ^绩效指标 | 产出指标 | 数量指标 | 养护里程 | ^养护里程 | ≥120公里",
                "9 page 1, table 1, row 7: ^绩效指标 | ^产出指标 | 质量指标 | 路面完好率 | ^路面完好率 | ≥95%",
                "10 page 1, table 1, row 8: ^绩效指标 | 效益指标 | 社会效益指标 | 群众出行便利度 | ^群众出行便利度 | 提升");
    }

    @Test
    void labels_wrapped_in_narrow_cells_are_one_cell_and_two_touching_tables_are_told_apart_by_their_columns() {
        Extraction e = Extractors.extract("校舍.pdf", WordFixtures.resource("split-labels.pdf"));

        assertThat(WordFixtures.render(e)).containsSubsequence(
                "[table 1 GRID]",
                "2 page 1, table 1, row 1: 项目名称 | 校舍维修改造工程 | 预算数（万元） | 250.00 | ^250.00 | ^250.00 | ^250.00",
                // a nested table's cell wrapped by the printer (1380000 / 0000) is one number again
                "4 page 1, table 1, row 3: ^实施单位 | ^某市第一中学 | ^联系人 |  | 王五 | 13800000000 | ",
                "[table 2 GRID]",
                "5 page 1, table 2, row 1: 一级指标 | 二级指标 | 三级指标 | 年度指标值",
                // a PDF cannot tell a hand break from the printer's wrap: a cell's lines join without a space
                "6 page 1, table 2, row 2: 产出指标 | 数量指标 | 维修校舍面积 | ≥500平方米",
                "7 page 1, table 2, row 3: 产出指标 | 时效指标 | 完工时间 | 2024年10月底前完成",
                "8 page 1, table 2, row 4: 效益指标 | 社会效益指标 | Wi-Fi覆盖率 | ≥30.00(%)");
    }

    @Test
    void a_page_without_ruling_is_rebuilt_from_the_text_positions() throws IOException {
        byte[] unruled;
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                String[][] rows = {{"Level1", "Level2", "Indicator", "Value"}, {"Output", "Quantity", "Shows", ">=12"}};
                for (int r = 0; r < rows.length; r++) {
                    for (int c = 0; c < rows[r].length; c++) {
                        content.beginText();
                        content.setFont(font, 10);
                        content.newLineAtOffset(72 + 110 * c, 700 - 20 * r);
                        content.showText(rows[r][c]);
                        content.endText();
                    }
                }
                // an underline is a stroke, but no table
                content.moveTo(72, 695);
                content.lineTo(300, 695);
                content.stroke();
            }
            unruled = bytes(doc);
        }

        Extraction e = Extractors.extract("plain.pdf", unruled);

        assertThat(WordFixtures.render(e)).containsExactly("[pages POSITIONS]",
                "1 page 1: Level1 | Level2 | Indicator | Value", "2 page 1: Output | Quantity | Shows | >=12");
    }

    @Test
    void strokes_drawn_as_lines_and_as_thin_filled_rectangles_make_one_grid_with_a_merged_slot() {
        // a 2x2 grid whose middle vertical stops at the first row: the second row is one merged slot
        List<PdfRulings.Segment> segments = List.of(
                new PdfRulings.Segment(true, 0, 100, 0), new PdfRulings.Segment(true, 0, 100, 20),
                new PdfRulings.Segment(true, 0, 100, 40), new PdfRulings.Segment(false, 0, 40, 0),
                new PdfRulings.Segment(false, 0, 40, 100), new PdfRulings.Segment(false, 0, 20, 50),
                // a stray underline far away is no table
                new PdfRulings.Segment(true, 0, 80, 300));

        List<PdfRulings.Grid> grids = PdfRulings.grids(segments);

        assertThat(grids).singleElement().satisfies(g -> {
            assertThat(g.rows()).isEqualTo(2);
            assertThat(g.columns()).isEqualTo(2);
            assertThat(g.region()[0]).containsExactly(0, 1);
            assertThat(g.region()[1]).containsExactly(2, 2);
        });
    }

    @Test
    void a_pdf_of_page_images_is_refused_as_having_no_text_layer() throws IOException {
        byte[] scanned;
        try (PDDocument source = Loader.loadPDF(WordFixtures.resource("label-then-indicators.pdf"));
             PDDocument copy = new PDDocument()) {
            BufferedImage image = new PDFRenderer(source).renderImageWithDPI(0, 72);
            PDPage page = new PDPage(source.getPage(0).getMediaBox());
            copy.addPage(page);
            PDImageXObject xo = LosslessFactory.createFromImage(copy, image);
            try (PDPageContentStream content = new PDPageContentStream(copy, page)) {
                content.drawImage(xo, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
            }
            scanned = bytes(copy);
        }

        assertThatThrownBy(() -> Extractors.extract("扫描件.pdf", scanned))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessage("扫描件.pdf: the PDF has no text layer (scanned pages?); OCR is out of scope");
    }

    @Test
    void a_pdf_with_a_user_password_is_refused() throws IOException {
        byte[] locked = protect("secret");

        assertThatThrownBy(() -> Extractors.extract("加密.pdf", locked))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessage("加密.pdf: the PDF is encrypted with a password; save or print it without a password and"
                        + " import it again");
    }

    @Test
    void a_pdf_restricted_only_by_an_owner_password_opens_and_is_read() throws IOException {
        byte[] restricted = protect("");

        Extraction e = Extractors.extract("限制.pdf", restricted);

        assertThat(e.tables()).flatExtracting(Table::rows).extracting(TableRow::joined)
                .contains("产出指标\t数量指标\t演出场次\t≥12场\t");
    }

    @Test
    void a_corrupt_pdf_is_refused_with_pdfbox_s_reason_in_one_line() {
        byte[] corrupt = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\ngarbage\n"
                .getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> Extractors.extract("坏.pdf", corrupt))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessageStartingWith("坏.pdf: the PDF cannot be read: ")
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining("Exception");
    }

    @Test
    void a_pdf_over_the_page_limit_is_refused_before_its_text_is_read() throws IOException {
        byte[] big;
        try (PDDocument doc = new PDDocument()) {
            for (int i = 0; i <= PdfExtractor.MAX_PAGES; i++) {
                doc.addPage(new PDPage());
            }
            big = bytes(doc);
        }

        assertThatThrownBy(() -> Extractors.extract("厚.pdf", big))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessage("厚.pdf: the PDF has 2001 pages, more than the 2000 read; split it into smaller files");
    }

    private static byte[] protect(String userPassword) throws IOException {
        try (PDDocument doc = Loader.loadPDF(WordFixtures.resource("label-then-indicators.pdf"))) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", userPassword,
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            return bytes(doc);
        }
    }

    private static byte[] bytes(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }
}
