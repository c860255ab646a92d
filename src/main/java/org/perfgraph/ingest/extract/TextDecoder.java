package org.perfgraph.ingest.extract;

import org.perfgraph.ingest.ImportRejectedException;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a document, decoded after the byte-level checks that refuse what cannot be a text document:
 * empty, binary (NUL or control bytes), a line over 1 MiB, bytes that are not UTF-8. One pass over the bytes
 * before anything is turned into strings.
 */
final class TextDecoder {

    static final int MAX_LINE_BYTES = 1 << 20;

    private final List<String> lines;

    private TextDecoder(List<String> lines) {
        this.lines = lines;
    }

    /** Every line, in order. */
    List<String> lines() {
        return lines;
    }

    /** 1-based. */
    String line(int number) {
        return lines.get(number - 1);
    }

    int lineCount() {
        return lines.size();
    }

    static TextDecoder decode(String name, byte[] content) {
        if (content == null || content.length == 0) {
            throw new ImportRejectedException(name, 1, "the document is empty (0 bytes)");
        }
        int offset = hasBom(content) ? 3 : 0;
        checkBytes(name, content, offset);
        String text = decodeUtf8(name, content, offset);
        if (text.isBlank()) {
            throw new ImportRejectedException(name, 1, "the document is empty (only whitespace)");
        }
        return new TextDecoder(split(text));
    }

    private static boolean hasBom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }

    private static void checkBytes(String name, byte[] content, int from) {
        int line = 1;
        int lineStart = from;
        for (int i = from; i < content.length; i++) {
            int b = content[i] & 0xFF;
            if (b == '\n') {
                checkLength(name, line, i - lineStart);
                line++;
                lineStart = i + 1;
            } else if (b == 0) {
                throw new ImportRejectedException(name, line,
                        "a NUL byte at byte offset " + i + ": this is a binary file, not a text document");
            } else if (b < 0x20 && b != '\t' && b != '\r' && b != '\f') {
                throw new ImportRejectedException(name, line, String.format(
                        "control byte 0x%02X at byte offset %d: this is a binary file, not a text document", b, i));
            }
        }
        checkLength(name, line, content.length - lineStart);
    }

    private static void checkLength(String name, int line, int bytes) {
        if (bytes > MAX_LINE_BYTES) {
            throw new ImportRejectedException(name, line,
                    "line " + line + " is " + bytes + " bytes; longer than the 1 MiB limit");
        }
    }

    private static String decodeUtf8(String name, byte[] content, int from) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content, from, content.length - from);
        CharBuffer out = CharBuffer.allocate(content.length - from + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int bad = in.position();
            int line = 1;
            for (int i = 0; i < bad; i++) {
                if (content[i] == '\n') {
                    line++;
                }
            }
            throw new ImportRejectedException(name, line, String.format(
                    "byte 0x%02X at byte offset %d is not valid UTF-8 (is the file GBK or another encoding?); "
                            + "save it as UTF-8", content[bad] & 0xFF, bad));
        }
        out.flip();
        return out.toString();
    }

    private static List<String> split(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < n) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    static List<String> csvCells(String name, int lineNumber, String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
            if (c == '\t') {
                throw new ImportRejectedException(name, lineNumber, "a CSV cell holds a tab character; save the file without tabs in cells");
            }
        }
        if (quoted) {
            throw new ImportRejectedException(name, lineNumber,
                    "a quoted CSV cell is not closed on this line (cells spanning lines are not supported)");
        }
        cells.add(cell.toString());
        return cells;
    }

    /** Splits a line on tabs, keeping empty cells (a trailing tab gives a trailing empty cell). */
    static String[] cells(String line) {
        return line.split("\t", -1);
    }
}
