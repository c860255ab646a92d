package org.perfgraph.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfgraph.GraphTest;
import org.perfgraph.graph.GraphWriter;
import org.perfgraph.ingest.DocumentReader;
import org.perfgraph.support.GraphReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * targetStats and projectStats without a filter are added up from the groups kept per document: they answer exactly
 * what the statement over every target or project answers, for every combination of dimensions and orders, and
 * after an import, a value or category edit, an indicator merge and a removal only the changed document is read
 * again. A ready service reads every document once in the background.
 */
class StatsCubesTest extends GraphTest {

    private static final String NAME = "stats-cubes-test.txt";
    // Two projects of a unit of its own; 111900099 filed twice by the first project, once by the second.
    private static final String DOCUMENT = "\n\n分组测试区投资促进中心2024年度重点绩效管理项目绩效目标\n\n"
            + "预算单位\t项目名称\t金额（元）\t2024年度总体绩效目标\t2024年度绩效目标\t一级指标\t二级指标\t三级指标\t实施周期指标值\t年度指标值\n"
            + "900099-分组测试中心\t分组项目甲\t1000\t总体目标。\t年度目标。\t1-产出指标\t11-数量指标\t111900099-分组测试数量\t≥6\t≥6\n"
            + "\t\t\t\t\t1-产出指标\t11-数量指标\t111900099-分组测试数量\t≥8\t≥8\n"
            + "\t\t\t\t\t3-满意度指标\t31-服务对象满意度\t331900099-分组测试满意度\t90%\t90%\n"
            + "900099-分组测试中心\t分组项目乙\t\t总体目标乙。\t年度目标乙。\t1-产出指标\t11-数量指标\t111900099-分组测试数量\t≥3\t≥3\n";

    private static final List<String> TARGET_DIMENSIONS =
            List.of("LEVEL1", "LEVEL2", "VALUE_KIND", "COMPARATOR", "UNIT", "DOCUMENT", "INDICATOR");
    private static final List<String> PROJECT_DIMENSIONS = List.of("UNIT", "YEAR", "DOCUMENT", "NATURE");

    @Autowired
    StatsController stats;

    @Autowired
    StatsCubes cubes;

    @Autowired
    GraphWriter writer;

    @Autowired
    GraphReader reader;

    @Autowired
    ConfigurableApplicationContext context;

    /** Every subset of the dimensions with at most {@code size} members, in the order listed. */
    private static List<List<String>> subsets(List<String> dims, int size) {
        List<List<String>> out = new ArrayList<>();
        for (int mask = 0; mask < 1 << dims.size(); mask++) {
            if (Integer.bitCount(mask) <= size) {
                List<String> subset = new ArrayList<>();
                for (int i = 0; i < dims.size(); i++) {
                    if ((mask & 1 << i) != 0) {
                        subset.add(dims.get(i));
                    }
                }
                out.add(subset);
            }
        }
        return out;
    }

    private void assertSameAsTheStatement(int size) {
        for (List<String> groupBy : subsets(TARGET_DIMENSIONS, size)) {
            assertThat(stats.computeTargetStats(null, groupBy, null, null, true)).as("targetStats by %s", groupBy)
                    .isNotEmpty().isEqualTo(stats.computeTargetStats(null, groupBy, null, null, false));
        }
        for (List<String> groupBy : subsets(PROJECT_DIMENSIONS, 4)) {
            assertThat(stats.computeProjectStats(null, groupBy, null, null, true)).as("projectStats by %s", groupBy)
                    .isNotEmpty().isEqualTo(stats.computeProjectStats(null, groupBy, null, null, false));
        }
    }

    @Test
    void every_combination_of_dimensions_answers_what_the_statement_answers() {
        assertSameAsTheStatement(3);
    }

    @Test
    void orders_and_first_are_the_statements() {
        List<List<Map<String, Object>>> targetOrders = List.of(List.of(Map.of("key", "ASC")), List.of(Map.of("key", "DESC")),
                List.of(Map.of("distinctProjects", "DESC")), List.of(Map.of("distinctIndicators", "ASC"), Map.of("key", "DESC")),
                List.of(Map.of("count", "ASC")));
        for (List<String> groupBy : List.of(List.of("INDICATOR"), List.of("LEVEL2", "UNIT"), List.of("COMPARATOR"),
                List.of("DOCUMENT", "VALUE_KIND"))) {
            for (List<Map<String, Object>> orderBy : targetOrders) {
                for (Integer first : java.util.Arrays.asList(null, 3)) {
                    assertThat(stats.computeTargetStats(null, groupBy, orderBy, first, true))
                            .as("targetStats by %s ordered %s first %s", groupBy, orderBy, first)
                            .isEqualTo(stats.computeTargetStats(null, groupBy, orderBy, first, false));
                }
            }
        }
        List<List<Map<String, Object>>> projectOrders = List.of(List.of(Map.of("amountSum", "DESC")),
                List.of(Map.of("amountMin", "ASC")), List.of(Map.of("amountMax", "DESC")), List.of(Map.of("amountAvg", "ASC")),
                List.of(Map.of("amountAvg", "DESC")), List.of(Map.of("targetCount", "DESC")), List.of(Map.of("key", "DESC")));
        for (List<String> groupBy : List.of(List.of("NATURE"), List.of("UNIT", "YEAR"), List.of("DOCUMENT"))) {
            for (List<Map<String, Object>> orderBy : projectOrders) {
                for (Integer first : java.util.Arrays.asList(null, 1)) {
                    assertThat(stats.computeProjectStats(null, groupBy, orderBy, first, true))
                            .as("projectStats by %s ordered %s first %s", groupBy, orderBy, first)
                            .isEqualTo(stats.computeProjectStats(null, groupBy, orderBy, first, false));
                }
            }
        }
    }

    @Test
    void after_each_write_only_the_changed_document_is_read_again() {
        cubes.current(); // every stored document read once
        long read = cubes.documentsRead();
        assertThat(cubes.current()).isNotEmpty();
        assertThat(cubes.documentsRead()).as("nothing written: nothing read again").isEqualTo(read);

        writer.write(new DocumentReader().read(NAME, DOCUMENT.getBytes(StandardCharsets.UTF_8)));
        try {
            assertSameAsTheStatement(2);
            assertThat(cubes.documentsRead()).as("the import").isEqualTo(read + 1);
            long built = cubes.groupingsBuilt(); // the groupings of up to 2 dimensions, kept from here on
            Map<String, Object> unit = unitGroup();
            assertThat(unit).containsEntry("count", 4L).containsEntry("distinctProjects", 2L).containsEntry("distinctIndicators", 2L);

            String satisfaction = targetId("331900099");
            editor().documentName("reclassifyTarget").variable("id", satisfaction).variable("version", 1)
                    .variable("level1", "效益指标").variable("level2", "社会效益指标").execute()
                    .path("updateTarget.target.level2.name").entity(String.class).isEqualTo("社会效益指标");
            assertSameAsTheStatement(2);
            assertThat(cubes.documentsRead()).as("a category edit").isEqualTo(read + 2);
            assertThat(cubes.groupingsBuilt()).as("kept groupings corrected by the edited document, not added up again")
                    .isEqualTo(built);

            editor().documentName("mergeIndicators").variable("input", Map.of("fromId", indicatorId("331900099"),
                    "fromVersion", 1, "intoId", indicatorId("111900099"), "intoVersion", 1)).execute()
                    .path("mergeIndicators.movedTargets").entity(Integer.class).isEqualTo(1);
            assertSameAsTheStatement(2);
            assertThat(cubes.documentsRead()).as("a merge of the document's indicators").isEqualTo(read + 3);
            assertThat(unitGroup()).containsEntry("count", 4L).containsEntry("distinctIndicators", 1L);
            assertThat(cubes.groupingsBuilt()).as("after the merge").isEqualTo(built);

            String documentId = documentId();
            writer.delete(NAME);
            assertSameAsTheStatement(1);
            assertThat(cubes.documentsRead()).as("a removal reads nothing").isEqualTo(read + 3);
            assertThat(cubes.groupingsBuilt()).as("after the removal").isEqualTo(built);
            assertThat(cubes.current()).extracting(StatsCubes.DocumentCube::documentId).doesNotContain(documentId);
        } finally {
            removeImported(NAME); // and the history its import and edits wrote
        }
    }

    @Test
    void a_ready_service_reads_every_document_in_the_background() throws InterruptedException {
        StatsCubes fresh = new StatsCubes(reader);
        long documents;
        try (var session = driver.session()) {
            documents = session.run("MATCH (d:Document) RETURN count(d) AS v").single().get("v").asLong();
        }
        fresh.readAtStartUp(new ApplicationReadyEvent(new SpringApplication(), new String[0], context, Duration.ZERO));
        for (int i = 0; i < 300 && fresh.documentsRead() < documents; i++) {
            Thread.sleep(100);
        }
        assertThat(fresh.documentsRead()).as("documents read without a request").isEqualTo(documents).isPositive();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> unitGroup() {
        return stats.computeTargetStats(null, List.of("UNIT"), null, null, true).stream()
                .filter(g -> "分组测试中心".equals(((Map<String, Object>) ((Map<String, Object>) g.get("key")).get("unit")).get("name")))
                .findFirst().orElseThrow();
    }

    private String documentId() {
        return single("MATCH (d:Document {name: $name}) RETURN d.id AS v", Map.of("name", NAME));
    }

    private String targetId(String code) {
        return single("MATCH (t:Target {indicatorCode: $code})-[:SOURCE]->(:Document {name: $name}) RETURN t.id AS v",
                Map.of("code", code, "name", NAME));
    }

    private String indicatorId(String code) {
        return single("MATCH (t:Target {indicatorCode: $code})-[:SOURCE]->(:Document {name: $name}) "
                + "MATCH (t)-[:MEASURES]->(i) RETURN i.id AS v LIMIT 1", Map.of("code", code, "name", NAME));
    }

    private String single(String cypher, Map<String, Object> params) {
        try (var session = driver.session()) {
            return session.run(cypher, params).single().get("v").asString();
        }
    }
}
