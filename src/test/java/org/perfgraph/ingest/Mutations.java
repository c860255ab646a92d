package org.perfgraph.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.perfgraph.ingest.FuzzFixtures.Fixture;

/**
 * The ways a document gets damaged on its way to perfgraph: cut off (at a line, inside a line, inside the bytes),
 * lines shuffled or repeated, header rows repeated, bytes flipped, saved in another encoding or with other line
 * endings, control and bidi characters pasted in, a 1 MB cell, cells emptied, added or removed, tabs turned into
 * commas; for zip-based files (xlsx, docx) also damage inside one XML part of the package.
 */
public final class Mutations {

    /** What the mutant must still have in common with the whole document. */
    public enum Relation {
        /** Nothing beyond the general invariants. */
        NONE,
        /** A prefix of the document: its targets are the whole one's, the last one complete or flagged. */
        PREFIX,
        /** The same text in other bytes (encoding, line endings, invisible characters): the same targets. */
        SAME,
        /** Must be refused. */
        REFUSED
    }

    /**
     * One damaged document.
     *
     * @param cutLine for PREFIX, the 1-based line the document stops in (0 where it stops at a line end)
     * @param text    the mutant as text where it is one (what a shrinker works on), else null
     */
    public record Mutant(Fixture origin, String kind, String description, byte[] bytes, String text,
                         Relation relation, int cutLine) {

        public String name() {
            return "fuzz-" + origin.name();
        }

        @Override
        public String toString() {
            return origin.name() + " / " + kind + " (" + description + ")";
        }
    }

    static final String BIDI_AND_INVISIBLE = "\u202E\u202D\u202A\u202B\u202C\u2066\u2067\u2068\u2069\u200B\u200C\u200D\u200E\u200F\u2060\uFEFF";
    private static final String C0 = "\u0000\u0001\u0007\u0008\u000B\u000C\u001B\u007F";

    private Mutations() {
    }

    /** Text mutation kinds, each as likely as the others. */
    public static final List<String> TEXT_KINDS = List.of("cutAtLine", "cutMidLine", "shuffle", "swapLines",
            "duplicateLine", "repeatHeader", "headersOnly", "byteFlip", "encoding", "lineEndings", "bidi", "c0",
            "hugeCell", "emptyCell", "addCell", "removeCell", "tabsToCommas", "replacementChar");

    /** Byte mutation kinds of any file. */
    public static final List<String> BYTE_KINDS = List.of("bytesFlip", "bytesCut", "zipPart");

    /** A random mutant of a text fixture. */
    public static Mutant text(Fixture f, Random r) {
        return text(f, TEXT_KINDS.get(r.nextInt(TEXT_KINDS.size())), r);
    }

    public static Mutant text(Fixture f, String kind, Random r) {
        List<String> lines = lines(f.text());
        int n = lines.size();
        switch (kind) {
            case "cutAtLine" -> {
                int k = r.nextInt(n + 1);
                return textMutant(f, kind, "first " + k + " of " + n + " lines",
                        String.join("\n", lines.subList(0, k)) + (k > 0 ? "\n" : ""), Relation.PREFIX, 0);
            }
            case "cutMidLine" -> {
                int line = nonBlankLine(lines, r);
                String l = lines.get(line);
                int at = l.isEmpty() ? 0 : 1 + r.nextInt(Math.max(1, l.length() - 1));
                String cut = String.join("\n", lines.subList(0, line)) + (line > 0 ? "\n" : "") + l.substring(0, at);
                return textMutant(f, kind, "line " + (line + 1) + " cut after " + at + " of " + l.length()
                        + " characters", cut, Relation.PREFIX, line + 1);
            }
            case "shuffle" -> {
                List<String> copy = new ArrayList<>(lines);
                int from = r.nextInt(n);
                int to = Math.min(n, from + 2 + r.nextInt(Math.max(1, n - from)));
                Collections.shuffle(copy.subList(from, to), r);
                return textMutant(f, kind, "lines " + (from + 1) + "-" + to + " shuffled", join(copy),
                        Relation.NONE, 0);
            }
            case "swapLines" -> {
                List<String> copy = new ArrayList<>(lines);
                int a = r.nextInt(n);
                int b = r.nextInt(n);
                Collections.swap(copy, a, b);
                return textMutant(f, kind, "lines " + (a + 1) + " and " + (b + 1) + " swapped", join(copy),
                        Relation.NONE, 0);
            }
            case "duplicateLine" -> {
                List<String> copy = new ArrayList<>(lines);
                int a = nonBlankLine(lines, r);
                int times = 1 + r.nextInt(3);
                for (int i = 0; i < times; i++) {
                    copy.add(a, lines.get(a));
                }
                return textMutant(f, kind, "line " + (a + 1) + " repeated " + times + "×", join(copy),
                        Relation.NONE, 0);
            }
            case "repeatHeader" -> {
                int h = headerLine(lines);
                if (h < 0) {
                    return text(f, "duplicateLine", r);
                }
                List<String> copy = new ArrayList<>(lines);
                int at = h + 1 + r.nextInt(Math.max(1, n - h));
                int times = 1 + r.nextInt(2);
                for (int i = 0; i < times; i++) {
                    copy.add(Math.min(at, copy.size()), lines.get(h));
                }
                return textMutant(f, kind, "header line " + (h + 1) + " repeated before line " + (at + 1)
                        + (times > 1 ? " " + times + "×" : ""), join(copy), Relation.NONE, 0);
            }
            case "headersOnly" -> {
                int h = headerLine(lines);
                if (h < 0 || lines.subList(h + 1, n).stream().allMatch(String::isBlank)) {
                    // no header line, or one that holds the whole table (a table copied onto one line): its copies
                    // are data, not header lines only
                    return text(f, "duplicateLine", r);
                }
                int times = 2 + r.nextInt(49);
                List<String> copy = new ArrayList<>(lines.subList(0, h));
                copy.addAll(Collections.nCopies(times, lines.get(h)));
                return textMutant(f, kind, "the lines before the header, then header line " + (h + 1) + " " + times
                        + "×", join(copy), Relation.REFUSED, 0);
            }
            case "byteFlip" -> {
                byte[] b = f.text().getBytes(StandardCharsets.UTF_8);
                int flips = 1 + r.nextInt(5);
                StringBuilder at = new StringBuilder();
                for (int i = 0; i < flips; i++) {
                    int p = r.nextInt(b.length);
                    int bit = 1 << r.nextInt(8);
                    b[p] ^= (byte) bit;
                    at.append(i == 0 ? "" : ", ").append(p).append("^").append(bit);
                }
                return new Mutant(f, kind, "bytes " + at, b, null, Relation.NONE, 0);
            }
            case "encoding" -> {
                String[] names = {"GBK", "GB18030", "UTF-16LE", "UTF-16BE", "UTF-8 BOM"};
                String name = names[r.nextInt(names.length)];
                byte[] b;
                Relation rel = Relation.SAME;
                switch (name) {
                    case "UTF-16LE" -> b = concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                            f.text().getBytes(StandardCharsets.UTF_16LE));
                    case "UTF-16BE" -> b = concat(new byte[] {(byte) 0xFE, (byte) 0xFF},
                            f.text().getBytes(StandardCharsets.UTF_16BE));
                    case "UTF-8 BOM" -> b = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                            f.text().getBytes(StandardCharsets.UTF_8));
                    default -> {
                        Charset cs = Charset.forName(name);
                        if (!cs.newEncoder().canEncode(f.text())) {
                            rel = Relation.NONE;
                        }
                        b = f.text().getBytes(cs);
                    }
                }
                return new Mutant(f, kind, name, b, null, rel, 0);
            }
            case "lineEndings" -> {
                String[] ends = {"\r\n", "\r", "mixed"};
                String e = ends[r.nextInt(ends.length)];
                StringBuilder s = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    s.append(lines.get(i));
                    if (i < n - 1 || f.text().endsWith("\n")) {
                        s.append(e.equals("mixed") ? (r.nextBoolean() ? "\r\n" : "\n") : e);
                    }
                }
                return textMutant(f, kind, e.replace("\r", "CR").replace("\n", "LF"), s.toString(), Relation.SAME, 0);
            }
            case "bidi" -> {
                List<String> copy = new ArrayList<>(lines);
                int a = nonBlankLine(lines, r);
                String l = copy.get(a);
                int count = 1 + r.nextInt(3);
                StringBuilder s = new StringBuilder(l);
                for (int i = 0; i < count; i++) {
                    s.insert(r.nextInt(s.length() + 1), BIDI_AND_INVISIBLE.charAt(r.nextInt(BIDI_AND_INVISIBLE.length())));
                }
                copy.set(a, s.toString());
                // in HTML the character may land inside a tag and change the markup: not the same text then
                boolean markup = f.text().contains("<table") || f.text().contains("<TABLE");
                return textMutant(f, kind, count + " bidi/invisible characters in line " + (a + 1), join(copy),
                        markup ? Relation.NONE : Relation.SAME, 0);
            }
            case "c0" -> {
                List<String> copy = new ArrayList<>(lines);
                int a = nonBlankLine(lines, r);
                StringBuilder s = new StringBuilder(copy.get(a));
                s.insert(r.nextInt(s.length() + 1), C0.charAt(r.nextInt(C0.length())));
                copy.set(a, s.toString());
                return textMutant(f, kind, "a control character in line " + (a + 1), join(copy), Relation.NONE, 0);
            }
            case "hugeCell" -> {
                List<String> copy = new ArrayList<>(lines);
                int a = nonBlankLine(lines, r);
                List<String> cells = cells(copy.get(a));
                int c = r.nextInt(cells.size());
                String unit = r.nextBoolean() ? "很长的指标名称" : "9";
                cells.set(c, unit.repeat((1 << 20) / unit.length()));
                copy.set(a, String.join("\t", cells));
                return textMutant(f, kind, "cell " + (c + 1) + " of line " + (a + 1) + " is 1 MB", join(copy),
                        Relation.NONE, 0);
            }
            case "emptyCell" -> {
                List<String> copy = new ArrayList<>(lines);
                int a = nonBlankLine(lines, r);
                List<String> cells = cells(copy.get(a));
                int c = r.nextInt(cells.size());
                cells.set(c, "");
                copy.set(a, String.join("\t", cells));
                return textMutant(f, kind, "cell " + (c + 1) + " of line " + (a + 1) + " emptied", join(copy),
                        Relation.NONE, 0);
            }
            case "addCell" -> {
                List<String> copy = new ArrayList<>(lines);
                int a = nonBlankLine(lines, r);
                List<String> cells = cells(copy.get(a));
                int c = r.nextInt(cells.size() + 1);
                String[] extras = {"", "附加", "100%", "≥5", "三级指标", "项目名称", "1-产出指标"};
                cells.add(c, extras[r.nextInt(extras.length)]);
                copy.set(a, String.join("\t", cells));
                return textMutant(f, kind, "a cell '" + cells.get(c) + "' before cell " + (c + 1) + " of line "
                        + (a + 1), join(copy), Relation.NONE, 0);
            }
            case "removeCell" -> {
                List<String> copy = new ArrayList<>(lines);
                int a = nonBlankLine(lines, r);
                List<String> cells = cells(copy.get(a));
                int c = r.nextInt(cells.size());
                cells.remove(c);
                copy.set(a, String.join("\t", cells));
                return textMutant(f, kind, "cell " + (c + 1) + " of line " + (a + 1) + " removed", join(copy),
                        Relation.NONE, 0);
            }
            case "tabsToCommas" -> {
                if (r.nextBoolean()) {
                    return textMutant(f, kind, "every tab", f.text().replace('\t', ','), Relation.NONE, 0);
                }
                List<String> copy = new ArrayList<>(lines);
                int a = nonBlankLine(lines, r);
                copy.set(a, copy.get(a).replace('\t', ','));
                return textMutant(f, kind, "line " + (a + 1), join(copy), Relation.NONE, 0);
            }
            case "replacementChar" -> {
                List<String> copy = new ArrayList<>(lines);
                int a = nonBlankLine(lines, r);
                StringBuilder s = new StringBuilder(copy.get(a));
                s.insert(r.nextInt(s.length() + 1), '\uFFFD');
                copy.set(a, s.toString());
                return textMutant(f, kind, "U+FFFD in line " + (a + 1), join(copy), Relation.NONE, 0);
            }
            default -> throw new IllegalArgumentException(kind);
        }
    }

    /** A random byte-level mutant of any fixture. */
    public static Mutant bytes(Fixture f, Random r) {
        String kind = BYTE_KINDS.get(r.nextInt(f.isZip() ? 3 : 2));
        byte[] b = f.bytes().clone();
        switch (kind) {
            case "bytesFlip" -> {
                int flips = 1 + r.nextInt(8);
                StringBuilder at = new StringBuilder();
                for (int i = 0; i < flips; i++) {
                    int p = r.nextInt(b.length);
                    int v = r.nextInt(256);
                    b[p] = (byte) v;
                    at.append(i == 0 ? "" : ", ").append(p).append("=").append(v);
                }
                return new Mutant(f, kind, "bytes " + at, b, null, Relation.NONE, 0);
            }
            case "bytesCut" -> {
                int at = r.nextInt(b.length);
                return new Mutant(f, kind, "first " + at + " of " + b.length + " bytes", Arrays.copyOf(b, at), null,
                        Relation.NONE, 0);
            }
            default -> {
                return zipPart(f, r);
            }
        }
    }

    /** Damage inside one XML part of an xlsx or docx: the package stays a valid zip. */
    static Mutant zipPart(Fixture f, Random r) {
        List<String> names = new ArrayList<>();
        List<byte[]> parts = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(f.bytes()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
                parts.add(in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Integer> xml = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (n.endsWith(".xml") && (n.contains("sheet") || n.contains("sharedStrings") || n.contains("document")
                    || n.contains("workbook"))) {
                xml.add(i);
            }
        }
        int which = xml.isEmpty() ? r.nextInt(names.size()) : xml.get(r.nextInt(xml.size()));
        byte[] part = parts.get(which);
        String how;
        String s = new String(part, StandardCharsets.UTF_8);
        switch (r.nextInt(5)) {
            case 0 -> {
                int at = r.nextInt(Math.max(1, part.length));
                part = Arrays.copyOf(part, at);
                how = "cut after " + at + " bytes";
            }
            case 1 -> {
                int p = r.nextInt(Math.max(1, part.length));
                if (part.length > 0) {
                    part[p] = (byte) (0x80 | r.nextInt(0x40));
                }
                how = "byte " + p + " made invalid UTF-8";
            }
            case 2 -> {
                int gt = textPosition(s, r);
                part = (s.substring(0, gt) + '\uFFFD' + s.substring(gt)).getBytes(StandardCharsets.UTF_8);
                how = "U+FFFD in a text node at " + gt;
            }
            case 3 -> {
                int gt = textPosition(s, r);
                part = (s.substring(0, gt) + '\u202E' + s.substring(gt)).getBytes(StandardCharsets.UTF_8);
                how = "U+202E in a text node at " + gt;
            }
            default -> {
                int gt = textPosition(s, r);
                part = (s.substring(0, gt) + "很".repeat(1 << 18) + s.substring(gt)).getBytes(StandardCharsets.UTF_8);
                how = "a 768 KB text run at " + gt;
            }
        }
        parts.set(which, part);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (int i = 0; i < names.size(); i++) {
                z.putNextEntry(new ZipEntry(names.get(i)));
                z.write(parts.get(i));
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Mutant(f, "zipPart", names.get(which) + " " + how, out.toByteArray(), null, Relation.NONE, 0);
    }

    /** Just after a '>' followed by text (inside a text node), or 0. */
    private static int textPosition(String xml, Random r) {
        List<Integer> spots = new ArrayList<>();
        for (int i = 0; i + 1 < xml.length(); i++) {
            if (xml.charAt(i) == '>' && xml.charAt(i + 1) != '<') {
                spots.add(i + 1);
            }
        }
        return spots.isEmpty() ? 0 : spots.get(r.nextInt(spots.size()));
    }

    private static Mutant textMutant(Fixture f, String kind, String description, String text, Relation relation,
                                     int cutLine) {
        return new Mutant(f, kind, description, text.getBytes(StandardCharsets.UTF_8), text, relation, cutLine);
    }

    /** Lines without their terminators; a final terminator gives no empty last line. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r\n|\n|\r", -1)));
        if (lines.size() > 1 && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    static String join(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }

    private static List<String> cells(String line) {
        return new ArrayList<>(Arrays.asList(line.split("\t", -1)));
    }

    private static int nonBlankLine(List<String> lines, Random r) {
        List<Integer> nonBlank = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                nonBlank.add(i);
            }
        }
        return nonBlank.isEmpty() ? 0 : nonBlank.get(r.nextInt(nonBlank.size()));
    }

    /** The first line that holds an indicator header (三级指标, 指标名称 …) or a form's 项目名称 label. */
    static int headerLine(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.contains("三级指标") || l.contains("指标名称") || l.contains("绩效指标")) {
                return i;
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("项目名称")) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
    }
}
