package org.perfgraph.ingest.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

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

    /** An OOXML package names its main part: xl/ for a workbook, word/ for a document. */
    private static FileKind zipKind(String name, byte[] content) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry e;
            int entries = 0;
            while ((e = zip.getNextEntry()) != null && entries++ < 10_000) {
                String n = e.getName();
                if (n.startsWith("xl/")) {
                    return FileKind.XLSX;
                }
                if (n.startsWith("word/")) {
                    return FileKind.DOCX;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ImportRejectedException(name, 0, "the file is a damaged ZIP archive (" + e.getMessage()
                    + "); if it is an xlsx or docx, open and save it again");
        }
        throw new ImportRejectedException(name, 0, "the file is a ZIP archive but neither an xlsx workbook nor a docx"
                + " document (no xl/ or word/ part)");
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
