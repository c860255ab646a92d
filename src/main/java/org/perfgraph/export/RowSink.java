package org.perfgraph.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Where exported rows go, one at a time: CSV text or an xlsx sheet streamed through POI's SXSSF. */
interface RowSink extends AutoCloseable {

    void row(List<?> cells);

    /** Finishes the file; a sink that is not finished leaves no temporary files behind either. */
    @Override
    void close();

    static RowSink of(String format, OutputStream out) {
        return format.equals("xlsx") ? new Xlsx(out) : new Csv(out);
    }

    /** UTF-8 with a BOM (what Excel on Chinese Windows needs to read it as UTF-8), RFC 4180 quoting, CRLF. */
    final class Csv implements RowSink {
        private final Writer out;

        Csv(OutputStream stream) {
            this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            write("\uFEFF");
        }

        @Override
        public void row(List<?> cells) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    line.append(',');
                }
                Object v = cells.get(i);
                String s = Cells.text(v);
                if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                    line.append('"').append(s.replace("\"", "\"\"")).append('"');
                } else {
                    line.append(s);
                }
            }
            write(line.append("\r\n").toString());
        }

        private void write(String s) {
            try {
                out.write(s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * An xlsx workbook of 100 rows in memory at a time (the rest in SXSSF's compressed temporary files, deleted on
     * close); a sheet holds at most 1,048,576 rows, so longer lists go on in further sheets with the header again.
     */
    final class Xlsx implements RowSink {
        static final int SHEET_ROWS = 1_048_576;
        private final OutputStream out;
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        private List<?> header;
        private Sheet sheet;
        private int next;

        Xlsx(OutputStream out) {
            this.out = out;
            workbook.setCompressTempFiles(true);
        }

        @Override
        public void row(List<?> cells) {
            if (header == null) {
                header = cells;
            }
            if (sheet == null || next == SHEET_ROWS) {
                sheet = workbook.createSheet("Sheet" + (workbook.getNumberOfSheets() + 1));
                next = 0;
                if (cells != header) {
                    write(header);
                }
            }
            write(cells);
        }

        private void write(List<?> cells) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < cells.size(); i++) {
                Object v = cells.get(i);
                if (v == null) {
                    continue;
                }
                if (v instanceof Long || v instanceof Integer || v instanceof Double) {
                    // counts and shares as numbers; a share is a ratio, no exact decimal to keep
                    row.createCell(i).setCellValue(((Number) v).doubleValue());
                } else {
                    // decimals as text: a double would round an amount like 11347200.01 in the sheet
                    row.createCell(i).setCellValue(Cells.text(v));
                }
            }
        }

        @Override
        public void close() {
            try {
                workbook.write(out);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                workbook.dispose();
                try {
                    workbook.close();
                } catch (IOException ignored) {
                    // disposed above; nothing left to release
                }
            }
        }
    }
}
