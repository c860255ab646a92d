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
    /** The last similarity grouping, where the next one starts from (see {@link #group}). */
    private volatile Grouping last;

    IndicatorFamilies(GraphReader reader, ResultCache cache) {
        this.reader = reader;
        this.cache = cache;
    }

    /** Every family with at least one member (similarity families: at least two), in rule order, then by id. */
    public List<Family> all() {
        return cache.get("indicatorFamilies", this::compute);
    }

    /**
     * Per family and comparator direction with numbers looser than {@link #LOOSER_SHARE} of at least {@link #MIN_PEERS}
     * peers, as the TARGET_LOOSER_THAN_PEERS finding takes them: ranked, [{id, name, members, level1, measure, sense,
     * others, looser: [{number, stricter}]}], and rankedOf, per member indicator id its entries' places in ranked. Ranked from the stored groups (cypher/compare/family-looser-ranks.cypher)
     * once per write generation, so the pages of the finding, read document by document, rank once.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> looserRanked() {
        return cache.get("looserRanked", () -> {
            Map<String, Family> byId = new HashMap<>();
            List<Map<String, Object>> params = new ArrayList<>();
            for (Family f : all()) {
                byId.put(f.id(), f);
                Map<String, Object> m = new HashMap<>();
                m.put("id", f.id());
                m.put("buckets", f.buckets());
                m.put("measure", f.measure());
                params.add(m);
            }
            List<Map<String, Object>> out = new ArrayList<>();
            for (Map<String, Object> row : reader.rows("compare/family-looser-ranks",
                    Map.of("families", params, "minPeers", MIN_PEERS, "looserShare", LOOSER_SHARE))) {
                Family f = byId.get((String) row.get("family"));
                Map<String, Object> m = new HashMap<>();
                m.put("id", f.id());
                m.put("name", f.name());
                m.put("members", f.memberIds());
                m.put("level1", f.level1());
                m.put("measure", row.get("measure"));
                m.put("sense", row.get("sense"));
                m.put("others", row.get("others"));
                m.put("looser", row.get("looser"));
                out.add(m);
            }
            Map<String, List<Integer>> of = new HashMap<>();
            for (int k = 0; k < out.size(); k++) {
                for (Object member : (List<Object>) out.get(k).get("members")) {
                    of.computeIfAbsent((String) member, x -> new ArrayList<>()).add(k);
                }
            }
            return Map.<String, Object>of("ranked", List.copyOf(out), "rankedOf", Map.copyOf(of));
        });
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
            String name = (String) indicator.get("normalizedName");
            if (name == null) {
                continue;
            }
            // the rule stored at write time (FamilyGroups) where it was assigned from this name, else matched here
            String key = name.equals(indicator.get("familyRuleOf")) ? (String) indicator.get("familyRule") : null;
            if (key == null || (!key.isEmpty() && !byRule.containsKey(key))) {
                FamilyRules.Rule rule = FamilyRules.match(rules, name);
                key = rule == null ? "" : rule.key();
            }
            if (key.isEmpty()) {
                uncovered.add(indicator);
            } else {
                byRule.get(key).add(indicator);
            }
        }
        Grouping grouping = group(uncovered, last);
        last = grouping;
        List<Family> out = new ArrayList<>();
        for (FamilyRules.Rule r : rules) {
            List<Map<String, Object>> members = byRule.get(r.key());
            if (!members.isEmpty()) {
                out.add(family(r.key(), r.name(), "RULE", r.measure().isEmpty() ? null : r.measure(), r.level1(), members));
            }
        }
        out.addAll(grouping.families());
        return List.copyOf(out);
    }

    /**
     * Uncovered indicators, most used first, each joining the most similar leading member (at least
     * {@link #MIN_SIMILARITY}) or leading a family of its own; families of one are dropped. See {@link #group}.
     */
    static List<Family> similarityFamilies(List<Map<String, Object>> indicators) {
        return group(indicators, null).families();
    }

    /**
     * A similarity grouping: the keys of the indicators (id and name: all the grouping reads of them) in the order
     * they were taken (most used first, then name, id), per position the leader it joined or led (a leader's first
     * position is its own), and per leader its bigrams. Kept so the next grouping can start where the order first differs.
     */
    record Grouping(List<Family> families, List<String> keys, int[] leaderOf, List<Set<String>> leaderGrams) {
    }

    /**
     * Groups as {@link #similarityFamilies} describes. Each indicator's choice depends only on the indicators taken
     * before it, so with a {@code previous} grouping the positions before the first differing key keep their choice
     * (with the new indicators' counts) and only the rest are grouped again: after a write that adds or moves a few
     * rarely used indicators that is a short tail, and the same groups as from scratch. Leaders are found through an
     * inverted index of their bigrams, so this never compares all pairs. The similarity of a candidate is
     * {@link Names#similarity} computed from counts: the shared bigrams are counted while walking the index (and, for
     * the bigrams too common to nominate, looked up in the leader's set), so no bigram set is built per comparison
     * (building two sets per comparison took 26 s after each write at 1M targets, 19,012 indicators).
     */
    static Grouping group(List<Map<String, Object>> indicators, Grouping previous) {
        List<Map<String, Object>> sorted = new ArrayList<>(indicators);
        sorted.sort(Comparator.comparingLong((Map<String, Object> i) -> -count(i.get("projectCount")))
                .thenComparing(i -> (String) i.get("normalizedName")).thenComparing(i -> (String) i.get("id")));
        List<String> keys = new ArrayList<>(sorted.size());
        for (Map<String, Object> i : sorted) {
            keys.add(i.get("id") + "\u0000" + i.get("normalizedName"));
        }
        int kept = 0;
        if (previous != null) {
            int n = Math.min(keys.size(), previous.keys().size());
            while (kept < n && keys.get(kept).equals(previous.keys().get(kept))) {
                kept++;
            }
        }
        int[] leaderOf = new int[sorted.size()];
        List<Map<String, Object>> leaders = new ArrayList<>();
        List<Set<String>> leaderGrams = new ArrayList<>();
        List<List<Map<String, Object>>> members = new ArrayList<>();
        Map<String, List<Integer>> index = new HashMap<>();
        for (int p = 0; p < kept; p++) {
            int l = previous.leaderOf()[p];
            if (l == leaders.size()) {
                Set<String> grams = previous.leaderGrams().get(l);
                leaders.add(sorted.get(p));
                leaderGrams.add(grams);
                members.add(new ArrayList<>());
                for (String g : grams) {
                    index.computeIfAbsent(g, k -> new ArrayList<>()).add(l);
                }
            }
            members.get(l).add(sorted.get(p));
            leaderOf[p] = l;
        }
        int[] shared = new int[16];
        List<Integer> candidates = new ArrayList<>();
        List<String> common = new ArrayList<>();
        for (int p = kept; p < sorted.size(); p++) {
            Map<String, Object> indicator = sorted.get(p);
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
                leaderOf[p] = bestLeader;
            } else {
                int l = leaders.size();
                leaders.add(indicator);
                leaderGrams.add(grams);
                List<Map<String, Object>> own = new ArrayList<>();
                own.add(indicator);
                members.add(own);
                leaderOf[p] = l;
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
        return new Grouping(List.copyOf(out), keys, leaderOf, leaderGrams);
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
