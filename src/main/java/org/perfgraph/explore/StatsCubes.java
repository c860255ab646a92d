package org.perfgraph.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.perfgraph.support.GraphReader;
import org.springframework.stereotype.Component;

/**
 * targetStats and projectStats without a filter, kept per document: each document's targets and projects collapsed
 * into cells of their group-by dimensions (a few hundred per 10,000-target document where indicators are shared),
 * read once and read again only when the document's stamp moved ({@link DocumentStamps}: every import, removal and
 * edit renews the stamps of the documents it changed, in its own transaction, whichever instance wrote). A request
 * reads the stamps (one statement over the Document nodes), reads again the documents whose stamp or content hash
 * differs (one statement each), and adds up the cells in Java. Counts, sums, minima and maxima add up across
 * documents; distinct projects too (a project belongs to one document), so they are counted per document and summed;
 * distinct indicators (shared across documents) are counted over the union of each group's indicator ids.
 */
@Component
class StatsCubes {

    /**
     * Targets of one document with the same dimensions.
     *
     * @param projects the document's local indexes of the projects filing them, distinct
     */
    record TargetCell(String level1, String level2, String valueKind, String comparator, String unitId,
                      String indicatorId, long count, int[] projects) {
    }

    /** Projects of one document with the same unit, year and nature; their amounts and targets added up. */
    record ProjectCell(String unitId, Object year, String nature, long count, long withAmount, long sumCents,
                       Long minCents, Long maxCents, long targets) {
    }

    /** One document's cells as of its hash and stamp. */
    record DocumentCube(String documentId, String hash, String stamp, List<TargetCell> targets,
                        List<ProjectCell> projects) {
    }

    private final GraphReader reader;
    private final Map<String, DocumentCube> cubes = new ConcurrentHashMap<>();
    private final AtomicLong documentsRead = new AtomicLong();

    StatsCubes(GraphReader reader) {
        this.reader = reader;
    }

    /** The cubes of every stored document, in document id order, those whose stamp moved read again first. */
    synchronized List<DocumentCube> current() {
        Map<String, DocumentCube> now = new TreeMap<>();
        for (Map<String, Object> row : reader.rows("explore/document-stamps", Map.of())) {
            String id = (String) row.get("id");
            DocumentCube cube = cubes.get(id);
            if (cube == null || !Objects.equals(cube.hash(), row.get("hash")) || !Objects.equals(cube.stamp(), row.get("stamp"))) {
                cube = read(id);
            }
            if (cube != null) {
                now.put(id, cube);
            }
        }
        cubes.keySet().retainAll(now.keySet());
        cubes.putAll(now);
        return new ArrayList<>(now.values());
    }

    /** Documents read since start-up: what a test of "only the changed document is read again" counts. */
    long documentsRead() {
        return documentsRead.get();
    }

    @SuppressWarnings("unchecked")
    private DocumentCube read(String documentId) {
        Map<String, Object> row = reader.single("explore/document-cube", Map.of("documentId", documentId));
        if (row == null) {
            return null; // removed since the stamps were read
        }
        documentsRead.incrementAndGet();
        Map<Object, Object> canonical = new HashMap<>();
        Map<String, Integer> projectIndex = new HashMap<>();
        Map<List<Object>, long[]> targetCounts = new HashMap<>();
        Map<List<Object>, BitSet> targetProjects = new HashMap<>();
        for (Object item : (List<Object>) row.get("targets")) {
            List<Object> t = (List<Object>) item;
            List<Object> key = canonicalKey(t.subList(0, 6), canonical);
            targetCounts.computeIfAbsent(key, k -> new long[1])[0]++;
            int project = projectIndex.computeIfAbsent((String) t.get(6), p -> projectIndex.size());
            targetProjects.computeIfAbsent(key, k -> new BitSet()).set(project);
        }
        List<TargetCell> targets = new ArrayList<>(targetCounts.size());
        targetCounts.forEach((k, count) -> targets.add(new TargetCell((String) k.get(0), (String) k.get(1),
                (String) k.get(2), (String) k.get(3), (String) k.get(4), (String) k.get(5), count[0],
                targetProjects.get(k).stream().toArray())));

        Map<List<Object>, ProjectCell> projectCells = new HashMap<>();
        for (Object item : (List<Object>) row.get("projects")) {
            List<Object> p = (List<Object>) item;
            List<Object> key = canonicalKey(p.subList(0, 3), canonical);
            Long cents = p.get(3) == null ? null : ((Number) p.get(3)).longValue();
            long targetCount = ((Number) p.get(4)).longValue();
            projectCells.merge(key, new ProjectCell((String) key.get(0), key.get(1), (String) key.get(2), 1,
                    cents == null ? 0 : 1, cents == null ? 0 : cents, cents, cents, targetCount), StatsCubes::add);
        }
        return new DocumentCube(documentId, (String) row.get("hash"), (String) row.get("stamp"), List.copyOf(targets),
                List.copyOf(projectCells.values()));
    }

    /** The key of a cell, its values shared with the document's other cells. */
    private static List<Object> canonicalKey(List<Object> values, Map<Object, Object> canonical) {
        Object[] key = new Object[values.size()];
        for (int i = 0; i < key.length; i++) {
            Object v = values.get(i);
            key[i] = v == null ? null : canonical.computeIfAbsent(v, x -> x);
        }
        return Arrays.asList(key);
    }

    /**
     * The target groups of {@code dims} (level1, level2, valueKind, comparator, unit, document, indicator) as the
     * Cypher statement returns them: k0..kn (ids for unit, document and indicator), count, distinctProjects,
     * distinctIndicators; unordered. A target of a project without a unit is not in any group by unit.
     */
    List<Map<String, Object>> targetGroups(List<String> dims) {
        boolean byUnit = dims.contains("unit");
        boolean byIndicator = dims.contains("indicator");
        Map<List<Object>, long[]> totals = new HashMap<>();
        Map<List<Object>, Set<String>> indicators = new HashMap<>();
        for (DocumentCube cube : current()) {
            Map<List<Object>, BitSet> projects = new HashMap<>();
            for (TargetCell cell : cube.targets()) {
                if (byUnit && cell.unitId() == null) {
                    continue;
                }
                List<Object> k = key(dims, dim -> switch (dim) {
                    case "level1" -> cell.level1();
                    case "level2" -> cell.level2();
                    case "valueKind" -> cell.valueKind();
                    case "comparator" -> cell.comparator();
                    case "unit" -> cell.unitId();
                    case "document" -> cube.documentId();
                    case "indicator" -> cell.indicatorId();
                    default -> throw new IllegalArgumentException(dim);
                });
                totals.computeIfAbsent(k, x -> new long[2])[0] += cell.count();
                if (!byIndicator) {
                    indicators.computeIfAbsent(k, x -> new HashSet<>()).add(cell.indicatorId());
                }
                BitSet bits = projects.computeIfAbsent(k, x -> new BitSet());
                for (int p : cell.projects()) {
                    bits.set(p);
                }
            }
            projects.forEach((k, bits) -> totals.get(k)[1] += bits.cardinality());
        }
        if (totals.isEmpty() && dims.isEmpty()) {
            totals.put(List.of(), new long[2]); // no grouping key: one group, as in Cypher, even of nothing
        }
        List<Map<String, Object>> rows = new ArrayList<>(totals.size());
        totals.forEach((k, t) -> {
            Map<String, Object> row = keyColumns(k);
            row.put("count", t[0]);
            row.put("distinctProjects", t[1]);
            row.put("distinctIndicators", byIndicator ? 1L : (long) indicators.getOrDefault(k, Set.of()).size());
            rows.add(row);
        });
        return rows;
    }

    /**
     * The project groups of {@code dims} (unit, year, document, nature) as the Cypher statement returns them: k0..kn
     * (ids for unit and document), count, withAmount, sumCents (0 where no amount, as Cypher's sum), minCents,
     * maxCents, targets; unordered. A project without a unit is not in any group by unit.
     */
    List<Map<String, Object>> projectGroups(List<String> dims) {
        boolean byUnit = dims.contains("unit");
        Map<List<Object>, ProjectCell> totals = new HashMap<>();
        for (DocumentCube cube : current()) {
            for (ProjectCell cell : cube.projects()) {
                if (byUnit && cell.unitId() == null) {
                    continue;
                }
                List<Object> k = key(dims, dim -> switch (dim) {
                    case "unit" -> cell.unitId();
                    case "year" -> cell.year();
                    case "document" -> cube.documentId();
                    case "nature" -> cell.nature();
                    default -> throw new IllegalArgumentException(dim);
                });
                totals.merge(k, cell, StatsCubes::add);
            }
        }
        if (totals.isEmpty() && dims.isEmpty()) {
            totals.put(List.of(), new ProjectCell(null, null, null, 0, 0, 0, null, null, 0));
        }
        List<Map<String, Object>> rows = new ArrayList<>(totals.size());
        totals.forEach((k, t) -> {
            Map<String, Object> row = keyColumns(k);
            row.put("count", t.count());
            row.put("withAmount", t.withAmount());
            row.put("sumCents", t.sumCents());
            row.put("minCents", t.minCents());
            row.put("maxCents", t.maxCents());
            row.put("targets", t.targets());
            rows.add(row);
        });
        return rows;
    }

    /** A group's key: the cell's value of each dimension, in the order asked (values may be null). */
    private static List<Object> key(List<String> dims, Function<String, Object> valueOf) {
        Object[] key = new Object[dims.size()];
        for (int i = 0; i < key.length; i++) {
            key[i] = valueOf.apply(dims.get(i));
        }
        return Arrays.asList(key);
    }

    private static Map<String, Object> keyColumns(List<Object> key) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < key.size(); i++) {
            row.put("k" + i, key.get(i));
        }
        return row;
    }

    /** Two cells of the same key added up (min and max as Cypher's: nulls ignored). */
    static ProjectCell add(ProjectCell a, ProjectCell b) {
        return new ProjectCell(a.unitId(), a.year(), a.nature(), a.count() + b.count(), a.withAmount() + b.withAmount(),
                a.sumCents() + b.sumCents(), pick(a.minCents(), b.minCents(), true), pick(a.maxCents(), b.maxCents(), false),
                a.targets() + b.targets());
    }

    private static Long pick(Long a, Long b, boolean min) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return min ? Math.min(a, b) : Math.max(a, b);
    }
}
