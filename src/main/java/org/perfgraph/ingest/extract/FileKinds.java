package org.perfgraph.ingest.extract;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.perfgraph.ingest.FileKind;
import org.perfgraph.ingest.ImportRejectedException;

/** Tells the kind of a file from its first bytes and, for containers, from the names of their parts. */
final class FileKinds {

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};

    private FileKinds() {
    }

    static FileKind detect(String name, byte[] content) {
        if (startsWith(content, ZIP)) {
            return zipKind(name, content);
        }
        if (startsWith(content, OLE2)) {
            return oleKind(name, content);
        }
        if (startsWith(content, PDF) || startsWithAfterWhitespace(content, PDF)) {
            return FileKind.PDF;
        }
        return looksLikeHtml(content) ? FileKind.HTML : FileKind.TEXT;
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithAfterWhitespace(byte[] content, byte[] magic) {
        int i = 0;
        while (i < content.length && i < 1024 && (content[i] == ' ' || content[i] == '\r' || content[i] == '\n'
                || content[i] == '\t')) {
            i++;
        }
        if (i == 0 || content.length - i < magic.length) {
            return false;
        }
        for (int k = 0; k < magic.length; k++) {
            if (content[i + k] != magic[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * An OOXML package names its main part: xl/ for a workbook, word/ for a document. The names are read from the
     * ZIP's headers without inflating anything: a zip bomb costs nothing here, and packages written by streaming
     * writers (POI's SXSSF, EasyExcel), whose local headers carry no sizes and which {@code ZipInputStream} refuses,
     * are told as well as any other.
     */
    private static FileKind zipKind(String name, byte[] content) {
        List<String> names = entryNames(content);
        if (names.isEmpty()) {
            throw new ImportRejectedException(name, 0, "the file is a damaged ZIP archive (no entry could be read);"
                    + " if it is an xlsx or docx, open and save it again");
        }
        for (String n : names) {
            if (n.startsWith("xl/")) {
                return FileKind.XLSX;
            }
            if (n.startsWith("word/")) {
                return FileKind.DOCX;
            }
        }
        throw new ImportRejectedException(name, 0, "the file is a ZIP archive but neither an xlsx workbook nor a docx"
                + " document (no xl/ or word/ part)");
    }

    /** Entry names from the central directory, or from the local headers where there is none (a cut-off file). */
    static List<String> entryNames(byte[] b) {
        List<String> names = new ArrayList<>();
        int eocd = -1;
        for (int i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xFFFF); i--) {
            if (signature(b, i, 0x06054b50)) {
                eocd = i;
                break;
            }
        }
        if (eocd >= 0) {
            long p = u32(b, eocd + 16);
            int count = u16(b, eocd + 10);
            for (int k = 0; k < count && k < MAX_ENTRIES && p + 46 <= b.length && signature(b, (int) p, 0x02014b50);
                 k++) {
                int at = (int) p;
                int length = u16(b, at + 28);
                if (at + 46 + length > b.length) {
                    break;
                }
                names.add(new String(b, at + 46, length, StandardCharsets.UTF_8));
                p = (long) at + 46 + length + u16(b, at + 30) + u16(b, at + 32);
            }
        }
        if (names.isEmpty()) {
            for (int i = 0; i + 30 <= b.length && names.size() < MAX_ENTRIES; i++) {
                if (signature(b, i, 0x04034b50)) {
                    int length = u16(b, i + 26);
                    if (i + 30 + length <= b.length) {
                        names.add(new String(b, i + 30, length, StandardCharsets.UTF_8));
                    }
                    i += 29 + length;
                }
            }
        }
        return names;
    }

    private static final int MAX_ENTRIES = 10_000;

    private static boolean signature(byte[] b, int at, int signature) {
        return at >= 0 && at + 4 <= b.length && u32(b, at) == (signature & 0xFFFFFFFFL);
    }

    private static int u16(byte[] b, int at) {
        return at + 2 <= b.length ? (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 : 0;
    }

    private static long u32(byte[] b, int at) {
        return at + 4 <= b.length ? (u16(b, at) | (long) u16(b, at + 2) << 16) : 0;
    }

    /** An OLE2 container names its streams; the directory sits in the first sectors, as UTF-16LE names. */
    private static FileKind oleKind(String name, byte[] content) {
        String names = new String(content, 0, Math.min(content.length, 1 << 20), StandardCharsets.UTF_16LE);
        if (names.contains("EncryptedPackage") || names.contains("EncryptionInfo")) {
            throw new ImportRejectedException(name, 0, "the file is encrypted (password-protected); save it without a"
                    + " password and import it again");
        }
        if (names.contains("WordDocument")) {
            return FileKind.DOC;
        }
        if (names.contains("Workbook") || names.contains("Book")) {
            return FileKind.XLS;
        }
        throw new ImportRejectedException(name, 0, "the file is an OLE2 (Office 97-2003) container but neither an .xls"
                + " workbook nor a .doc document");
    }

    private static boolean looksLikeHtml(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        return head.contains("<html") || head.contains("<!doctype html") || head.contains("<table")
                || head.contains("<body");
    }
}
