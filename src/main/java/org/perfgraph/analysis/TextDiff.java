package org.perfgraph.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Character diff of two goal texts: what a templated text kept and what was edited. Chinese has no spaces, so
 * the unit is the character (code point). Short texts get a longest-common-subsequence diff; texts too long for
 * that (the table grows with the product of the lengths) get the common prefix, the common suffix and the middle
 * that differs.
 */
public final class TextDiff {

    /** Above this many table cells the diff falls back to prefix/suffix (1M cells: two texts of 1000 characters). */
    static final long MAX_CELLS = 1_000_000;

    public enum Op { EQUAL, DELETE, INSERT }

    /** A run of characters: in both texts (EQUAL), only in the first (DELETE) or only in the second (INSERT). */
    public record Segment(Op op, String text) {
    }

    /** One edit: {@code a} in the first text (from code point {@code offset}) became {@code b} in the second. */
    public record Change(int offset, String a, String b) {
    }

    private TextDiff() {
    }

    public static List<Segment> diff(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int prefix = 0;
        while (prefix < x.length && prefix < y.length && x[prefix] == y[prefix]) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < x.length - prefix && suffix < y.length - prefix
                && x[x.length - 1 - suffix] == y[y.length - 1 - suffix]) {
            suffix++;
        }
        List<Segment> out = new ArrayList<>();
        add(out, Op.EQUAL, x, 0, prefix);
        int n = x.length - prefix - suffix;
        int m = y.length - prefix - suffix;
        if ((long) n * m <= MAX_CELLS) {
            middle(out, x, prefix, n, y, prefix, m);
        } else {
            add(out, Op.DELETE, x, prefix, prefix + n);
            add(out, Op.INSERT, y, prefix, prefix + m);
        }
        add(out, Op.EQUAL, x, x.length - suffix, x.length);
        return out;
    }

    /** The edits of a diff: each run of deletions and insertions between two equal runs is one change. */
    public static List<Change> changes(List<Segment> segments) {
        List<Change> out = new ArrayList<>();
        int offset = 0;
        int start = -1;
        StringBuilder del = new StringBuilder();
        StringBuilder ins = new StringBuilder();
        for (Segment s : segments) {
            if (s.op() == Op.EQUAL) {
                if (start >= 0) {
                    out.add(new Change(start, del.toString(), ins.toString()));
                    del.setLength(0);
                    ins.setLength(0);
                    start = -1;
                }
                offset += s.text().codePointCount(0, s.text().length());
                continue;
            }
            if (start < 0) {
                start = offset;
            }
            if (s.op() == Op.DELETE) {
                del.append(s.text());
                offset += s.text().codePointCount(0, s.text().length());
            } else {
                ins.append(s.text());
            }
        }
        if (start >= 0) {
            out.add(new Change(start, del.toString(), ins.toString()));
        }
        return out;
    }

    /** LCS table over the differing middle, walked forwards into segments. */
    private static void middle(List<Segment> out, int[] x, int xFrom, int n, int[] y, int yFrom, int m) {
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = x[xFrom + i] == y[yFrom + j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && x[xFrom + i] == y[yFrom + j]) {
                append(out, Op.EQUAL, x[xFrom + i]);
                i++;
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                append(out, Op.INSERT, y[yFrom + j]);
                j++;
            } else {
                append(out, Op.DELETE, x[xFrom + i]);
                i++;
            }
        }
    }

    private static void add(List<Segment> out, Op op, int[] cps, int from, int to) {
        if (to > from) {
            merge(out, op, new String(cps, from, to - from));
        }
    }

    private static void append(List<Segment> out, Op op, int codePoint) {
        merge(out, op, new String(Character.toChars(codePoint)));
    }

    private static void merge(List<Segment> out, Op op, String text) {
        if (!out.isEmpty() && out.get(out.size() - 1).op() == op) {
            Segment last = out.remove(out.size() - 1);
            out.add(new Segment(op, last.text() + text));
        } else {
            out.add(new Segment(op, text));
        }
    }
}
