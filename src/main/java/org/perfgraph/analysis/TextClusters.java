package org.perfgraph.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups verified near-duplicate pairs into clusters (union-find over the pairs: a family of templated texts
 * is one cluster even where not every two of its members reach the threshold with each other). Work grows
 * with the number of pairs, never with the number of texts squared.
 */
final class TextClusters {

    /** A verified pair of text ids with its similarity. */
    record Pair(String a, String b, double score) {
    }

    /** A cluster: its text ids (in first-seen order) and its pairs, best first. */
    record Cluster(List<String> texts, List<Pair> pairs) {

        double best() {
            return pairs.stream().mapToDouble(Pair::score).max().orElse(0);
        }
    }

    private TextClusters() {
    }

    /** Clusters, largest first, then by best pair score, then by first text id (stable across calls). */
    static List<Cluster> of(List<Pair> pairs) {
        Map<String, String> parent = new HashMap<>();
        for (Pair p : pairs) {
            union(parent, p.a(), p.b());
        }
        Map<String, List<String>> members = new LinkedHashMap<>();
        Map<String, List<Pair>> edges = new HashMap<>();
        for (Pair p : pairs) {
            String root = find(parent, p.a());
            List<String> texts = members.computeIfAbsent(root, r -> new ArrayList<>());
            for (String id : List.of(p.a(), p.b())) {
                if (!texts.contains(id)) {
                    texts.add(id);
                }
            }
            edges.computeIfAbsent(root, r -> new ArrayList<>()).add(p);
        }
        List<Cluster> out = new ArrayList<>();
        members.forEach((root, texts) -> {
            List<Pair> ps = new ArrayList<>(edges.get(root));
            ps.sort(Comparator.comparingDouble(Pair::score).reversed().thenComparing(Pair::a).thenComparing(Pair::b));
            List<String> sorted = new ArrayList<>(texts);
            sorted.sort(Comparator.naturalOrder());
            out.add(new Cluster(sorted, ps));
        });
        out.sort(Comparator.comparingInt((Cluster c) -> c.texts().size()).reversed()
                .thenComparing(Comparator.comparingDouble(Cluster::best).reversed())
                .thenComparing(c -> c.texts().get(0)));
        return out;
    }

    private static String find(Map<String, String> parent, String id) {
        String root = id;
        while (parent.containsKey(root) && !parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        // path compression keeps later finds short in large families
        String node = id;
        while (!node.equals(root)) {
            String next = parent.get(node);
            parent.put(node, root);
            node = next;
        }
        return root;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        parent.putIfAbsent(a, a);
        parent.putIfAbsent(b, b);
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) {
            // the smaller id becomes the root, so clusters do not depend on pair order
            if (ra.compareTo(rb) < 0) {
                parent.put(rb, ra);
            } else {
                parent.put(ra, rb);
            }
        }
    }
}
