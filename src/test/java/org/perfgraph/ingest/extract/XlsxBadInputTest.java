package org.perfgraph.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.perfgraph.ingest.Extraction;
import org.perfgraph.ingest.ImportRejectedException;

/** Workbooks that cannot be read are refused with the document and the place, never a stack trace or an OOM. */
class XlsxBadInputTest {

    @Test
    void an_encrypted_workbook_is_refused_as_encrypted() throws Exception {
        byte[] plain = SheetFixtures.targetsWorkbook();
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            enc.confirmPassword("secret");
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(plain);
            }
            fs.writeFilesystem(encrypted);
        }

        assertThatThrownBy(() -> Extractors.extract("加密.xlsx", encrypted.toByteArray()))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessage("加密.xlsx: the file is encrypted (password-protected); save it without a password and"
                        + " import it again");
    }

    @Test
    void a_cut_off_workbook_is_refused_as_damaged() {
        byte[] whole = SheetFixtures.targetsWorkbook();
        byte[] cut = Arrays.copyOf(whole, whole.length * 2 / 3);

        assertThatThrownBy(() -> Extractors.extract("截断.xlsx", cut))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessageStartingWith("截断.xlsx: the workbook is damaged or cut off and cannot be read (")
                .hasMessageEndingWith("); open and save it again in Excel or LibreOffice");
    }

    @Test
    void a_workbook_without_its_workbook_part_is_refused_as_damaged() {
        byte[] broken = XlsxFiles.rewrite(SheetFixtures.targetsWorkbook(), "xl/workbook.xml", null);

        assertThatThrownBy(() -> Extractors.extract("缺部件.xlsx", broken))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessageStartingWith("缺部件.xlsx: the workbook is damaged or cut off and cannot be read (");
    }

    @Test
    void a_workbook_without_a_styles_part_is_read_with_general_formats() {
        byte[] bare = XlsxFiles.rewrite(XlsxFiles.write(wb -> {
            var row = wb.createSheet("项目表").createRow(0);
            row.createCell(0).setCellValue("预算数");
            row.createCell(1).setCellValue(120000);
        }), "xl/styles.xml", null);

        Extraction x = Extractors.extract("无样式.xlsx", bare);

        assertThat(SheetFixtures.render(x.tables().get(0))).containsExactly("1 | sheet 项目表, row 1 | 预算数 | 120000");
    }

    @Test
    void a_sheet_with_damaged_xml_is_refused_naming_the_sheet() {
        byte[] broken = XlsxFiles.rewrite(SheetFixtures.targetsWorkbook(), "xl/worksheets/sheet1.xml",
                (xml, out) -> out.write(xml.substring(0, xml.length() / 2).getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> Extractors.extract("坏表.xlsx", broken))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessageStartingWith("坏表.xlsx: sheet 项目表: the workbook is damaged or cut off");
    }

    @Test
    void a_zip_bomb_is_refused_before_it_is_inflated() {
        // 64 MiB of one repeated cell packs to well under 1% of its size: the part is refused as it inflates
        byte[] bomb = XlsxFiles.rewrite(SheetFixtures.targetsWorkbook(), "xl/worksheets/sheet1.xml", (xml, out) -> {
            int data = xml.indexOf("<sheetData>") + "<sheetData>".length();
            out.write(xml.substring(0, data).getBytes(StandardCharsets.UTF_8));
            byte[] row = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>".getBytes(StandardCharsets.UTF_8);
            out.write(row);
            byte[] filler = new byte[1 << 20];
            Arrays.fill(filler, (byte) 'A');
            for (int i = 0; i < 64; i++) {
                out.write(filler);
            }
            out.write("</t></is></c></row></sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        });
        assertThat(bomb.length).isLessThan(1 << 20);

        assertThatThrownBy(() -> Extractors.extract("炸弹.xlsx", bomb))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessage("炸弹.xlsx: sheet 项目表: a part of the workbook inflates to more than 100 times its packed"
                        + " size (a zip bomb?); refused unread");
    }

    @Test
    void a_million_styled_empty_rows_after_the_table_are_skipped() {
        Extraction x = Extractors.extract("百万空行.xlsx", withEmptyRows(SheetFixtures.targetsWorkbook()));

        assertThat(SheetFixtures.render(x.tables().get(0))).containsExactlyElementsOf(XlsxExtractorTest.TARGETS_GRID);
    }

    @Test
    void a_sheet_of_a_million_empty_rows_and_nothing_else_is_refused_as_holding_no_table() {
        byte[] empty = withEmptyRows(XlsxFiles.write(wb -> wb.createSheet("Sheet1").createRow(0).createCell(0)));

        assertThatThrownBy(() -> Extractors.extract("空行.xlsx", empty))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessage("空行.xlsx: the workbook holds no table: every sheet is empty (Sheet1)");
    }

    /**
     * The first sheet with its dimension set to the whole sheet and styled empty rows (with styled empty cells) down
     * to row 1,048,576, as spreadsheets formatted by whole columns are saved.
     */
    static byte[] withEmptyRows(byte[] xlsx) {
        return XlsxFiles.rewrite(xlsx, "xl/worksheets/sheet1.xml", (xml, out) -> {
            String head = xml.replaceFirst("<dimension ref=\"[^\"]*\"/>", "<dimension ref=\"A1:L1048576\"/>");
            int end = head.indexOf("</sheetData>");
            if (end < 0) {
                end = head.indexOf("<sheetData/>");
                head = head.replace("<sheetData/>", "<sheetData></sheetData>");
            }
            out.write(head.substring(0, end).getBytes(StandardCharsets.UTF_8));
            StringBuilder rows = new StringBuilder();
            for (int r = 20; r <= 1_048_576; r++) {
                rows.append("<row r=\"").append(r).append("\" s=\"1\" customFormat=\"1\"><c r=\"A").append(r)
                        .append("\" s=\"1\"/><c r=\"B").append(r).append("\" s=\"1\"/></row>");
                if (rows.length() > 1 << 16) {
                    out.write(rows.toString().getBytes(StandardCharsets.UTF_8));
                    rows.setLength(0);
                }
            }
            out.write(rows.toString().getBytes(StandardCharsets.UTF_8));
            out.write(head.substring(end).getBytes(StandardCharsets.UTF_8));
        });
    }

}
