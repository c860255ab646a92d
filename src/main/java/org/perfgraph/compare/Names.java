package org.perfgraph.compare;

import java.util.LinkedHashSet;
import java.util.Set;

/** Character-bigram Jaccard similarity of two names: what the indicator_name_bigrams full-text index nominates by. */
final class Names {

    private Names() {
    }

    static Set<String> bigrams(String s) {
        Set<String> out = new LinkedHashSet<>();
        if (s == null || s.isEmpty()) {
            return out;
        }
        int[] cps = s.codePoints().toArray();
        if (cps.length == 1) {
            out.add(s);
            return out;
        }
        for (int i = 0; i + 1 < cps.length; i++) {
            out.add(new String(cps, i, 2));
        }
        return out;
    }

    /** 1.0 for equal names, else |shared bigrams| / |all bigrams|. */
    static double similarity(String a, String b) {
        if (a == null || b == null) {
            return 0;
        }
        if (a.equals(b)) {
            return 1.0;
        }
        Set<String> x = bigrams(a);
        Set<String> y = bigrams(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String g : x) {
            if (y.contains(g)) {
                shared++;
            }
        }
        return (double) shared / (x.size() + y.size() - shared);
    }
}
