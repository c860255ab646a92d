package org.perfgraph.compare;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The rules of {@code indicator-families.txt}: one family per line, its key its id. */
final class FamilyRules {

    static final String RESOURCE = "indicator-families.txt";

    /** One line: the family's key, name, measure (%, 个), L1 (null: any) and name stems. */
    record Rule(String key, String name, String measure, String level1, List<String> stems, int line) {
    }

    private FamilyRules() {
    }

    static List<Rule> load() {
        try (InputStream in = FamilyRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rules of the file's lines; a malformed line stops with its line number. */
    static List<Rule> parse(List<String> lines) {
        List<Rule> out = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\\|", -1);
            if (cells.length != 5) {
                throw new IllegalStateException(RESOURCE + " line " + (n + 1) + ": expected 5 cells separated by |"
                        + " (key | name | measure | L1 | stems), found " + cells.length);
            }
            String key = cells[0].strip();
            if (key.isEmpty() || !keys.add(key)) {
                throw new IllegalStateException(RESOURCE + " line " + (n + 1) + ": the key '" + key
                        + "' is empty or used by an earlier line");
            }
            String level1 = cells[3].strip();
            List<String> stems = new ArrayList<>();
            for (String stem : cells[4].split("、")) {
                if (!stem.isBlank()) {
                    stems.add(stem.strip());
                }
            }
            if (stems.isEmpty()) {
                throw new IllegalStateException(RESOURCE + " line " + (n + 1) + ": no name stem");
            }
            out.add(new Rule(key, cells[1].strip(), cells[2].strip(), level1.equals("*") || level1.isEmpty() ? null : level1,
                    List.copyOf(stems), n + 1));
        }
        return List.copyOf(out);
    }

    /** The rule whose stem the name contains, the longest stem winning (then the earlier line); null if none. */
    static Rule match(List<Rule> rules, String normalizedName) {
        if (normalizedName == null) {
            return null;
        }
        Rule best = null;
        int bestLength = 0;
        for (Rule r : rules) {
            for (String stem : r.stems()) {
                if (stem.length() > bestLength && normalizedName.contains(stem)) {
                    best = r;
                    bestLength = stem.length();
                }
            }
        }
        return best;
    }
}
