package org.perfgraph.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The similarity grouping counts shared bigrams through its inverted index instead of building two bigram sets per
 * comparison: it must group exactly as the comparison of {@link Names#similarity} does (the first version, kept here
 * as the reference), ties and the bigrams too common to nominate included.
 */
class SimilarityFamiliesTest {

    @Test
    void counted_similarity_groups_exactly_as_pairwise_similarity_on_names_sharing_few_and_many_bigrams() {
        // a small alphabet makes many shared and many too-common bigrams; 3,000 names pass MAX_BIGRAM_LEADERS
        String[] words = {"服务", "平台", "资金", "满意度", "宣传", "次数", "完成", "及时性", "企业", "展厅", "系统", "数量"};
        Random random = new Random(20261203);
        List<Map<String, Object>> indicators = new ArrayList<>();
        for (int n = 0; n < 3000; n++) {
            StringBuilder name = new StringBuilder();
            int parts = 1 + random.nextInt(3);
            for (int k = 0; k < parts; k++) {
                name.append(words[random.nextInt(words.length)]);
            }
            Map<String, Object> i = new HashMap<>();
            i.put("id", "I" + n);
            i.put("name", name.toString());
            i.put("normalizedName", name.toString());
            i.put("projectCount", (long) random.nextInt(50));
            indicators.add(i);
        }
        List<IndicatorFamilies.Family> counted = IndicatorFamilies.similarityFamilies(indicators);
        List<IndicatorFamilies.Family> pairwise = reference(indicators);
        assertThat(counted).isNotEmpty();
        assertThat(counted.stream().map(f -> f.id() + "=" + f.memberIds()).toList())
                .isEqualTo(pairwise.stream().map(f -> f.id() + "=" + f.memberIds()).toList());
    }

    @Test
    void a_grouping_resumed_from_the_previous_one_equals_a_grouping_from_scratch_after_adds_renames_and_count_changes() {
        String[] words = {"服务", "平台", "资金", "满意度", "宣传", "次数", "完成", "及时性", "企业", "展厅", "系统", "数量"};
        Random random = new Random(20261204);
        List<Map<String, Object>> indicators = new ArrayList<>();
        for (int n = 0; n < 2000; n++) {
            indicators.add(indicator("I" + n, name(words, random), random.nextInt(50)));
        }
        IndicatorFamilies.Grouping previous = IndicatorFamilies.group(indicators, null);
        for (int round = 0; round < 6; round++) {
            List<Map<String, Object>> next = new ArrayList<>(indicators);
            switch (round % 3) {
                // a write adding rarely used indicators (the tail moves), one renaming, one changing counts
                case 0 -> next.add(indicator("N" + round, name(words, random), random.nextInt(2)));
                case 1 -> {
                    int at = random.nextInt(next.size());
                    next.set(at, indicator((String) next.get(at).get("id"), name(words, random), 3));
                }
                default -> {
                    int at = random.nextInt(next.size());
                    Map<String, Object> moved = new HashMap<>(next.get(at));
                    moved.put("projectCount", ((Number) moved.get("projectCount")).longValue() + 1 + random.nextInt(5));
                    next.set(at, moved);
                }
            }
            IndicatorFamilies.Grouping resumed = IndicatorFamilies.group(next, previous);
            IndicatorFamilies.Grouping scratch = IndicatorFamilies.group(next, null);
            assertThat(resumed.families()).as("round %d", round).isEqualTo(scratch.families());
            assertThat(resumed.leaderOf()).isEqualTo(scratch.leaderOf());
            previous = resumed;
            indicators = next;
        }
        // nothing changed: the same families (the uses recomputed from the counts)
        assertThat(IndicatorFamilies.group(indicators, previous).families()).isEqualTo(previous.families());
    }

    private static String name(String[] words, Random random) {
        StringBuilder name = new StringBuilder();
        int parts = 1 + random.nextInt(3);
        for (int k = 0; k < parts; k++) {
            name.append(words[random.nextInt(words.length)]);
        }
        return name.toString();
    }

    private static Map<String, Object> indicator(String id, String name, long projectCount) {
        Map<String, Object> i = new HashMap<>();
        i.put("id", id);
        i.put("name", name);
        i.put("normalizedName", name);
        i.put("projectCount", projectCount);
        return i;
    }

    /** The grouping as first written: Names.similarity per candidate leader. */
    private static List<IndicatorFamilies.Family> reference(List<Map<String, Object>> indicators) {
        List<Map<String, Object>> sorted = new ArrayList<>(indicators);
        sorted.sort(Comparator.comparingLong((Map<String, Object> i) -> -((Number) i.get("projectCount")).longValue())
                .thenComparing(i -> (String) i.get("normalizedName")).thenComparing(i -> (String) i.get("id")));
        List<Map<String, Object>> leaders = new ArrayList<>();
        List<List<Map<String, Object>>> members = new ArrayList<>();
        Map<String, List<Integer>> index = new HashMap<>();
        for (Map<String, Object> indicator : sorted) {
            String name = (String) indicator.get("normalizedName");
            Set<String> grams = Names.bigrams(name);
            double best = 0;
            int bestLeader = -1;
            Set<Integer> seen = new HashSet<>();
            for (String g : grams) {
                List<Integer> ls = index.get(g);
                if (ls == null || ls.size() > IndicatorFamilies.MAX_BIGRAM_LEADERS) {
                    continue;
                }
                for (int l : ls) {
                    if (seen.add(l)) {
                        double s = Names.similarity(name, (String) leaders.get(l).get("normalizedName"));
                        if (s > best || (s == best && bestLeader >= 0 && l < bestLeader)) {
                            best = s;
                            bestLeader = l;
                        }
                    }
                }
            }
            if (bestLeader >= 0 && best >= IndicatorFamilies.MIN_SIMILARITY) {
                members.get(bestLeader).add(indicator);
            } else {
                int l = leaders.size();
                leaders.add(indicator);
                List<Map<String, Object>> own = new ArrayList<>();
                own.add(indicator);
                members.add(own);
                for (String g : grams) {
                    index.computeIfAbsent(g, k -> new ArrayList<>()).add(l);
                }
            }
        }
        List<IndicatorFamilies.Family> out = new ArrayList<>();
        for (int l = 0; l < leaders.size(); l++) {
            if (members.get(l).size() >= 2) {
                String name = (String) leaders.get(l).get("normalizedName");
                out.add(new IndicatorFamilies.Family("similar:" + name, name, "SIMILARITY", null, null,
                        members.get(l).stream().sorted(Comparator.comparing((Map<String, Object> i) -> (String) i.get("name"))
                                .thenComparing(i -> (String) i.get("id"))).toList(), 0));
            }
        }
        out.sort(Comparator.comparing(IndicatorFamilies.Family::id));
        return out;
    }
}
