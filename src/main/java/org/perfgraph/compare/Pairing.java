package org.perfgraph.compare;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Pairs the projects of two documents and, within each pair, their targets; classifies each target pair. Plain
 * Java over what one statement per document returns, so a comparison costs two statements whatever its size.
 */
final class Pairing {

    /** Least name similarity of two projects of one unit to be paired when no name is equal. */
    static final double PROJECT_MIN_SCORE = 0.5;
    /** Least name similarity of two indicators to be paired when neither code nor normalised name is equal. */
    static final double TARGET_MIN_SCORE = 0.6;
    /** Above this many candidate name pairs in one unit, near names are not tried (exact names still pair). */
    static final long MAX_NEAR_PAIRS = 4_000_000;

    /** One target as compared: its indicator and its (年度, else 实施周期) value. */
    record Row(String id, String code, String indicatorKey, String normalizedName, String kind, String comparator,
               Double number, String unit, String normalized, String direction, Map<String, Object> node) {
    }

    /** One project as compared. */
    record Side(String id, String name, String unitId, String goal, List<Row> targets, Map<String, Object> node) {
    }

    /** Two targets paired (either may be null: ADDED, REMOVED), with the indicator names' score. */
    record TargetMatch(Row a, Row b, ChangeKind kind, Double score) {
    }

    /** Two projects paired (either may be null), with the names' score and their target pairs. */
    record ProjectMatch(Side a, Side b, Double score, List<TargetMatch> targets) {
    }

    private Pairing() {
    }

    /** The projects of a and b paired within each unit: equal names first, then near names, best first. */
    static List<ProjectMatch> projects(List<Side> a, List<Side> b) {
        Map<Side, Side> partner = new LinkedHashMap<>();
        Map<Side, Double> scores = new HashMap<>();
        Map<String, List<Side>> aByUnit = byUnit(a);
        Map<String, List<Side>> bByUnit = byUnit(b);
        for (Map.Entry<String, List<Side>> unit : aByUnit.entrySet()) {
            List<Side> bs = bByUnit.getOrDefault(unit.getKey(), List.of());
            pair(unit.getValue(), bs, Side::name, s -> null, PROJECT_MIN_SCORE, scores, partner);
        }
        List<ProjectMatch> out = new ArrayList<>();
        java.util.Set<Side> seenB = new java.util.HashSet<>();
        for (Side s : a) {
            Side p = partner.get(s);
            if (p != null) {
                seenB.add(p);
            }
            out.add(new ProjectMatch(s, p, p == null ? null : scores.get(s), targets(s.targets(), p == null ? List.of() : p.targets())));
        }
        for (Side s : b) {
            if (!seenB.contains(s)) {
                out.add(new ProjectMatch(null, s, null, targets(List.of(), s.targets())));
            }
        }
        return out;
    }

    private static Map<String, List<Side>> byUnit(List<Side> sides) {
        Map<String, List<Side>> out = new LinkedHashMap<>();
        sides.forEach(s -> out.computeIfAbsent(String.valueOf(s.unitId()), k -> new ArrayList<>()).add(s));
        return out;
    }

    /**
     * Pairs a with b: equal {@code key} (then equal {@code altKey}) in document order, then the remaining by name
     * similarity at least {@code min}, best first. Fills {@code partner} (a → b) and {@code scores} (a → score).
     */
    private static <T> List<int[]> pair(List<T> a, List<T> b, Function<T, String> name, Function<T, String> altKey,
                                        double min, Map<T, Double> scores, Map<T, T> partner) {
        boolean[] taken = new boolean[b.size()];
        boolean[] done = new boolean[a.size()];
        List<int[]> out = new ArrayList<>();
        for (Function<T, String> key : List.of(altKey, name)) {
            Map<String, Deque<Integer>> index = new HashMap<>();
            for (int j = 0; j < b.size(); j++) {
                String k = key.apply(b.get(j));
                if (k != null && !taken[j]) {
                    index.computeIfAbsent(k, x -> new ArrayDeque<>()).add(j);
                }
            }
            for (int i = 0; i < a.size(); i++) {
                String k = key.apply(a.get(i));
                if (done[i] || k == null) {
                    continue;
                }
                Deque<Integer> js = index.get(k);
                while (js != null && !js.isEmpty()) {
                    int j = js.poll();
                    if (!taken[j]) {
                        link(a, b, i, j, 1.0, taken, done, scores, partner, out);
                        break;
                    }
                }
            }
        }
        List<Integer> ai = new ArrayList<>();
        List<Integer> bj = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!done[i]) {
                ai.add(i);
            }
        }
        for (int j = 0; j < b.size(); j++) {
            if (!taken[j]) {
                bj.add(j);
            }
        }
        if ((long) ai.size() * bj.size() > MAX_NEAR_PAIRS || ai.isEmpty() || bj.isEmpty()) {
            return out;
        }
        List<double[]> near = new ArrayList<>();
        for (int i : ai) {
            for (int j : bj) {
                double s = Names.similarity(name.apply(a.get(i)), name.apply(b.get(j)));
                if (s >= min) {
                    near.add(new double[] {s, i, j});
                }
            }
        }
        near.sort(Comparator.<double[]>comparingDouble(x -> -x[0]).thenComparingDouble(x -> x[1]).thenComparingDouble(x -> x[2]));
        for (double[] x : near) {
            int i = (int) x[1];
            int j = (int) x[2];
            if (!done[i] && !taken[j]) {
                link(a, b, i, j, x[0], taken, done, scores, partner, out);
            }
        }
        return out;
    }

    private static <T> void link(List<T> a, List<T> b, int i, int j, double score, boolean[] taken, boolean[] done,
                                 Map<T, Double> scores, Map<T, T> partner, List<int[]> out) {
        taken[j] = true;
        done[i] = true;
        partner.put(a.get(i), b.get(j));
        scores.put(a.get(i), score);
        out.add(new int[] {i, j});
    }

    /**
     * The targets of a and b paired: the same indicator code, else the same normalised name, else a near name;
     * a's order, then b's targets left over as ADDED.
     */
    static List<TargetMatch> targets(List<Row> a, List<Row> b) {
        Map<Row, Row> partner = new java.util.IdentityHashMap<>();
        Map<Row, Double> scores = new java.util.IdentityHashMap<>();
        // codes first (an uncoded row has none), then normalised names
        pair(a, b, Row::normalizedName, Row::code, TARGET_MIN_SCORE, scores, partner);
        List<TargetMatch> out = new ArrayList<>();
        java.util.Set<Row> seenB = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Row r : a) {
            Row p = partner.get(r);
            if (p == null) {
                out.add(new TargetMatch(r, null, ChangeKind.REMOVED, null));
            } else {
                seenB.add(p);
                double score = scores.get(r);
                boolean sameIndicator = score == 1.0;
                out.add(new TargetMatch(r, p, kind(r, p, sameIndicator), score));
            }
        }
        for (Row r : b) {
            if (!seenB.contains(r)) {
                out.add(new TargetMatch(null, r, ChangeKind.ADDED, null));
            }
        }
        return out;
    }

    /** The change from a to b of two paired targets. */
    static ChangeKind kind(Row a, Row b, boolean sameIndicator) {
        if (a.normalized() != null && a.normalized().equals(b.normalized())) {
            return sameIndicator ? ChangeKind.UNCHANGED : ChangeKind.REWORDED;
        }
        if (!"NUMERIC".equals(a.kind()) || !"NUMERIC".equals(b.kind()) || a.number() == null || b.number() == null
                || a.number().equals(b.number()) || !Objects.equals(blankToNull(a.unit()), blankToNull(b.unit()))) {
            return ChangeKind.REWORDED;
        }
        int da = sense(a);
        int db = sense(b);
        if (da != db) {
            return ChangeKind.REWORDED;
        }
        boolean stricter = da > 0 ? b.number() > a.number() : b.number() < a.number();
        return stricter ? ChangeKind.STRICTER : ChangeKind.LOOSER;
    }

    /**
     * +1 where a higher number asks more (≥, >; = unless the row says 反向), -1 where a lower one does (≤, <;
     * = on a 反向 row).
     */
    static int sense(Row r) {
        return sense(r.comparator(), r.direction());
    }

    static int sense(String comparator, String direction) {
        String c = comparator == null ? "EQ" : comparator;
        return switch (c) {
            case "LE", "LT" -> -1;
            case "GE", "GT" -> 1;
            default -> "NEGATIVE".equals(direction) ? -1 : 1;
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
