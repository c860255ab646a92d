package org.perfgraph.ingest.extract;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import org.perfgraph.ingest.Diagnostic;
import org.perfgraph.ingest.DiagnosticCode;
import org.perfgraph.ingest.ImportRejectedException;

/**
 * The lines of a text document, decoded after the checks that refuse what cannot be a text document: empty, binary
 * (NUL or control characters), a line over 1 MiB. The encoding comes from the bytes: a UTF-8 or UTF-16 byte-order
 * mark; else UTF-8, unless so many sequences are invalid UTF-8 that the text is GB18030/GBK (and decodes cleanly as
 * such). Text that is UTF-8 except a few bytes stays UTF-8: the bad bytes become U+FFFD and their lines get a
 * warning, because re-reading a whole document in another encoding for a few bad bytes would garble every line.
 * Lines end at {@code \n}, {@code \r\n} or {@code \r}. Linear in the size of the document.
 */
final class TextDecoder {

    static final int MAX_LINE_BYTES = 1 << 20;

    private static final char REPLACEMENT = '\uFFFD';
    private static final Charset GB18030 = Charset.forName("GB18030");

    private final List<String> lines;
    private final List<Diagnostic> diagnostics;
    private final boolean endsWithLineBreak;

    private TextDecoder(List<String> lines, List<Diagnostic> diagnostics, boolean endsWithLineBreak) {
        this.lines = lines;
        this.diagnostics = diagnostics;
        this.endsWithLineBreak = endsWithLineBreak;
    }

    /** Every line, in order, as decoded (nothing removed). */
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

    /** The encoding read (INFO) and the lines with replacement characters (WARNING). */
    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /**
     * The same text without invisible characters ({@link TextCells#isInvisible}): what the shape of the lines and
     * their separators are told from, so that a bidi mark pasted between a cell and its closing pipe, or on a line of
     * its own, neither hides the separator nor becomes text of a cell.
     */
    TextDecoder visible() {
        List<String> shown = null;
        for (int i = 0; i < lines.size(); i++) {
            if (TextCells.hasInvisible(lines.get(i))) {
                if (shown == null) {
                    shown = new java.util.ArrayList<>(lines);
                }
                shown.set(i, TextCells.visible(lines.get(i)));
            }
        }
        return shown == null ? this : new TextDecoder(List.copyOf(shown), diagnostics, endsWithLineBreak);
    }

    /** False where the last line stops without a line break: a copy cut off inside a row looks like that. */
    boolean endsWithLineBreak() {
        return endsWithLineBreak;
    }

    static TextDecoder decode(String name, byte[] content) {
        if (content == null || content.length == 0) {
            throw new ImportRejectedException(name, 1, "the document is empty (0 bytes)");
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        String text;
        BitSet badLines = new BitSet();
        Charset utf16 = utf16Bom(content);
        if (utf16 != null) {
            text = decodeLenient(content, 2, utf16);
            checkChars(name, text);
            diagnostics.add(new Diagnostic(1, null, Diagnostic.Severity.INFO, DiagnosticCode.ENCODING,
                    List.of(utf16.name()), "the text is " + utf16.name() + " (byte-order mark); read as such"));
        } else {
            int offset = hasUtf8Bom(content) ? 3 : 0;
            checkBytes(name, content, offset);
            Utf8 utf8 = Utf8.decode(content, offset);
            String gb = utf8.invalidSequences == 0 || !utf8.mostlyInvalid() ? null : decodeStrict(content, GB18030);
            if (gb != null) {
                text = gb;
                diagnostics.add(new Diagnostic(1, null, Diagnostic.Severity.INFO, DiagnosticCode.ENCODING,
                        List.of("GB18030", String.valueOf(utf8.invalidSequences)), utf8.invalidSequences
                                + " byte sequences are not UTF-8 and the text decodes cleanly as GB18030 (GBK);"
                                + " read as GB18030"));
            } else {
                text = utf8.text;
                badLines = utf8.badLines(content, offset);
            }
        }
        if (text.isBlank()) {
            throw new ImportRejectedException(name, 1, "the document is empty (only whitespace)");
        }
        List<String> lines = split(text);
        replacementWarnings(lines, badLines, diagnostics);
        char last = text.charAt(text.length() - 1);
        return new TextDecoder(lines, diagnostics, last == '\n' || last == '\r');
    }

    private static boolean hasUtf8Bom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }

    private static Charset utf16Bom(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** Byte-level refusals for 8-bit encodings (UTF-8, GB18030): neither uses bytes below 0x20 inside a character. */
    private static void checkBytes(String name, byte[] content, int from) {
        int line = 1;
        int lineStart = from;
        for (int i = from; i < content.length; i++) {
            int b = content[i] & 0xFF;
            if (b == '\n' || b == '\r') {
                checkLength(name, line, i - lineStart);
                if (b == '\r' && i + 1 < content.length && content[i + 1] == '\n') {
                    i++;
                }
                line++;
                lineStart = i + 1;
            } else if (b == 0) {
                throw new ImportRejectedException(name, line,
                        "a NUL byte at byte offset " + i + ": this is a binary file, not a text document");
            } else if (b < 0x20 && b != '\t' && b != '\f') {
                throw new ImportRejectedException(name, line, String.format(
                        "control byte 0x%02X at byte offset %d: this is a binary file, not a text document", b, i));
            }
        }
        checkLength(name, line, content.length - lineStart);
    }

    /** The same refusals for UTF-16, where bytes below 0x20 are half of every ASCII character. */
    private static void checkChars(String name, String text) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                checkLength(name, line, 2 * (i - lineStart));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                lineStart = i + 1;
            } else if (c == 0) {
                throw new ImportRejectedException(name, line,
                        "a NUL character at character " + i + ": this is a binary file, not a text document");
            } else if (c < 0x20 && c != '\t' && c != '\f') {
                throw new ImportRejectedException(name, line, String.format(
                        "control character U+%04X at character %d: this is a binary file, not a text document",
                        (int) c, i));
            }
        }
        checkLength(name, line, 2 * (text.length() - lineStart));
    }

    private static void checkLength(String name, int line, int bytes) {
        if (bytes > MAX_LINE_BYTES) {
            throw new ImportRejectedException(name, line,
                    "line " + line + " is " + bytes + " bytes; longer than the 1 MiB limit");
        }
    }

    /** Malformed sequences (an unpaired surrogate) become U+FFFD, which the line warnings then name. */
    private static String decodeLenient(byte[] content, int from, Charset charset) {
        return new String(content, from, content.length - from, charset);
    }

    /** The text in the charset, or null if any byte sequence is not valid in it. */
    private static String decodeStrict(byte[] content, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** One WARNING per line holding U+FFFD: bytes that were not UTF-8, or replacement characters already written. */
    private static void replacementWarnings(List<String> lines, BitSet badLines, List<Diagnostic> diagnostics) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.indexOf(REPLACEMENT) < 0) {
                continue;
            }
            int count = 0;
            for (int k = 0; k < line.length(); k++) {
                if (line.charAt(k) == REPLACEMENT) {
                    count++;
                }
            }
            int number = i + 1;
            String message = badLines.get(number)
                    ? "line " + number + " holds bytes that are not valid UTF-8; read as UTF-8 with " + count
                    + " replacement character(s) (U+FFFD) in their place"
                    : "line " + number + " holds " + count + " replacement character(s) (U+FFFD): the text was"
                    + " already damaged before it was saved";
            diagnostics.add(new Diagnostic(number, null, Diagnostic.Severity.WARNING,
                    DiagnosticCode.REPLACEMENT_CHARACTER, List.of(String.valueOf(number), String.valueOf(count)),
                    message));
        }
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

    /** UTF-8 decoded leniently in one pass, counting what was not UTF-8 and where. */
    private static final class Utf8 {

        final String text;
        final int invalidSequences;
        final int invalidBytes;
        final int nonAsciiBytes;
        /** Byte offsets of the invalid sequences, in order. */
        final int[] badOffsets;

        private Utf8(String text, int invalidSequences, int invalidBytes, int nonAsciiBytes, int[] badOffsets) {
            this.text = text;
            this.invalidSequences = invalidSequences;
            this.invalidBytes = invalidBytes;
            this.nonAsciiBytes = nonAsciiBytes;
            this.badOffsets = badOffsets;
        }

        static Utf8 decode(byte[] content, int from) {
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer in = ByteBuffer.wrap(content, from, content.length - from);
            CharBuffer out = CharBuffer.allocate(content.length - from + 1);
            int sequences = 0;
            int bytes = 0;
            int[] offsets = new int[16];
            while (true) {
                CoderResult result = decoder.decode(in, out, true);
                if (result.isUnderflow()) {
                    break;
                }
                if (!result.isError()) {
                    // UTF-8 never yields more chars than bytes, so the buffer cannot overflow
                    throw new IllegalStateException("UTF-8 decoding overflowed: " + result);
                }
                if (sequences == offsets.length) {
                    offsets = Arrays.copyOf(offsets, sequences * 2);
                }
                offsets[sequences++] = in.position();
                bytes += result.length();
                in.position(in.position() + result.length());
                out.put(REPLACEMENT);
            }
            decoder.flush(out);
            out.flip();
            int nonAscii = 0;
            for (int i = from; i < content.length; i++) {
                if (content[i] < 0) {
                    nonAscii++;
                }
            }
            return new Utf8(out.toString(), sequences, bytes, nonAscii,
                    Arrays.copyOf(offsets, sequences));
        }

        /**
         * GBK text fails as UTF-8 on most of its non-ASCII bytes (some GBK pairs happen to be valid UTF-8); UTF-8
         * text with a few damaged bytes fails on a tiny share of them. One in five is far from both.
         */
        boolean mostlyInvalid() {
            return invalidSequences >= 2 && invalidBytes * 5L > nonAsciiBytes;
        }

        /** The 1-based lines of the invalid sequences, by one walk over the bytes. */
        BitSet badLines(byte[] content, int from) {
            BitSet lines = new BitSet();
            int line = 1;
            int next = 0;
            for (int i = from; i < content.length && next < badOffsets.length; i++) {
                while (next < badOffsets.length && badOffsets[next] == i) {
                    lines.set(line);
                    next++;
                }
                byte b = content[i];
                if (b == '\n' || (b == '\r' && (i + 1 == content.length || content[i + 1] != '\n'))) {
                    line++;
                }
            }
            return lines;
        }
    }
}
