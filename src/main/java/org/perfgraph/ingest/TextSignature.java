package org.perfgraph.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * MinHash signatures of goal texts over character 3-grams (Chinese has no spaces, so words are not a unit),
 * and LSH band keys over them. Two texts whose 3-gram Jaccard similarity is s share at least one of the
 * {@value #BANDS} bands with probability 1-(1-s^{@value #ROWS})^{@value #BANDS}: 0.98 at s=0.8, 0.56 at s=0.5,
 * 0.06 at s=0.3. Computed once at import and stored on the text nodes, so a similarity query never recomputes.
 */
public final class TextSignature {

    public static final int SIZE = 64;
    public static final int BANDS = 16;
    public static final int ROWS = SIZE / BANDS;
    static final int GRAM = 3;

    private static final long[] A = new long[SIZE];
    private static final long[] B = new long[SIZE];
    private static final long PRIME = 2_147_483_647L; // 2^31-1

    static {
        java.util.SplittableRandom random = new java.util.SplittableRandom(20240101L);
        for (int i = 0; i < SIZE; i++) {
            A[i] = 1 + random.nextLong(PRIME - 1);
            B[i] = random.nextLong(PRIME);
        }
    }

    private TextSignature() {
    }

    /** The character n-grams of a normalised text (the whole text if it is shorter than one n-gram). */
    public static Set<String> shingles(String normalized) {
        Set<String> out = new HashSet<>();
        int[] cps = normalized.codePoints().toArray();
        if (cps.length < GRAM) {
            out.add(normalized);
            return out;
        }
        for (int i = 0; i + GRAM <= cps.length; i++) {
            out.add(new String(cps, i, GRAM));
        }
        return out;
    }

    /** Jaccard similarity of two normalised texts' shingle sets: the exact value the signatures estimate. */
    public static double jaccard(String a, String b) {
        Set<String> x = shingles(a);
        Set<String> y = shingles(b);
        int inter = 0;
        for (String s : x) {
            if (y.contains(s)) {
                inter++;
            }
        }
        int union = x.size() + y.size() - inter;
        return union == 0 ? 1.0 : (double) inter / union;
    }

    public static int[] minHash(String normalized) {
        int[] sig = new int[SIZE];
        java.util.Arrays.fill(sig, Integer.MAX_VALUE);
        for (String shingle : shingles(normalized)) {
            long h = shingle.hashCode() & 0x7fffffffL;
            for (int i = 0; i < SIZE; i++) {
                int v = (int) ((A[i] * h + B[i]) % PRIME);
                if (v < sig[i]) {
                    sig[i] = v;
                }
            }
        }
        return sig;
    }

    /** One key per band: the band's number and a hash of its rows. Texts sharing a key are candidate pairs. */
    public static List<String> bands(int[] signature) {
        List<String> keys = new ArrayList<>(BANDS);
        for (int b = 0; b < BANDS; b++) {
            long h = 1125899906842597L;
            for (int r = 0; r < ROWS; r++) {
                h = 31 * h + signature[b * ROWS + r];
            }
            keys.add(b + ":" + Long.toHexString(h));
        }
        return keys;
    }

    /** Share of equal positions: the MinHash estimate of Jaccard similarity. */
    public static double estimate(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < SIZE; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / SIZE;
    }
}
