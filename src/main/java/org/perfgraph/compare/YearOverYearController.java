package org.perfgraph.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.perfgraph.support.GraphReader;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** Unit.yearOverYear: one statement for a batch of units, consecutive years paired as documentComparison pairs. */
@Controller
class YearOverYearController {

    private final GraphReader reader;

    YearOverYearController(GraphReader reader) {
        this.reader = reader;
    }

    @BatchMapping(typeName = "Unit", field = "yearOverYear")
    @SuppressWarnings("unchecked")
    Map<Map<String, Object>, List<Map<String, Object>>> yearOverYear(List<Map<String, Object>> units) {
        List<Object> ids = units.stream().map(u -> u.get("id")).distinct().toList();
        Map<Object, List<Map<String, Object>>> byUnit = new LinkedHashMap<>();
        for (Map<String, Object> row : reader.rows("compare/unit-years", Map.of("ids", ids))) {
            byUnit.computeIfAbsent(row.get("unitId"), k -> new ArrayList<>()).add(row);
        }
        Map<Map<String, Object>, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (Map<String, Object> unit : units) {
            List<Map<String, Object>> years = new ArrayList<>();
            List<Pairing.Side> previous = null;
            for (Map<String, Object> row : byUnit.getOrDefault(unit.get("id"), List.of())) {
                List<Pairing.Side> sides = sides((List<Map<String, Object>>) row.get("projects"));
                int targets = sides.stream().mapToInt(s -> s.targets().size()).sum();
                Map<String, Object> year = new LinkedHashMap<>();
                year.put("year", row.get("year"));
                year.put("document", row.get("document"));
                year.put("targetCount", targets);
                if (previous != null) {
                    long unchanged = Pairing.projects(previous, sides).stream().flatMap(p -> p.targets().stream())
                            .filter(t -> t.kind() == ChangeKind.UNCHANGED).count();
                    year.put("unchanged", (int) unchanged);
                    year.put("unchangedShare", targets == 0 ? 0.0 : (double) unchanged / targets);
                } else {
                    year.put("unchanged", null);
                    year.put("unchangedShare", null);
                }
                years.add(year);
                previous = sides;
            }
            out.put(unit, years);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Pairing.Side> sides(List<Map<String, Object>> projects) {
        List<Pairing.Side> out = new ArrayList<>();
        for (Map<String, Object> p : projects) {
            List<Pairing.Row> rows = new ArrayList<>();
            for (Map<String, Object> t : (List<Map<String, Object>>) p.get("targets")) {
                rows.add(Comparisons.row((Map<String, Object>) t.get("target"), (String) t.get("code"),
                        (String) t.get("key"), (String) t.get("normalizedName")));
            }
            out.add(new Pairing.Side((String) p.get("id"), (String) p.get("name"), (String) p.get("unitId"), null, rows, p));
        }
        return out;
    }
}
