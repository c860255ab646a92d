package org.perfgraph.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfgraph.support.Ids;

/**
 * The counts stored for sorting and analytics (Indicator.projectCount / documentCount, Text.projectCount, the
 * Unit-USES->Indicator relationships behind unitCount) against the same counts traversed from the graph, after the
 * seed import and after every kind of write that changes what links to an indicator or a text: an import that
 * shares indicators with the seeds, relinks, additions and deletions of targets, merges and their revert, project
 * deletion, a re-import that replaces the document, and the document's removal.
 */
class StoredCountsTest extends EditingTestSupport {

    /** The seeds' most filed indicator (uncoded; all 10 projects of the 珠海 document): the fixture's targets are linked to it and merged into it. */
    private static final String SEED_INDICATOR = Ids.of('I', "N:长效管理机制健全性");
    private static final String FIXTURE_QUANTITY = Ids.of('I', "C:111900001");

    /** Every indicator, text and USES relationship whose stored count differs from the traversed one, or is stale. */
    private List<String> mismatches() {
        List<String> out = new java.util.ArrayList<>();
        try (var session = driver.session()) {
            session.run("""
                    MATCH (i:Indicator)
                    CALL (i) {
                      OPTIONAL MATCH (i)<-[:MEASURES]-(:Target)<-[:HAS_TARGET]-(p:Project)
                      OPTIONAL MATCH (p)-[:DECLARED_IN]->(d:Document)
                      OPTIONAL MATCH (u:Unit)-[:HAS_PROJECT]->(p)
                      RETURN count(DISTINCT p) AS projects, count(DISTINCT d) AS documents, count(DISTINCT u) AS units
                    }
                    WITH i, projects, documents, units, COUNT { (i)<-[:USES]-() } AS uses
                    WHERE i.projectCount IS NULL OR i.projectCount <> projects OR i.documentCount <> documents
                       OR uses <> units OR i.countsStale IS NOT NULL
                    RETURN 'indicator ' + i.key + ': stored ' + i.projectCount + '/' + i.documentCount + '/' + uses
                           + ', traversed ' + projects + '/' + documents + '/' + units AS m
                    UNION ALL
                    MATCH (u:Unit)-[x:USES]->(i:Indicator)
                    WITH u, x, i, COUNT { MATCH (u)-[:HAS_PROJECT]->(p:Project)-[:HAS_TARGET]->(:Target)-[:MEASURES]->(i)
                                          RETURN DISTINCT p } AS projects
                    WHERE x.projects <> projects
                    RETURN 'uses ' + u.key + ' -> ' + i.key + ': stored ' + x.projects + ', traversed ' + projects AS m
                    UNION ALL
                    MATCH (x:Text)
                    WITH x, COUNT { MATCH (x)<-[:STATES]-(p:Project) RETURN DISTINCT p } AS projects
                    WHERE x.projectCount IS NULL OR x.projectCount <> projects OR x.countsStale IS NOT NULL
                    RETURN 'text ' + x.key + ': stored ' + x.projectCount + ', traversed ' + projects AS m
                    """).list().forEach(r -> out.add(r.get("m").asString()));
        }
        return out;
    }

    private Map<String, Object> seedCounts() {
        try (var session = driver.session()) {
            return session.run("""
                    MATCH (i:Indicator {id: $id})
                    RETURN i.projectCount AS projects, i.documentCount AS documents, COUNT { (i)<-[:USES]-() } AS units
                    """, Map.of("id", SEED_INDICATOR)).single().asMap();
        }
    }

    private int version(String id) {
        return EditingFixture.version(driver, id);
    }

    @Test
    void stored_counts_equal_the_traversed_ones_after_every_kind_of_write() {
        // beforeEach imported the fixture next to the seeds
        assertThat(mismatches()).isEmpty();
        Map<String, Object> seed = seedCounts();
        long projects = (Long) seed.get("projects");
        long documents = (Long) seed.get("documents");
        long units = (Long) seed.get("units");
        assertThat(projects).isEqualTo(10);
        assertThat(documents).isEqualTo(1);
        assertThat(units).isEqualTo(1);
        graphQl.document("{ indicator(id: \"" + SEED_INDICATOR + "\") { projectCount unitCount } }").execute()
                .path("indicator.projectCount").entity(Long.class).isEqualTo(projects)
                .path("indicator.unitCount").entity(Long.class).isEqualTo(units);

        // relink the fixture's quantity target (编辑项目甲) to the seed indicator: one more project, document, unit
        String target = EditingFixture.target(driver, "111900001");
        editor().document("""
                        mutation($input: RelinkTargetInput!) { relinkTarget(input: $input) { target { id } } }""")
                .variable("input", Map.of("id", target, "expectedVersion", version(target), "indicatorId", SEED_INDICATOR))
                .execute().path("relinkTarget.target.id").hasValue();
        assertThat(mismatches()).isEmpty();
        assertThat(seedCounts()).containsEntry("projects", projects + 1).containsEntry("documents", documents + 1)
                .containsEntry("units", units + 1);

        // a second target of the same project on the same indicator: projects unchanged, the USES link counts one project
        String projectB = EditingFixture.project(driver, "编辑项目乙");
        editor().document("""
                        mutation($input: AddTargetInput!) { addTarget(input: $input) { target { id } } }""")
                .variable("input", Map.of("projectId", projectB, "projectVersion", version(projectB),
                        "indicatorId", SEED_INDICATOR, "level1", "产出指标", "level2", "数量指标", "annual", "≥3"))
                .execute().path("addTarget.target.id").hasValue();
        assertThat(mismatches()).isEmpty();
        assertThat(seedCounts()).containsEntry("projects", projects + 2).containsEntry("units", units + 1);

        // deleting 编辑项目乙 takes its share back
        editor().document("""
                        mutation($input: DeleteProjectInput!) { deleteProject(input: $input) { deletedId } }""")
                .variable("input", Map.of("id", projectB, "expectedVersion", version(projectB)))
                .execute().path("deleteProject.deletedId").hasValue();
        assertThat(mismatches()).isEmpty();
        assertThat(seedCounts()).containsEntry("projects", projects + 1);

        // merge the fixture's satisfaction indicator into the seed one, then revert the merge
        String satisfaction = Ids.of('I', "C:331900001");
        String mergeId = editor().document("""
                        mutation($input: MergeIndicatorsInput!) { mergeIndicators(input: $input) { change { id } } }""")
                .variable("input", Map.of("fromId", satisfaction, "fromVersion", version(satisfaction),
                        "intoId", SEED_INDICATOR, "intoVersion", version(SEED_INDICATOR)))
                .execute().path("mergeIndicators.change.id").entity(String.class).get();
        assertThat(mismatches()).isEmpty();
        assertThat(seedCounts()).containsEntry("projects", projects + 1); // the same fixture project
        editor().document("""
                        mutation($input: RevertChangeInput!) { revertChange(input: $input) { change { id } } }""")
                .variable("input", Map.of("id", mergeId)).execute().path("revertChange.change.id").hasValue();
        assertThat(mismatches()).isEmpty();

        // a re-import with other content replaces the document; the relink is kept as a correction
        editor().document(EditingFixture.IMPORT).variable("name", EditingFixture.NAME)
                .variable("content", EditingFixture.VERSION_2).execute()
                .path("importDocument.status").entity(String.class).isEqualTo("REPLACED");
        assertThat(mismatches()).isEmpty();

        // removing the document leaves the seed indicator's counts as the seeds alone give them
        writer.delete(EditingFixture.NAME);
        assertThat(mismatches()).isEmpty();
        assertThat(seedCounts()).containsEntry("projects", projects).containsEntry("documents", documents)
                .containsEntry("units", units);
        assertThat(EditingFixture.single(driver, "MATCH (i:Indicator {id: $id}) RETURN count(i) AS v",
                Map.of("id", FIXTURE_QUANTITY))).isEqualTo(0L);
    }

    @Test
    void a_store_written_before_the_counts_were_stored_gets_them_at_start_up() {
        // what the schema file does for an older store: the counts removed, the statement run again
        cypher("MATCH (i:Indicator {id: $id}) OPTIONAL MATCH (i)<-[x:USES]-() DELETE x REMOVE i.projectCount, i.documentCount",
                Map.of("id", SEED_INDICATOR));
        cypher("MATCH (x:Text) WITH x LIMIT 3 REMOVE x.projectCount", Map.of());
        assertThat(mismatches()).isNotEmpty();
        try (var session = driver.session()) {
            for (var statement : org.perfgraph.support.GraphSchema.statements(
                    new org.springframework.core.io.ClassPathResource("cypher/schema/040_counts.cypher"))) {
                session.run(statement).consume();
            }
        }
        assertThat(mismatches()).isEmpty();
    }
}
