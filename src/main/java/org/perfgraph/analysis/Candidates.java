package org.perfgraph.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.perfgraph.ingest.TextSignature;

/**
 * Candidate pairs of near-duplicate texts from LSH buckets ({@link #buckets}: each bucket's texts with their MinHash
 * signatures). Only texts sharing a bucket are paired, each pair once however many
 * buckets it shares, and kept where the MinHash estimate reaches {@code minEstimate}. This runs in Java because
 * enumerating a few hundred thousand pairs row by row in Cypher takes minutes where a loop takes milliseconds;
 * the work still grows with the bucket pairs, never with all pairs of texts.
 */
final class Candidates {

    /** A candidate pair (ids in string order) with its MinHash estimate. */
    record Pair(String a, String b, double estimate) {
    }

    private Candidates() {
    }

    /**
     * The LSH buckets of texts (rows of similar-text-signatures.cypher: id, bands, signature): for each band key
     * shared by at least {@code minBucket} texts, those texts in the rows' order; buckets in band-key order.
     */
    static List<Map<String, Object>> buckets(List<Map<String, Object>> texts, int minBucket) {
        Map<String, List<Map<String, Object>>> byBand = new TreeMap<>();
        for (Map<String, Object> text : texts) {
            for (Object band : (List<?>) text.get("bands")) {
                byBand.computeIfAbsent(String.valueOf(band), k -> new ArrayList<>()).add(text);
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        byBand.forEach((band, members) -> {
            if (members.size() >= minBucket) {
                out.add(Map.of("band", band, "texts", members));
            }
        });
        return out;
    }

    /**
     * @param maxBucket a bucket with more texts (a large family of templated texts) is paired as a star around its
     *                  first text: linear instead of quadratic, and clustering still connects the family
     */
    static List<Pair> of(List<Map<String, Object>> buckets, double minEstimate, int maxBucket) {
        Map<String, Integer> index = new HashMap<>();
        List<String> ids = new ArrayList<>();
        List<int[]> signatures = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        List<Pair> out = new ArrayList<>();
        for (Map<String, Object> bucket : buckets) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> texts = (List<Map<String, Object>>) bucket.get("texts");
            int[] members = new int[texts.size()];
            for (int k = 0; k < members.length; k++) {
                Map<String, Object> text = texts.get(k);
                members[k] = index.computeIfAbsent((String) text.get("id"), id -> {
                    ids.add(id);
                    signatures.add(signature(text.get("signature")));
                    return ids.size() - 1;
                });
            }
            boolean star = members.length > maxBucket;
            for (int i = 0; i < members.length - 1; i++) {
                for (int j = i + 1; j < members.length; j++) {
                    int x = Math.min(members[i], members[j]);
                    int y = Math.max(members[i], members[j]);
                    if (x != y && seen.add(((long) x << 32) | y)) {
                        double estimate = TextSignature.estimate(signatures.get(x), signatures.get(y));
                        if (estimate >= minEstimate) {
                            String a = ids.get(x);
                            String b = ids.get(y);
                            out.add(a.compareTo(b) < 0 ? new Pair(a, b, estimate) : new Pair(b, a, estimate));
                        }
                    }
                }
                if (star) {
                    break;
                }
            }
        }
        return out;
    }

    private static int[] signature(Object value) {
        List<?> list = (List<?>) value;
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) list.get(i)).intValue();
        }
        return out;
    }
}
