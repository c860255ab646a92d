package org.perfgraph.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

/** A re-import keeps manual corrections and reports them, unless asked to overwrite them; imports are history. */
class ReimportTest extends EditingTestSupport {

    private String correctQuantityTarget() {
        String target = EditingFixture.target(driver, "111900001");
        editor().document(UPDATE_TARGET).variable("input", Map.of("id", target, "expectedVersion", 1, "annual", "≥7")).execute()
                .path("updateTarget.target.annual.raw").entity(String.class).isEqualTo("≥7");
        return target;
    }

    @Test
    void a_reimport_keeps_a_manual_correction_and_reports_that_the_document_says_otherwise() {
        String target = correctQuantityTarget();
        editor().document(EditingFixture.IMPORT).variable("name", EditingFixture.NAME)
                .variable("content", EditingFixture.VERSION_2).execute()
                .path("importDocument.status").entity(String.class).isEqualTo("REPLACED")
                .path("importDocument.corrections").entityList(Map.class).hasSize(1)
                .path("importDocument.corrections[0].entityId").entity(String.class).isEqualTo(target)
                .path("importDocument.corrections[0].field").entity(String.class).isEqualTo("annual")
                .path("importDocument.corrections[0].corrected").entity(String.class).isEqualTo("≥7")
                .path("importDocument.corrections[0].imported").entity(String.class).isEqualTo("≥8")
                .path("importDocument.corrections[0].kept").entity(Boolean.class).isEqualTo(true)
                .path("importDocument.corrections[0].by").entity(String.class).isEqualTo(EDITOR_NAME);
        // same id after the re-import, the corrected value re-read as the importer reads it, the period from the document
        assertThat(EditingFixture.property(driver, target, "annualRaw")).isEqualTo("≥7");
        assertThat(EditingFixture.property(driver, target, "annualNormalized")).isEqualTo("≥7");
        assertThat(EditingFixture.property(driver, target, "periodRaw")).isEqualTo("≥8");
        // the version continues from the history (2 after the correction, 3 re-imported, 4 with the correction again)
        assertThat(EditingFixture.version(driver, target)).isEqualTo(4);
        graphQl.document("query($id: ID!) { history(entityId: $id) { operation by after } }")
                .variable("id", EditingFixture.DOCUMENT_ID).execute()
                .path("history[*].operation").entityList(String.class).containsExactly("IMPORT", "REIMPORT")
                .path("history[1].by").entity(String.class).isEqualTo(EDITOR_NAME)
                .path("history[1].after.correctionsKept").entity(Integer.class).isEqualTo(1);
        // the next edit is checked against the continued version
        editor().document(UPDATE_TARGET).variable("input", Map.of("id", target, "expectedVersion", 4, "annual", "≥9")).execute()
                .path("updateTarget.target.version").entity(Integer.class).isEqualTo(5);
    }

    @Test
    void with_overwrite_edits_the_document_wins_and_the_history_says_so() {
        String target = correctQuantityTarget();
        editor().document(EditingFixture.IMPORT).variable("name", EditingFixture.NAME)
                .variable("content", EditingFixture.VERSION_2).variable("overwrite", true).execute()
                .path("importDocument.status").entity(String.class).isEqualTo("REPLACED")
                .path("importDocument.corrections[*].kept").entityList(Boolean.class).containsExactly(false)
                .path("importDocument.corrections[0].imported").entity(String.class).isEqualTo("≥8");
        assertThat(EditingFixture.property(driver, target, "annualRaw")).isEqualTo("≥8");
        graphQl.document("query($id: ID!) { history(entityId: $id) { operation before after } }")
                .variable("id", target).execute()
                .path("history[*].operation").entityList(String.class).containsExactly("UPDATE_TARGET", "REIMPORT")
                .path("history[1].before.annual").entity(String.class).isEqualTo("≥7")
                .path("history[1].after.annual").entity(String.class).isEqualTo("≥8");
        // the correction is history now: a further re-import has nothing to keep
        editor().document(EditingFixture.IMPORT).variable("name", EditingFixture.NAME)
                .variable("content", EditingFixture.VERSION_1).execute()
                .path("importDocument.corrections").entityList(Map.class).hasSize(0);
        assertThat(EditingFixture.property(driver, target, "annualRaw")).isEqualTo("≥6");
    }

    @Test
    void a_correction_the_new_document_agrees_with_is_not_reported() {
        String target = EditingFixture.target(driver, "111900001");
        editor().document(UPDATE_TARGET).variable("input", Map.of("id", target, "expectedVersion", 1, "annual", "≥8")).execute()
                .path("updateTarget.change.id").hasValue();
        editor().document(EditingFixture.IMPORT).variable("name", EditingFixture.NAME)
                .variable("content", EditingFixture.VERSION_2).execute()
                .path("importDocument.corrections").entityList(Map.class).hasSize(0);
        assertThat(EditingFixture.property(driver, target, "annualRaw")).isEqualTo("≥8");
    }

    @Test
    void an_import_without_a_key_is_unauthorized_and_writes_nothing() {
        Map<String, Object> before = stats();
        List<ResponseError> errors = errors(graphQl.document(EditingFixture.IMPORT).variable("name", "editing-unkeyed.txt")
                .variable("content", EditingFixture.VERSION_1).execute());
        assertThat(classification(errors)).isEqualTo("UNAUTHORIZED");
        assertThat(stats()).isEqualTo(before);
    }

    /** Removes the satisfaction row and enters a project with one target by hand; returns [project, target]. */
    private List<String> restructureByHand() {
        String removed = EditingFixture.target(driver, "331900001");
        editor().document("mutation($input: DeleteTargetInput!) { deleteTarget(input: $input) { deletedId } }")
                .variable("input", Map.of("id", removed, "expectedVersion", 1)).execute()
                .path("deleteTarget.deletedId").entity(String.class).isEqualTo(removed);
        String unit = (String) EditingFixture.single(driver, "MATCH (u:Unit)-[:HAS_PROJECT]->(:Project {documentId: $doc}) RETURN u.id AS v",
                Map.of("doc", EditingFixture.DOCUMENT_ID));
        String project = editor().document("mutation($input: CreateProjectInput!) { createProject(input: $input) { project { id } } }")
                .variable("input", Map.of("documentId", EditingFixture.DOCUMENT_ID, "unitId", unit, "name", "漏读项目", "amount", "300"))
                .execute().path("createProject.project.id").entity(String.class).get();
        String target = editor().document("mutation($input: AddTargetInput!) { addTarget(input: $input) { target { id } } }")
                .variable("input", Map.of("projectId", project, "projectVersion", 1, "indicatorId", org.perfgraph.support.Ids.of('I', "C:111900001"),
                        "level1", "产出指标", "level2", "数量指标", "annual", "≥2个")).execute()
                .path("addTarget.target.id").entity(String.class).get();
        return List.of(removed, project, target);
    }

    @Test
    void a_reimport_keeps_projects_and_targets_entered_or_removed_by_hand() {
        List<String> ids = restructureByHand();
        Map<String, Object> before = stats();
        editor().document(EditingFixture.IMPORT).variable("name", EditingFixture.NAME)
                .variable("content", EditingFixture.VERSION_2).execute()
                .path("importDocument.corrections[*].entityId").entityList(String.class).containsExactly(ids.get(0), ids.get(1), ids.get(2))
                .path("importDocument.corrections[*].corrected").entityList(String.class).containsExactly("removed", "entered", "entered")
                .path("importDocument.corrections[*].kept").entityList(Boolean.class).containsExactly(true, true, true);
        assertThat(stats()).isEqualTo(before);
        assertThat(EditingFixture.single(driver, "MATCH (t:Target {id: $id}) RETURN count(t) AS v", Map.of("id", ids.get(0)))).isEqualTo(0L);
        assertThat(EditingFixture.single(driver, "MATCH (:Project {id: $p})-[:HAS_TARGET]->(t:Target {id: $t}) RETURN t.annualNormalized AS v",
                Map.of("p", ids.get(1), "t", ids.get(2)))).isEqualTo("≥2个");
        assertThat(EditingFixture.single(driver, "MATCH (:Project {id: $p})-[:DECLARED_IN]->(d:Document) RETURN d.name AS v",
                Map.of("p", ids.get(1)))).isEqualTo(EditingFixture.NAME);
    }

    @Test
    void with_overwrite_edits_the_document_structure_wins() {
        List<String> ids = restructureByHand();
        editor().document(EditingFixture.IMPORT).variable("name", EditingFixture.NAME)
                .variable("content", EditingFixture.VERSION_2).variable("overwrite", true).execute()
                .path("importDocument.corrections[*].kept").entityList(Boolean.class).containsExactly(false, false, false);
        assertThat(EditingFixture.single(driver, "MATCH (n) WHERE n.id IN $ids RETURN collect(n.id) AS v", Map.of("ids", ids)))
                .isEqualTo(List.of(ids.get(0)));
        // overridden once, the hand edits stay overridden on the next re-import
        editor().document(EditingFixture.IMPORT).variable("name", EditingFixture.NAME)
                .variable("content", EditingFixture.VERSION_1).execute()
                .path("importDocument.corrections").entityList(Map.class).hasSize(0);
    }

    /** VERSION_1 with the quantity target at ≥9: a third content. */
    private static final String VERSION_3 = EditingFixture.VERSION_1.replace("≥6\t≥6", "≥9\t≥9");

    private GraphQlTester.Response reimport(String content, boolean overwrite, boolean dryRun) {
        return editor().documentName("importDocument").variable("name", EditingFixture.NAME).variable("content", content)
                .variable("overwrite", overwrite).variable("dryRun", dryRun).execute();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> history(String id) {
        return graphQl.documentName("entityHistory").variable("id", id).execute().path("history").entityList(Map.class)
                .get().stream().map(m -> (Map<String, Object>) m).toList();
    }

    /** The node's version is its last history entry's, and every entry has a version one above the one before. */
    private void assertVersionsChainThroughHistory(String id) {
        List<Map<String, Object>> history = history(id);
        List<Integer> versions = history.stream().map(c -> ((Number) c.get("version")).intValue()).toList();
        assertThat(versions).as("versions of %s's history %s", id, history).isSorted().doesNotHaveDuplicates();
        assertThat(versions.get(versions.size() - 1)).isEqualTo(EditingFixture.version(driver, id));
    }

    @Test
    void an_overwriting_reimport_after_a_keeping_one_moves_the_version_forward_never_back() {
        String target = correctQuantityTarget();
        reimport(EditingFixture.VERSION_2, false, false).path("importDocument.status").entity(String.class).isEqualTo("REPLACED");
        int kept = EditingFixture.version(driver, target);
        reimport(VERSION_3, true, false).path("importDocument.corrections[*].kept").entityList(Boolean.class).containsExactly(false);
        assertThat(EditingFixture.property(driver, target, "annualRaw")).isEqualTo("≥9");
        assertThat(EditingFixture.version(driver, target)).isGreaterThan(kept);
        assertVersionsChainThroughHistory(target);
    }

    @Test
    void a_reimport_that_keeps_a_correction_records_both_what_it_imported_and_what_it_kept() {
        String target = correctQuantityTarget();
        String correction = (String) history(target).get(0).get("id");
        reimport(EditingFixture.VERSION_2, false, false).path("importDocument.corrections[*].kept").entityList(Boolean.class)
                .containsExactly(true);
        List<Map<String, Object>> history = history(target);
        assertThat(history).extracting(c -> c.get("operation")).containsExactly("UPDATE_TARGET", "REIMPORT", "KEEP_CORRECTION");
        assertThat(history.get(1)).containsEntry("before", Map.of("annual", "≥7")).containsEntry("after", Map.of("annual", "≥8"))
                .containsEntry("by", EDITOR_NAME);
        assertThat(history.get(2)).containsEntry("before", Map.of("annual", "≥8")).containsEntry("after", Map.of("annual", "≥7"))
                .containsEntry("relatedIds", List.of(correction));
        assertVersionsChainThroughHistory(target);
        // kept once, kept again, still reported as the analyst's correction
        reimport(VERSION_3, false, false)
                .path("importDocument.corrections[0].changeId").entity(String.class).isEqualTo(correction)
                .path("importDocument.corrections[0].imported").entity(String.class).isEqualTo("≥9");
        assertThat(EditingFixture.property(driver, target, "annualRaw")).isEqualTo("≥7");
        assertVersionsChainThroughHistory(target);
    }

    @Test
    void overwrite_edits_on_unchanged_content_overwrites_the_correction_and_says_so() {
        String target = correctQuantityTarget();
        reimport(EditingFixture.VERSION_1, true, false)
                .path("importDocument.status").entity(String.class).isEqualTo("REPLACED")
                .path("importDocument.corrections[*].kept").entityList(Boolean.class).containsExactly(false)
                .path("importDocument.corrections[0].corrected").entity(String.class).isEqualTo("≥7")
                .path("importDocument.corrections[0].imported").entity(String.class).isEqualTo("≥6");
        assertThat(EditingFixture.property(driver, target, "annualRaw")).isEqualTo("≥6");
        assertVersionsChainThroughHistory(target);
        // without overwriteEdits the same content still changes nothing
        reimport(EditingFixture.VERSION_1, false, false).path("importDocument.status").entity(String.class).isEqualTo("UNCHANGED");
    }

    @Test
    void a_dry_run_reports_the_corrections_the_import_would_keep_or_overwrite_and_writes_nothing() {
        String target = correctQuantityTarget();
        long changes = changesCount();
        reimport(EditingFixture.VERSION_2, false, true)
                .path("importDocument.status").entity(String.class).isEqualTo("DRY_RUN")
                .path("importDocument.corrections[*].kept").entityList(Boolean.class).containsExactly(true)
                .path("importDocument.corrections[0].imported").entity(String.class).isEqualTo("≥8");
        reimport(EditingFixture.VERSION_2, true, true)
                .path("importDocument.corrections[*].kept").entityList(Boolean.class).containsExactly(false);
        assertThat(EditingFixture.property(driver, target, "annualRaw")).isEqualTo("≥7");
        assertThat(EditingFixture.property(driver, target, "periodRaw")).isEqualTo("≥6");
        assertThat(EditingFixture.version(driver, target)).isEqualTo(2);
        assertThat(changesCount()).isEqualTo(changes);
    }
}
