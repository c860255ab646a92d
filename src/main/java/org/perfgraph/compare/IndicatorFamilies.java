package org.perfgraph.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.perfgraph.support.GraphReader;
import org.perfgraph.support.ResultCache;
import org.springframework.stereotype.Component;

/**
 * Assigns every indicator to a family: by the rules of indicator-families.txt, else (indicators no rule covers)
 * to the most used similar indicator's family, by the character-bigram similarity the indicator_name_bigrams
 * index nominates by. One statement reads the indicators; the assignment is kept for the store's write generation.
 * Public for the findings that compare a target with its family (analysis).
 */
@Component
public class IndicatorFamilies {

    /** Least peers (same family, measure and direction) before a target can be looser than three quarters of them. */
    public static final int MIN_PEERS = 4;
    /** Share of stricter peers that makes a target TARGET_LOOSER_THAN_PEERS. */
    public static final double LOOSER_SHARE = 0.75;

    /** Least bigram similarity of an uncovered indicator's name to a similarity family's leading member. */
    static final double MIN_SIMILARITY = 0.6;
    /** Bigrams shared by more leading names than this nominate nobody (too common to say anything). */
    static final int MAX_BIGRAM_LEADERS = 500;

    /** A family: its id, name, source, measure (null for a similarity family: read with its targets), L1, members. */
    public record Family(String id, String name, String source, String measure, String level1,
                         List<Map<String, Object>> members, long uses) {

        /** The member indicators' ids. */
        public List<Object> memberIds() {
            return members.stream().map(m -> m.get("id")).toList();
        }

        /**
         * The stored group buckets that add up to this family (cypher/schema/070_families.cypher): a rule family's
         * key, a similarity family's members' 'i:&lt;id&gt;'.
         */
        public List<String> buckets() {
            return "RULE".equals(source) ? List.of(id) : members.stream().map(m -> "i:" + m.get("id")).toList();
        }
    }

    private final GraphReader reader;
    private final ResultCache cache;
    private final List<FamilyRules.Rule> rules = FamilyRules.load();

    IndicatorFamilies(GraphReader reader, ResultCache cache) {
        this.reader = reader;
        this.cache = cache;
    }

    /** Every family with at least one member (similarity families: at least two), in rule order, then by id. */
    public List<Family> all() {
        return cache.get("indicatorFamilies", this::compute);
    }

    /** The families as the finding files take them: [{id, members, level1, measure, name, buckets}]. */
    public List<Map<String, Object>> asParameters() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Family f : all()) {
            Map<String, Object> m = new HashMap<>();
            m.put("id", f.id());
            m.put("members", f.memberIds());
            m.put("level1", f.level1());
            m.put("measure", f.measure());
            m.put("name", f.name());
            m.put("buckets", f.buckets());
            out.add(m);
        }
        return out;
    }

    Family byId(String id) {
        return all().stream().filter(f -> f.id().equals(id)).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private List<Family> compute() {
        Map<String, List<Map<String, Object>>> byRule = new LinkedHashMap<>();
        rules.forEach(r -> byRule.put(r.key(), new ArrayList<>()));
        List<Map<String, Object>> uncovered = new ArrayList<>();
        for (Map<String, Object> row : reader.rows("compare/family-indicators", Map.of())) {
            Map<String, Object> indicator = (Map<String, Object>) row.get("indicator");
            FamilyRules.Rule rule = FamilyRules.match(rules, (String) indicator.get("normalizedName"));
            if (rule != null) {
                byRule.get(rule.key()).add(indicator);
            } else if (indicator.get("normalizedName") != null) {
                uncovered.add(indicator);
            }
        }
        List<Family> out = new ArrayList<>();
        for (FamilyRules.Rule r : rules) {
            List<Map<String, Object>> members = byRule.get(r.key());
            if (!members.isEmpty()) {
                out.add(family(r.key(), r.name(), "RULE", r.measure().isEmpty() ? null : r.measure(), r.level1(), members));
            }
        }
        out.addAll(similarityFamilies(uncovered));
        return List.copyOf(out);
    }

    /**
     * Uncovered indicators, most used first, each joining the most similar leading member (at least
     * {@link #MIN_SIMILARITY}) or leading a family of its own; families of one are dropped. Leaders are found through
     * an inverted index of their bigrams, so this never compares all pairs. The similarity of a candidate is
     * {@link Names#similarity} computed from counts: the shared bigrams are counted while walking the index (and, for
     * the bigrams too common to nominate, looked up in the leader's set), so no bigram set is built per comparison
     * (building two sets per comparison took 26 s after each write at 1M targets, 19,012 indicators).
     */
    static List<Family> similarityFamilies(List<Map<String, Object>> indicators) {
        List<Map<String, Object>> sorted = new ArrayList<>(indicators);
        sorted.sort(Comparator.comparingLong((Map<String, Object> i) -> -count(i.get("projectCount")))
                .thenComparing(i -> (String) i.get("normalizedName")).thenComparing(i -> (String) i.get("id")));
        List<Map<String, Object>> leaders = new ArrayList<>();
        List<Set<String>> leaderGrams = new ArrayList<>();
        List<List<Map<String, Object>>> members = new ArrayList<>();
        Map<String, List<Integer>> index = new HashMap<>();
        int[] shared = new int[16];
        List<Integer> candidates = new ArrayList<>();
        List<String> common = new ArrayList<>();
        for (Map<String, Object> indicator : sorted) {
            String name = (String) indicator.get("normalizedName");
            Set<String> grams = Names.bigrams(name);
            if (shared.length < leaders.size()) {
                shared = java.util.Arrays.copyOf(shared, Math.max(leaders.size(), 2 * shared.length));
            }
            candidates.clear();
            common.clear();
            for (String g : grams) {
                List<Integer> ls = index.get(g);
                if (ls == null) {
                    continue;
                }
                if (ls.size() > MAX_BIGRAM_LEADERS) {
                    common.add(g);
                    continue;
                }
                for (int l : ls) {
                    if (shared[l]++ == 0) {
                        candidates.add(l);
                    }
                }
            }
            double best = 0;
            int bestLeader = -1;
            for (int l : candidates) {
                int n = shared[l];
                shared[l] = 0;
                Set<String> other = leaderGrams.get(l);
                for (String g : common) {
                    if (other.contains(g)) {
                        n++;
                    }
                }
                double s = name.equals(leaders.get(l).get("normalizedName")) ? 1.0
                        : (double) n / (grams.size() + other.size() - n);
                // the highest similarity wins, on a tie the earlier leader: independent of the candidates' order
                if (s > best || (s == best && bestLeader >= 0 && l < bestLeader)) {
                    best = s;
                    bestLeader = l;
                }
            }
            if (bestLeader >= 0 && best >= MIN_SIMILARITY) {
                members.get(bestLeader).add(indicator);
            } else {
                int l = leaders.size();
                leaders.add(indicator);
                leaderGrams.add(grams);
                List<Map<String, Object>> own = new ArrayList<>();
                own.add(indicator);
                members.add(own);
                for (String g : grams) {
                    index.computeIfAbsent(g, k -> new ArrayList<>()).add(l);
                }
            }
        }
        List<Family> out = new ArrayList<>();
        for (int l = 0; l < leaders.size(); l++) {
            if (members.get(l).size() >= 2) {
                String name = (String) leaders.get(l).get("normalizedName");
                out.add(family("similar:" + name, name, "SIMILARITY", null, null, members.get(l)));
            }
        }
        out.sort(Comparator.comparing(Family::id));
        return out;
    }

    private static Family family(String id, String name, String source, String measure, String level1,
                                 List<Map<String, Object>> members) {
        List<Map<String, Object>> sorted = new ArrayList<>(members);
        sorted.sort(Comparator.comparing((Map<String, Object> i) -> String.valueOf(i.get("name")))
                .thenComparing(i -> String.valueOf(i.get("id"))));
        long uses = sorted.stream().mapToLong(i -> count(i.get("projectCount"))).sum();
        return new Family(id, name, source, measure, level1, List.copyOf(sorted), uses);
    }

    private static long count(Object n) {
        return n == null ? 0 : ((Number) n).longValue();
    }
}
