package org.perfgraph.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * from them here with PDFBox. A PDF has glyphs, not cells: rows and cells are rebuilt from positions, a merged
 * cell's text stands once, and a cell's wrapped lines come out as rows of their own.
 */
class PdfExtractorTest {

    @Test
    void indicator_rows_of_a_pdf_come_out_as_cells_in_order_with_merged_cells_missing() {
        Extraction e = Extractors.extract("文化馆.pdf", WordFixtures.resource("label-then-indicators.pdf"));

        assertThat(e.fileKind()).isEqualTo(FileKind.PDF);
        assertThat(e.tables()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("pages");
            assertThat(t.delimiting()).isEqualTo(Table.Delimiting.POSITIONS);
        });
        assertThat(WordFixtures.render(e)).containsExactly(
                "[pages POSITIONS]",
                "1 page 1: 2024年度项目支出绩效目标申报表",
                "2 page 1: 填报单位：某县文化馆 | 单位：万元",
                "3 page 1: 项目名称 | 送戏下乡经费 | 主管部门 | 某县文化和旅游局",
                "4 page 1: 实施单位 | 某县文化馆 | 项目资金 | 12.00",
                "5 page 1: 年度目标 | 全年完成送戏下乡演出12场，惠及群众1万人次。",
                "6 page 1: 绩效指标",
                "7 page 1: 一级指标 | 二级指标 | 三级指标 | 指标值 | 备注",
                "8 page 1: 产出指标 | 数量指标 | 演出场次 | ≥12场",
                "9 page 1: 惠及群众人次 | ≥10000人次",
                "10 page 1: 时效指标 | 演出完成及时率 | 100%",
                "11 page 1: 效益指标 | 社会效益指标 | 群众文化生活丰富度 | 提升",
                "12 page 1: 可持续影响指标 | 长效管理机制健全性 | 健全",
                "13 page 1: 满意度指标 | 服务对象满意度指 | 群众满意度 | ≥90% | 抽样调查",
                "14 page 1: 标",
                "15 page 1: 填报人：张三 | 联系电话：0571-1234567");
        assertThat(e.sourceLines().get(7)).isEqualTo("产出指标\t数量指标\t演出场次\t≥12场");
    }

    @Test
    void a_one_table_form_pdf_keeps_names_and_values_of_its_indicator_rows_in_order() {
        Extraction e = Extractors.extract("道路.pdf", WordFixtures.resource("one-table-form.pdf"));

        List<String> rows = WordFixtures.render(e);
        assertThat(rows).containsSubsequence(
                "9 page 1: 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值",
                "10 page 1: 产出指标 | 数量指标 | 养护里程 | ≥120公里",
                "11 page 1: 质量指标 | 路面完好率 | ≥95%",
                "12 page 1: 效益指标 | 社会效益指标 | 群众出行便利度 | 提升");
        assertThat(rows).contains("4 page 1: 项目资金 | 年度资金总额 | 80.00 | 其中：财政 | 80.00", "5 page 1: 拨款");
    }

    @Test
    void labels_wrapped_in_narrow_cells_come_out_as_two_rows() {
        Extraction e = Extractors.extract("校舍.pdf", WordFixtures.resource("split-labels.pdf"));

        assertThat(WordFixtures.render(e)).containsSubsequence(
                "2 page 1: 项目 | 校舍维修 | 预算数 | 250.00",
                "3 page 1: 名称 | 改造工程 | （万元）",
                "9 page 1: 产出指标 | 数量指标 | 维修校舍 | ≥500",
                "10 page 1: 面积 | 平方米",
                "13 page 1: 效益指标 | 社会效益 | Wi-Fi | ≥30.00",
                "14 page 1: 指标 | 覆盖率 | (%)");
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

        assertThat(e.tables().get(0).rows()).extracting(TableRow::joined).contains("产出指标\t数量指标\t演出场次\t≥12场");
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
