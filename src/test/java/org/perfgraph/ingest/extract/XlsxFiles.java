package org.perfgraph.ingest.extract;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writing test workbooks, and rewriting parts of a written one (to make damaged, huge or hostile packages). */
final class XlsxFiles {

    private XlsxFiles() {
    }

    interface PartWriter {
        void write(String original, OutputStream out) throws IOException;
    }

    static byte[] write(Consumer<XSSFWorkbook> fill) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            fill.accept(wb);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The package with one part rewritten (writer given the part's text) or, with a null writer, left out. */
    static byte[] rewrite(byte[] xlsx, String part, PartWriter writer) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream out = new ZipOutputStream(bytes)) {
                ZipEntry e;
                while ((e = in.getNextEntry()) != null) {
                    byte[] data = in.readAllBytes();
                    if (e.getName().equals(part)) {
                        if (writer == null) {
                            continue;
                        }
                        out.putNextEntry(new ZipEntry(part));
                        writer.write(new String(data, StandardCharsets.UTF_8), out);
                    } else {
                        out.putNextEntry(new ZipEntry(e.getName()));
                        out.write(data);
                    }
                    out.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
