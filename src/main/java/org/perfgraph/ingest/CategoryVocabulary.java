package org.perfgraph.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The canonical L1/L2 category vocabulary and its written variants. Both trees are live (成本指标 as an L2
 * under 产出指标 in older templates, as an L1 with its own L2s in newer ones), so the vocabulary is one table
 * of entries, each with its level and canonical parent, rather than one fixed tree.
 */
public final class CategoryVocabulary {

    /** One row of the vocabulary: a canonical name at one level, its parent (for L2) and its variants. */
    private record Entry(String canonical, int level, String parent, List<String> variants) {
    }

    private static final List<Entry> TABLE = List.of(
            new Entry("产出指标", 1, null, List.of("产出", "预期产出指标", "预期产出")),
            new Entry("效益指标", 1, null, List.of("效益", "效果指标", "预期效果指标", "效果", "预期效益指标")),
            new Entry("满意度指标", 1, null, List.of("满意度")),
            new Entry("成本指标", 1, null, List.of("成本")),
            new Entry("数量指标", 2, "产出指标", List.of("数量")),
            new Entry("质量指标", 2, "产出指标", List.of("质量")),
            new Entry("时效指标", 2, "产出指标", List.of("时效", "工期指标", "时效指标(工期指标)", "进度指标")),
            new Entry("成本指标", 2, "产出指标", List.of("成本")),
            new Entry("经济成本指标", 2, "成本指标", List.of("经济成本")),
            new Entry("社会成本指标", 2, "成本指标", List.of("社会成本")),
            new Entry("生态环境成本指标", 2, "成本指标", List.of("生态环境成本", "生态成本指标", "环境成本指标")),
            new Entry("经济效益指标", 2, "效益指标", List.of("经济效益")),
            new Entry("社会效益指标", 2, "效益指标", List.of("社会效益")),
            new Entry("生态效益指标", 2, "效益指标", List.of("生态效益", "环境效益指标")),
            new Entry("可持续影响指标", 2, "效益指标", List.of("可持续影响", "可持续效益指标")),
            new Entry("服务对象满意度指标", 2, "满意度指标",
                    List.of("服务对象满意度", "社会公众或服务对象满意度指标", "社会公众或服务对象满意度",
                            "服务对象满意", "社会公众满意度指标")));

    private static final Pattern CODE_PREFIX = Pattern.compile("^\\d+-");

    /** Normalised variant → canonical name (a canonical name maps to itself). */
    private static final Map<String, String> VARIANTS = new LinkedHashMap<>();

    static {
        for (Entry e : TABLE) {
            VARIANTS.put(e.canonical(), e.canonical());
            for (String v : e.variants()) {
                VARIANTS.putIfAbsent(key(v), e.canonical());
            }
        }
    }

    private CategoryVocabulary() {
    }

    /**
     * Resolves a written label to its canonical name: strips a {@code CODE-} prefix and whitespace, folds
     * full-width forms, maps variants (社会效益 → 社会效益指标, 时效指标(工期指标) → 时效指标,
     * 社会公众或服务对象满意度指标 → 服务对象满意度指标). Empty where the label is not in the vocabulary.
     */
    public static Optional<String> canonical(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String k = key(label);
        if (k.isEmpty()) {
            return Optional.empty();
        }
        String hit = VARIANTS.get(k);
        if (hit == null && !k.endsWith("指标")) {
            hit = VARIANTS.get(k + "指标");
        }
        if (hit == null) {
            // 时效指标(工期指标): a known label followed by a parenthetical gloss
            int paren = k.indexOf('(');
            if (paren > 0) {
                hit = VARIANTS.get(k.substring(0, paren));
            }
        }
        return Optional.ofNullable(hit);
    }

    /** True where the label resolves to an L1 (产出指标, 效益指标, 满意度指标, 成本指标). */
    public static boolean isL1(String label) {
        return canonical(label).map(c -> TABLE.stream().anyMatch(e -> e.level() == 1 && e.canonical().equals(c)))
                .orElse(false);
    }

    /** True where the label resolves to an L2; 成本指标 is both (an L2 under 产出指标 in the older tree). */
    public static boolean isL2(String label) {
        return canonical(label).map(c -> TABLE.stream().anyMatch(e -> e.level() == 2 && e.canonical().equals(c)))
                .orElse(false);
    }

    /** The canonical L1 parent of an L2 label, or null where the label is not an L2. */
    public static String parentOf(String l2) {
        return canonical(l2).flatMap(c -> TABLE.stream().filter(e -> e.level() == 2 && e.canonical().equals(c))
                .map(Entry::parent).findFirst()).orElse(null);
    }

    /** Canonical names at one level, in table order. */
    public static List<String> names(int level) {
        return TABLE.stream().filter(e -> e.level() == level).map(Entry::canonical).toList();
    }

    /**
     * Whether a cell looks like a category label that OCR garbled: not in the vocabulary, but ending in 指标
     * with at least two characters before it (a bare 指标 or 绩效 is the split 绩效指标 column label, not a
     * category).
     */
    public static boolean looksLikeGarbledLabel(String label) {
        String k = label == null ? "" : key(label);
        return canonical(k).isEmpty() && k.endsWith("指标") && k.length() >= 4 && !k.equals("绩效指标");
    }

    /**
     * Candidates for a garbled label at one level: the vocabulary names sharing the most characters with it
     * (指标 not counted, every name has it); several on a tie, none where nothing is shared.
     */
    public static List<String> repairCandidates(String garbled, int level) {
        String core = stem(key(garbled));
        int best = 0;
        List<String> out = new ArrayList<>();
        for (Entry e : TABLE) {
            if (e.level() != level) {
                continue;
            }
            int score = overlap(core, stem(e.canonical()));
            if (score > best) {
                best = score;
                out.clear();
            }
            if (score == best && score > 0 && !out.contains(e.canonical())) {
                out.add(e.canonical());
            }
        }
        return out;
    }

    /**
     * Repairs a garbled label by similarity and context: the best {@link #repairCandidates candidates}; among
     * tied L2 candidates those under {@code expectedParent} (the L1 read on the same row), then the L2 of the
     * row above ({@code previous}). Empty where no candidate is left or the tie cannot be broken.
     */
    public static Optional<String> repair(String garbled, int level, String expectedParent, String previous) {
        List<String> candidates = repairCandidates(garbled, level);
        if (candidates.size() > 1 && level == 2 && expectedParent != null) {
            List<String> underParent = candidates.stream().filter(c -> expectedParent.equals(parentOf(c))).toList();
            if (!underParent.isEmpty()) {
                candidates = underParent;
            }
        }
        if (candidates.size() > 1 && previous != null && candidates.contains(previous)) {
            candidates = List.of(previous);
        }
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    /** Characters shared by two strings, counted with multiplicity. */
    static int overlap(String a, String b) {
        Map<Character, Integer> counts = new LinkedHashMap<>();
        for (char c : a.toCharArray()) {
            counts.merge(c, 1, Integer::sum);
        }
        int shared = 0;
        for (char c : b.toCharArray()) {
            Integer n = counts.get(c);
            if (n != null && n > 0) {
                shared++;
                counts.put(c, n - 1);
            }
        }
        return shared;
    }

    private static String stem(String k) {
        return k.endsWith("指标") ? k.substring(0, k.length() - 2) : k;
    }

    /** The lookup form of a label: code prefix dropped, width folded, whitespace removed. */
    static String key(String label) {
        String k = TextNormalizer.normalizeName(label);
        return CODE_PREFIX.matcher(k).replaceFirst("");
    }
}
