package org.perfgraph.ingest.extract;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;

/**
 * The ruled tables of one PDF page: the horizontal and vertical strokes (lines, stroked rectangles, and the thin
 * filled rectangles LibreOffice and Word draw borders with) grouped into tables by where they touch, each table a
 * grid of the distinct line positions, and a boundary between two neighbouring grid slots missing where no stroke
 * runs there (a merged cell). Coordinates are those of {@link org.apache.pdfbox.text.TextPosition}'s
 * {@code XDirAdj}/{@code YDirAdj}: from the crop box's top left corner, y downwards.
 */
final class PdfRulings {

    /** Strokes nearer than this (points) are one line; a border drawn as a double line is one boundary. */
    static final double TOLERANCE = 2.0;
    /** A filled rectangle thinner than this is a line. */
    private static final double THIN = 2.5;
    /** A page with more strokes than this is a drawing, not a table: read it by positions. */
    static final int MAX_SEGMENTS = 5_000;

    private PdfRulings() {
    }

    /** An axis-parallel stroke: from {@code from} to {@code to} along the axis, at {@code at} across it. */
    record Segment(boolean horizontal, double from, double to, double at) {
    }

    /**
     * One ruled table: {@code xs} and {@code ys} the column and row boundaries (ascending), and for every slot the
     * index of the merged region it belongs to ({@code region[r][c]}, the region's top-left slot's {@code r * cols
     * + c}).
     */
    record Grid(double[] xs, double[] ys, int[][] region) {

        int rows() {
            return ys.length - 1;
        }

        int columns() {
            return xs.length - 1;
        }

        boolean contains(double x, double y) {
            return x >= xs[0] && x <= xs[xs.length - 1] && y >= ys[0] && y <= ys[ys.length - 1];
        }

        /** The slot {r, c} holding the point, or null outside the grid. */
        int[] slot(double x, double y) {
            if (!contains(x, y)) {
                return null;
            }
            return new int[] {index(ys, y), index(xs, x)};
        }

        private static int index(double[] bounds, double v) {
            int i = Arrays.binarySearch(bounds, v);
            int at = i >= 0 ? i : -i - 2;
            return Math.max(0, Math.min(bounds.length - 2, at));
        }
    }

    /** The page's ruled tables, top to bottom; none where the page has no ruling (or is rotated). */
    static List<Grid> of(PDPage page) throws IOException {
        if (page.getRotation() % 360 != 0) {
            return List.of();
        }
        Strokes strokes = new Strokes(page);
        strokes.processPage(page);
        if (strokes.overflow) {
            return List.of();
        }
        return grids(strokes.segments);
    }

    /** Groups touching strokes into tables and makes a grid of each that has at least two slots. */
    static List<Grid> grids(List<Segment> segments) {
        int n = segments.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (touch(segments.get(i), segments.get(j))) {
                    union(parent, i, j);
                }
            }
        }
        List<List<Segment>> groups = new ArrayList<>();
        int[] groupOf = new int[n];
        Arrays.fill(groupOf, -1);
        for (int i = 0; i < n; i++) {
            int root = find(parent, i);
            if (groupOf[root] < 0) {
                groupOf[root] = groups.size();
                groups.add(new ArrayList<>());
            }
            groups.get(groupOf[root]).add(segments.get(i));
        }
        List<Grid> out = new ArrayList<>();
        for (List<Segment> group : groups) {
            out.addAll(stacked(group));
        }
        out.sort((a, b) -> a.ys()[0] != b.ys()[0] ? Double.compare(a.ys()[0], b.ys()[0])
                : Double.compare(a.xs()[0], b.xs()[0]));
        return out;
    }

    /**
     * The tables of one group of touching strokes. Two tables printed one right under the other touch, but their
     * columns differ: where the column boundaries of a row and of the row under it are not one a subset of the
     * other (a merged cell only drops boundaries), a new table starts, with only its own columns.
     */
    private static List<Grid> stacked(List<Segment> group) {
        double[] xs = positions(group, false);
        double[] ys = positions(group, true);
        List<Grid> out = new ArrayList<>();
        if (xs.length < 2 || ys.length < 2) {
            return out;
        }
        List<BitSet> columns = new ArrayList<>();
        for (int r = 0; r + 1 < ys.length; r++) {
            double midY = (ys[r] + ys[r + 1]) / 2;
            BitSet set = new BitSet();
            for (int c = 0; c < xs.length; c++) {
                if (ruled(group, false, xs[c], midY)) {
                    set.set(c);
                }
            }
            columns.add(set);
        }
        int from = 0;
        for (int r = 1; r <= columns.size(); r++) {
            if (r == columns.size() || !nested(columns.get(r - 1), columns.get(r))) {
                BitSet used = new BitSet();
                for (int k = from; k < r; k++) {
                    used.or(columns.get(k));
                }
                double[] bandXs = used.stream().mapToDouble(c -> xs[c]).toArray();
                Grid g = grid(group, bandXs, Arrays.copyOfRange(ys, from, r + 1));
                if (g != null) {
                    out.add(g);
                }
                from = r;
            }
        }
        return out;
    }

    private static boolean nested(BitSet a, BitSet b) {
        BitSet onlyA = (BitSet) a.clone();
        onlyA.andNot(b);
        BitSet onlyB = (BitSet) b.clone();
        onlyB.andNot(a);
        return onlyA.isEmpty() || onlyB.isEmpty();
    }

    private static Grid grid(List<Segment> group, double[] xs, double[] ys) {
        if (xs.length < 2 || ys.length < 2 || (xs.length - 1) * (ys.length - 1) < 2) {
            return null;
        }
        int rows = ys.length - 1;
        int cols = xs.length - 1;
        int[] parent = new int[rows * cols];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int r = 0; r < rows; r++) {
            double midY = (ys[r] + ys[r + 1]) / 2;
            for (int c = 0; c < cols; c++) {
                double midX = (xs[c] + xs[c + 1]) / 2;
                if (c + 1 < cols && !ruled(group, false, xs[c + 1], midY)) {
                    union(parent, r * cols + c, r * cols + c + 1);
                }
                if (r + 1 < rows && !ruled(group, true, ys[r + 1], midX)) {
                    union(parent, r * cols + c, (r + 1) * cols + c);
                }
            }
        }
        // a region is named by its top-left slot (the smallest index of its members)
        int[] top = new int[parent.length];
        Arrays.fill(top, Integer.MAX_VALUE);
        for (int i = 0; i < parent.length; i++) {
            int root = find(parent, i);
            top[root] = Math.min(top[root], i);
        }
        int[][] region = new int[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                region[r][c] = top[find(parent, r * cols + c)];
            }
        }
        return new Grid(xs, ys, region);
    }

    /** Whether a stroke of the orientation runs at {@code at} through the point {@code along} on its axis. */
    private static boolean ruled(List<Segment> group, boolean horizontal, double at, double along) {
        for (Segment s : group) {
            if (s.horizontal() == horizontal && Math.abs(s.at() - at) <= TOLERANCE && s.from() - TOLERANCE <= along
                    && along <= s.to() + TOLERANCE) {
                return true;
            }
        }
        return false;
    }

    /** The distinct positions of the group's horizontal (row boundaries) or vertical (column boundaries) strokes. */
    private static double[] positions(List<Segment> group, boolean horizontal) {
        double[] at = group.stream().filter(s -> s.horizontal() == horizontal).mapToDouble(Segment::at).sorted()
                .toArray();
        List<Double> out = new ArrayList<>();
        int i = 0;
        while (i < at.length) {
            int j = i;
            double sum = 0;
            while (j < at.length && at[j] - at[i] <= TOLERANCE) {
                sum += at[j];
                j++;
            }
            out.add(sum / (j - i));
            i = j;
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static boolean touch(Segment a, Segment b) {
        if (a.horizontal() == b.horizontal()) {
            return Math.abs(a.at() - b.at()) <= TOLERANCE && a.from() <= b.to() + TOLERANCE
                    && b.from() <= a.to() + TOLERANCE;
        }
        Segment h = a.horizontal() ? a : b;
        Segment v = a.horizontal() ? b : a;
        return v.at() >= h.from() - TOLERANCE && v.at() <= h.to() + TOLERANCE && h.at() >= v.from() - TOLERANCE
                && h.at() <= v.to() + TOLERANCE;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    /** Collects the page's axis-parallel strokes; curves, clips, images and shadings are ignored. */
    private static final class Strokes extends PDFGraphicsStreamEngine {

        final List<Segment> segments = new ArrayList<>();
        boolean overflow;
        private final double top;
        private final double left;
        /** The current path: its straight pieces as x0, y0, x1, y1, and its rectangles as x, y, w, h. */
        private final List<double[]> lines = new ArrayList<>();
        private final List<double[]> rectangles = new ArrayList<>();
        private Point2D.Float current = new Point2D.Float();
        private Point2D.Float start = new Point2D.Float();

        Strokes(PDPage page) {
            super(page);
            PDRectangle crop = page.getCropBox();
            this.top = crop.getUpperRightY();
            this.left = crop.getLowerLeftX();
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
            double x0 = Math.min(Math.min(p0.getX(), p1.getX()), Math.min(p2.getX(), p3.getX()));
            double x1 = Math.max(Math.max(p0.getX(), p1.getX()), Math.max(p2.getX(), p3.getX()));
            double y0 = Math.min(Math.min(p0.getY(), p1.getY()), Math.min(p2.getY(), p3.getY()));
            double y1 = Math.max(Math.max(p0.getY(), p1.getY()), Math.max(p2.getY(), p3.getY()));
            rectangles.add(new double[] {x0, y0, x1 - x0, y1 - y0});
            current = new Point2D.Float((float) p0.getX(), (float) p0.getY());
            start = current;
        }

        @Override
        public void moveTo(float x, float y) {
            current = new Point2D.Float(x, y);
            start = current;
        }

        @Override
        public void lineTo(float x, float y) {
            lines.add(new double[] {current.x, current.y, x, y});
            current = new Point2D.Float(x, y);
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
            current = new Point2D.Float(x3, y3);
        }

        @Override
        public Point2D getCurrentPoint() {
            return current;
        }

        @Override
        public void closePath() {
            lines.add(new double[] {current.x, current.y, start.x, start.y});
            current = start;
        }

        @Override
        public void endPath() {
            clearPath();
        }

        @Override
        public void strokePath() {
            for (double[] l : lines) {
                line(l[0], l[1], l[2], l[3]);
            }
            for (double[] r : rectangles) {
                line(r[0], r[1], r[0] + r[2], r[1]);
                line(r[0], r[1] + r[3], r[0] + r[2], r[1] + r[3]);
                line(r[0], r[1], r[0], r[1] + r[3]);
                line(r[0] + r[2], r[1], r[0] + r[2], r[1] + r[3]);
            }
            clearPath();
        }

        @Override
        public void fillPath(int windingRule) {
            for (double[] r : rectangles) {
                thin(r[0], r[1], r[2], r[3]);
            }
            // a filled closed polygon of four straight sides (how some writers draw a border)
            if (rectangles.isEmpty() && lines.size() >= 3 && lines.size() <= 5) {
                double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
                boolean straight = true;
                for (double[] l : lines) {
                    straight &= Math.abs(l[0] - l[2]) < 0.01 || Math.abs(l[1] - l[3]) < 0.01;
                    x0 = Math.min(x0, Math.min(l[0], l[2]));
                    x1 = Math.max(x1, Math.max(l[0], l[2]));
                    y0 = Math.min(y0, Math.min(l[1], l[3]));
                    y1 = Math.max(y1, Math.max(l[1], l[3]));
                }
                if (straight) {
                    thin(x0, y0, x1 - x0, y1 - y0);
                }
            }
            clearPath();
        }

        @Override
        public void fillAndStrokePath(int windingRule) {
            strokePath();
        }

        @Override
        public void clip(int windingRule) {
            // the clipping path is followed by n (endPath), which clears it
        }

        @Override
        public void drawImage(PDImage pdImage) {
        }

        @Override
        public void shadingFill(COSName shadingName) {
        }

        private void clearPath() {
            lines.clear();
            rectangles.clear();
        }

        /** A filled rectangle thin in one direction is a line along the other. */
        private void thin(double x, double y, double w, double h) {
            if (h <= THIN && w > h) {
                line(x, y + h / 2, x + w, y + h / 2);
            } else if (w <= THIN && h > w) {
                line(x + w / 2, y, x + w / 2, y + h);
            }
        }

        /** Keeps an axis-parallel piece at least a few points long, in top-left coordinates. */
        private void line(double x0, double y0, double x1, double y1) {
            if (segments.size() >= MAX_SEGMENTS) {
                overflow = true;
                return;
            }
            double ax = x0 - left;
            double bx = x1 - left;
            double ay = top - y0;
            double by = top - y1;
            if (Math.abs(ay - by) < 0.5 && Math.abs(ax - bx) >= TOLERANCE) {
                segments.add(new Segment(true, Math.min(ax, bx), Math.max(ax, bx), (ay + by) / 2));
            } else if (Math.abs(ax - bx) < 0.5 && Math.abs(ay - by) >= TOLERANCE) {
                segments.add(new Segment(false, Math.min(ay, by), Math.max(ay, by), (ax + bx) / 2));
            }
        }
    }
}
