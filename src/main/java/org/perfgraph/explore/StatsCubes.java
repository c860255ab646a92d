package org.perfgraph.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.perfgraph.support.GraphReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
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
    private static final Logger LOG = LoggerFactory.getLogger(StatsCubes.class);

    private final AtomicLong documentsRead = new AtomicLong();
    private final AtomicLong groupingsBuilt = new AtomicLong();

    /** How many groupings' target groups are kept added up (the dashboards ask a handful). */
    static final int KEPT_GROUPINGS = 32;

    /** The target groups of the last groupings asked, by grouping, least recently asked first. */
    private final Map<List<String>, TargetTotals> targetTotals = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<String>, TargetTotals> eldest) {
            return size() > KEPT_GROUPINGS;
        }
    };

    StatsCubes(GraphReader reader) {
        this.reader = reader;
    }

    /**
     * Once the service is ready, every document's cells are read on a background thread, so that the first
     * unfiltered request does not pay for it (at 1M targets about 13 s); a request meanwhile waits for it.
     */
    @EventListener
    void readAtStartUp(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return; // the import command: no requests to serve
        }
        Thread thread = new Thread(() -> {
            long started = System.nanoTime();
            try {
                int documents = current().size();
                LOG.info("Statistics groups read for {} documents in {} ms", documents, (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                LOG.warn("Statistics groups not read at start-up ({}); the first unfiltered targetStats or projectStats reads them",
                        e.getMessage());
            }
        }, "statistics-groups-read");
        thread.setDaemon(true);
        thread.start();
    }

    /** The cubes of every stored document, in document id order, those whose stamp moved read again first. */
    synchronized List<DocumentCube> current() {
        Map<String, DocumentCube> now = new TreeMap<>();
        List<DocumentCube[]> changes = new ArrayList<>();
        long started = System.nanoTime();
        for (Map<String, Object> row : reader.rows("explore/document-stamps", Map.of())) {
            String id = (String) row.get("id");
            DocumentCube cube = cubes.get(id);
            if (cube == null || !Objects.equals(cube.hash(), row.get("hash")) || !Objects.equals(cube.stamp(), row.get("stamp"))) {
                DocumentCube before = cube;
                cube = read(id);
                changes.add(new DocumentCube[] {before, cube});
            }
            if (cube != null) {
                now.put(id, cube);
            }
        }
        for (Map.Entry<String, DocumentCube> gone : cubes.entrySet()) {
            if (!now.containsKey(gone.getKey())) {
                changes.add(new DocumentCube[] {gone.getValue(), null});
            }
        }
        cubes.keySet().retainAll(now.keySet());
        cubes.putAll(now);
        for (DocumentCube[] change : changes) {
            for (TargetTotals totals : targetTotals.values()) {
                totals.replace(change[0], change[1]);
            }
        }
        if (!changes.isEmpty() && LOG.isDebugEnabled()) {
            LOG.debug("{} documents changed, read again and {} kept groupings corrected in {} ms", changes.size(),
                    targetTotals.size(), (System.nanoTime() - started) / 1_000_000);
        }
        return new ArrayList<>(now.values());
    }

    /** Groupings whose target groups were added up from every document (not corrected by a difference). */
    long groupingsBuilt() {
        return groupingsBuilt.get();
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
     * distinctIndicators; unordered. A target of a project without a unit is not in any group by unit. The groups of
     * the last {@value #KEPT_GROUPINGS} groupings asked are kept added up and corrected by each changed document's
     * difference, so that after a write the cost is that document's cells, not every document's.
     */
    synchronized List<Map<String, Object>> targetGroups(List<String> dims) {
        List<DocumentCube> all = current();
        TargetTotals totals = targetTotals.get(dims);
        if (totals == null) {
            long started = System.nanoTime();
            totals = new TargetTotals(dims);
            for (DocumentCube cube : all) {
                totals.replace(null, cube);
            }
            targetTotals.put(List.copyOf(dims), totals);
            groupingsBuilt.incrementAndGet();
            if (LOG.isDebugEnabled()) {
                LOG.debug("target groups by {} added up from {} documents ({} cells): {} groups in {} ms", dims, all.size(),
                        all.stream().mapToInt(c -> c.targets().size()).sum(), totals.size(),
                        (System.nanoTime() - started) / 1_000_000);
            }
        }
        return totals.rows();
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

    /**
     * The target groups of one grouping over every document, kept as sums: a document's share is added when it is
     * read and subtracted when it changes or goes. Counts and distinct projects (a project belongs to one document)
     * subtract exactly; distinct indicators are kept as how many documents each indicator of a group comes from, so
     * that an indicator leaves the group with the last document filing it there.
     */
    static final class TargetTotals {
        private final List<String> dims;
        private final boolean byUnit;
        private final boolean byIndicator;
        private final Map<List<Object>, Group> groups = new HashMap<>();

        /** One group's sums. */
        private static final class Group {
            long count;
            long projects;
            /** Per indicator of the group, how many documents file it there (null when grouped by indicator). */
            Map<String, Integer> indicatorDocuments;
        }

        /** One document's share of one group: its targets, their distinct projects, their indicators. */
        private static final class Share {
            long count;
            TargetCell only;
            BitSet projects;
            final Set<String> indicators = new HashSet<>();

            void add(TargetCell cell) {
                count += cell.count();
                if (only == null && projects == null) {
                    only = cell; // most groups of a document are one cell: its projects are distinct already
                    return;
                }
                if (projects == null) {
                    projects = bits(only);
                    only = null;
                }
                for (int p : cell.projects()) {
                    projects.set(p);
                }
            }

            long distinctProjects() {
                return only != null ? only.projects().length : projects.cardinality();
            }

            private static BitSet bits(TargetCell cell) {
                BitSet bits = new BitSet();
                for (int p : cell.projects()) {
                    bits.set(p);
                }
                return bits;
            }
        }

        TargetTotals(List<String> dims) {
            this.dims = List.copyOf(dims);
            this.byUnit = dims.contains("unit");
            this.byIndicator = dims.contains("indicator");
        }

        /** A document's share taken out as of {@code before} and put in as of {@code after} (either may be null). */
        void replace(DocumentCube before, DocumentCube after) {
            if (before != null) {
                apply(before, -1);
            }
            if (after != null) {
                apply(after, 1);
            }
        }

        private void apply(DocumentCube cube, int sign) {
            Map<List<Object>, Share> shares = new HashMap<>();
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
                Share share = shares.computeIfAbsent(k, x -> new Share());
                share.add(cell);
                if (!byIndicator) {
                    share.indicators.add(cell.indicatorId());
                }
            }
            shares.forEach((k, share) -> {
                Group group = groups.computeIfAbsent(k, x -> new Group());
                group.count += sign * share.count;
                group.projects += sign * share.distinctProjects();
                if (!byIndicator && group.indicatorDocuments == null) {
                    group.indicatorDocuments = new HashMap<>();
                }
                for (String indicator : share.indicators) {
                    group.indicatorDocuments.merge(indicator, sign, (a, b) -> a + b == 0 ? null : a + b);
                }
                if (group.count == 0) {
                    groups.remove(k);
                }
            });
        }

        int size() {
            return groups.size();
        }

        List<Map<String, Object>> rows() {
            List<Map<String, Object>> rows = new ArrayList<>(Math.max(1, groups.size()));
            groups.forEach((k, g) -> {
                Map<String, Object> row = keyColumns(k);
                row.put("count", g.count);
                row.put("distinctProjects", g.projects);
                row.put("distinctIndicators", byIndicator ? 1L : (long) g.indicatorDocuments.size());
                rows.add(row);
            });
            if (rows.isEmpty() && dims.isEmpty()) { // no grouping key: one group, as in Cypher, even of nothing
                Map<String, Object> row = new HashMap<>();
                row.put("count", 0L);
                row.put("distinctProjects", 0L);
                row.put("distinctIndicators", 0L);
                rows.add(row);
            }
            return rows;
        }
    }
}
