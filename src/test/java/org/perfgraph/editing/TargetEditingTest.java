package org.perfgraph.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.springframework.graphql.ResponseError;

/** updateTarget over HTTP: re-normalised values, categories, validation, versions, history and revert. */
class TargetEditingTest extends EditingTestSupport {

    private static final String HISTORY = """
            query($id: ID!) { history(entityId: $id) { id at by operation fields before after version revertedBy revertOf } }""";

    private static final String REVERT = """
            mutation($id: ID!) { revertChange(input: {id: $id}) { change { id operation before after revertOf } reverted { id revertedBy } } }""";

    private Map<String, Object> input(String id, int version, String annual) {
        return Map.of("id", id, "expectedVersion", version, "annual", annual);
    }

    @Test
    void a_corrected_value_is_read_again_exactly_as_the_importer_reads_it_and_shows_in_history_under_the_key_name() {
        String target = EditingFixture.target(driver, "111900001");
        editor().document(UPDATE_TARGET).variable("input", input(target, 1, "不少于7个")).execute()
                .path("updateTarget.target.version").entity(Integer.class).isEqualTo(2)
                .path("updateTarget.target.annual.raw").entity(String.class).isEqualTo("不少于7个")
                .path("updateTarget.target.annual.kind").entity(String.class).isEqualTo("NUMERIC")
                .path("updateTarget.target.annual.comparator").entity(String.class).isEqualTo("GE")
                .path("updateTarget.target.annual.number").entity(String.class).isEqualTo("7")
                .path("updateTarget.target.annual.unit").entity(String.class).isEqualTo("个")
                .path("updateTarget.target.annual.normalized").entity(String.class).isEqualTo("≥7个")
                .path("updateTarget.change.by").entity(String.class).isEqualTo(EDITOR_NAME)
                .path("updateTarget.change.operation").entity(String.class).isEqualTo("UPDATE_TARGET");
        assertThat(EditingFixture.property(driver, target, "annualNumber")).isEqualTo(7.0);
        assertThat(EditingFixture.property(driver, target, "annualNumberText")).isEqualTo("7");
        // the other column is untouched
        assertThat(EditingFixture.property(driver, target, "periodRaw")).isEqualTo("≥6");

        graphQl.document(HISTORY).variable("id", target).execute()
                .path("history[*].operation").entityList(String.class).containsExactly("UPDATE_TARGET")
                .path("history[0].by").entity(String.class).isEqualTo(EDITOR_NAME)
                .path("history[0].fields").entityList(String.class).containsExactly("annual")
                .path("history[0].before.annual").entity(String.class).isEqualTo("≥6")
                .path("history[0].after.annual").entity(String.class).isEqualTo("不少于7个")
                .path("history[0].version").entity(Integer.class).isEqualTo(2)
                .path("history[0].at").entity(java.time.OffsetDateTime.class)
                .satisfies(at -> assertThat(at).isBetween(java.time.OffsetDateTime.now().minusMinutes(5), java.time.OffsetDateTime.now()));
    }

    @Test
    void a_category_correction_moves_the_target_to_the_canonical_categories() {
        String target = EditingFixture.target(driver, "222900001");
        editor().document(UPDATE_TARGET).variable("input",
                        Map.of("id", target, "expectedVersion", 1, "level1", "产出", "level2", "质量指标")).execute()
                .path("updateTarget.target.level1.name").entity(String.class).isEqualTo("产出指标")
                .path("updateTarget.target.level2.name").entity(String.class).isEqualTo("质量指标");
        Object links = EditingFixture.single(driver, """
                MATCH (t:Target {id: $id}) RETURN [COUNT { (t)-[:LEVEL1]->() }, COUNT { (t)-[:LEVEL2]->() }] AS v""",
                Map.of("id", target));
        assertThat(links).isEqualTo(List.of(1L, 1L));
    }

    @Test
    void without_a_key_an_edit_is_unauthorized_and_nothing_changes() {
        String target = EditingFixture.target(driver, "111900001");
        long changes = changesCount();
        List<ResponseError> errors = errors(graphQl.document(UPDATE_TARGET).variable("input", input(target, 1, "≥9")).execute());
        assertThat(classification(errors)).isEqualTo("UNAUTHORIZED");
        assertThat(EditingFixture.property(driver, target, "annualRaw")).isEqualTo("≥6");
        assertThat(EditingFixture.version(driver, target)).isEqualTo(1);
        assertThat(changesCount()).isEqualTo(changes);
    }

    @Test
    void a_wrong_key_is_unauthorized_and_nothing_changes() {
        String target = EditingFixture.target(driver, "111900001");
        List<ResponseError> errors = errors(graphQl.mutate().header("Authorization", "Bearer not-a-key-at-all").build()
                .document(UPDATE_TARGET).variable("input", input(target, 1, "≥9")).execute());
        assertThat(classification(errors)).isEqualTo("UNAUTHORIZED");
        assertThat(errors.get(0).getMessage()).doesNotContain("not-a-key-at-all");
        assertThat(EditingFixture.property(driver, target, "annualRaw")).isEqualTo("≥6");
    }

    @Test
    void a_stale_version_is_a_conflict_carrying_the_current_state_and_changes_nothing() {
        String target = EditingFixture.target(driver, "111900001");
        editor().document(UPDATE_TARGET).variable("input", input(target, 1, "≥7")).execute()
                .path("updateTarget.target.version").entity(Integer.class).isEqualTo(2);
        List<ResponseError> errors = errors(editor().document(UPDATE_TARGET).variable("input", input(target, 1, "≥9")).execute());
        assertThat(classification(errors)).isEqualTo("CONFLICT");
        assertThat(errors.get(0).getExtensions()).containsEntry("currentVersion", 2).containsEntry("expectedVersion", 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> current = (Map<String, Object>) errors.get(0).getExtensions().get("current");
        assertThat(current).containsEntry("annualRaw", "≥7").containsEntry("version", 2);
        assertThat(EditingFixture.property(driver, target, "annualRaw")).isEqualTo("≥7");
    }

    @Test
    void invalid_input_is_refused_with_a_typed_error_and_nothing_changes() {
        String target = EditingFixture.target(driver, "111900001");
        long changes = changesCount();
        assertThat(classification(errors(editor().document(UPDATE_TARGET)
                .variable("input", input("T0000000000000000", 1, "≥7")).execute()))).isEqualTo("NOT_FOUND");
        List<ResponseError> category = errors(editor().document(UPDATE_TARGET)
                .variable("input", Map.of("id", target, "expectedVersion", 1, "annual", "≥7", "level2", "好看指标")).execute());
        assertThat(classification(category)).isEqualTo("BAD_USER_INPUT");
        assertThat(category.get(0).getMessage()).contains("好看指标").contains("数量指标");
        List<ResponseError> notANumber = errors(editor().document(UPDATE_TARGET)
                .variable("input", input(target, 1, "很多")).execute());
        assertThat(classification(notANumber)).isEqualTo("BAD_USER_INPUT");
        assertThat(notANumber.get(0).getMessage()).contains("does not read as a number");
        assertThat(classification(errors(editor().document(UPDATE_TARGET)
                .variable("input", input(target, 1, "  ")).execute()))).isEqualTo("BAD_USER_INPUT");
        // none of them wrote anything, not even the valid annual value that came with the bad category
        assertThat(EditingFixture.property(driver, target, "annualRaw")).isEqualTo("≥6");
        assertThat(EditingFixture.version(driver, target)).isEqualTo(1);
        assertThat(changesCount()).isEqualTo(changes);
        // allowKindChange lets an analyst store a text on purpose
        editor().document(UPDATE_TARGET).variable("input",
                        Map.of("id", target, "expectedVersion", 1, "annual", "很多", "allowKindChange", true)).execute()
                .path("updateTarget.target.annual.kind").entity(String.class).isEqualTo("TEXT");
    }

    @Test
    void revert_restores_the_value_and_marks_the_change_reverted() {
        String target = EditingFixture.target(driver, "111900001");
        String changeId = editor().document(UPDATE_TARGET).variable("input", input(target, 1, "≥7")).execute()
                .path("updateTarget.change.id").entity(String.class).get();
        String revertId = editor().document(REVERT).variable("id", changeId).execute()
                .path("revertChange.change.operation").entity(String.class).isEqualTo("REVERT")
                .path("revertChange.change.revertOf").entity(String.class).isEqualTo(changeId)
                .path("revertChange.reverted.revertedBy").entity(String.class).get();
        assertThat(EditingFixture.property(driver, target, "annualRaw")).isEqualTo("≥6");
        assertThat(EditingFixture.property(driver, target, "annualNormalized")).isEqualTo("≥6");
        assertThat(EditingFixture.version(driver, target)).isEqualTo(3);
        graphQl.document(HISTORY).variable("id", target).execute()
                .path("history[*].operation").entityList(String.class).containsExactly("UPDATE_TARGET", "REVERT")
                .path("history[0].revertedBy").entity(String.class).isEqualTo(revertId);
        // a second revert of the same change is refused
        assertThat(classification(errors(editor().document(REVERT).variable("id", changeId).execute()))).isEqualTo("CONFLICT");
    }

    @Test
    void revert_is_refused_when_a_later_change_touched_the_same_field() {
        String target = EditingFixture.target(driver, "111900001");
        String first = editor().document(UPDATE_TARGET).variable("input", input(target, 1, "≥7")).execute()
                .path("updateTarget.change.id").entity(String.class).get();
        editor().document(UPDATE_TARGET).variable("input", input(target, 2, "≥8")).execute()
                .path("updateTarget.target.version").entity(Integer.class).isEqualTo(3);
        List<ResponseError> errors = errors(editor().document(REVERT).variable("id", first).execute());
        assertThat(classification(errors)).isEqualTo("CONFLICT");
        assertThat(errors.get(0).getMessage()).contains("annual").contains("revert that one first");
        assertThat(EditingFixture.property(driver, target, "annualRaw")).isEqualTo("≥8");
        // a later change of another field does not block it
        String category = editor().document(UPDATE_TARGET).variable("input",
                        Map.of("id", target, "expectedVersion", 3, "level2", "质量指标")).execute()
                .path("updateTarget.change.id").entity(String.class).get();
        assertThat(category).isNotNull();
        assertThat(classification(errors(editor().document(REVERT).variable("id", first).execute()))).isEqualTo("CONFLICT");
    }

    @Test
    void a_correction_of_a_seed_target_is_reverted_to_what_the_document_says() {
        // 000 seed: 高新区展厅运营管理经费 files one indicator twice (≥13 and ≥13人); an analyst unifies the unit.
        @SuppressWarnings("unchecked")
        Map<String, Object> seed = (Map<String, Object>) single("""
                MATCH (t:Target)-[:SOURCE]->(:Document {name: '000_4081c7b18e37fcb4.txt'})
                WHERE t.annualRaw = '≥13'
                RETURN {id: t.id, version: t.version, normalized: t.annualNormalized} AS v""");
        String id = (String) seed.get("id");
        Map<String, Object> before = stats();
        try {
            assertThat(seed.get("normalized")).isEqualTo("≥13");
            String changeId = editor().document(UPDATE_TARGET).variable("input", input(id, 1, "≥13人")).execute()
                    .path("updateTarget.target.annual.normalized").entity(String.class).isEqualTo("≥13人")
                    .path("updateTarget.change.id").entity(String.class).get();
            editor().document(REVERT).variable("id", changeId).execute()
                    .path("revertChange.change.after.annual").entity(String.class).isEqualTo("≥13");
            assertThat(EditingFixture.property(driver, id, "annualNormalized")).isEqualTo("≥13");
            assertThat(stats()).isEqualTo(before);
        } finally {
            cypher("MATCH (t:Target {id: $id}) SET t.version = 1", Map.of("id", id));
        }
    }

    private Object single(String cypher) {
        return EditingFixture.single(driver, cypher, Map.of());
    }

    @Test
    void an_l2_under_a_foreign_l1_is_refused_naming_both_unless_allowed() {
        String target = EditingFixture.target(driver, "111900001");
        long changes = changesCount();
        List<ResponseError> foreign = errors(editor().documentName("reclassifyTarget")
                .variable("id", target).variable("version", 1).variable("level1", "效益指标").execute());
        assertThat(classification(foreign)).isEqualTo("BAD_USER_INPUT");
        assertThat(foreign.get(0).getMessage()).contains("数量指标").contains("效益指标").contains("allowForeignL2");
        List<ResponseError> both = errors(editor().documentName("reclassifyTarget")
                .variable("id", target).variable("version", 1).variable("level1", "产出指标").variable("level2", "社会效益").execute());
        assertThat(classification(both)).isEqualTo("BAD_USER_INPUT");
        assertThat(both.get(0).getMessage()).contains("社会效益指标").contains("产出指标");
        assertThat(EditingFixture.version(driver, target)).isEqualTo(1);
        assertThat(changesCount()).isEqualTo(changes);
        // a matching pair passes, and so does a foreign one on purpose
        editor().documentName("reclassifyTarget").variable("id", target).variable("version", 1)
                .variable("level1", "效益指标").variable("level2", "社会效益指标").execute()
                .path("updateTarget.target.level2.name").entity(String.class).isEqualTo("社会效益指标");
        editor().documentName("reclassifyTarget").variable("id", target).variable("version", 2)
                .variable("level2", "数量指标").variable("allowForeignL2", true).execute()
                .path("updateTarget.target.level1.name").entity(String.class).isEqualTo("效益指标")
                .path("updateTarget.target.level2.name").entity(String.class).isEqualTo("数量指标");
    }

    // issue 14: the edit matched the target, waited for its lock while another transaction deleted it, then read
    // nothing and threw a NullPointerException (INTERNAL_ERROR)
    @Test
    void an_edit_of_a_target_deleted_while_the_edit_waits_for_its_lock_is_not_found_naming_the_id() throws Exception {
        String target = EditingFixture.target(driver, "111900001");
        long changes = changesCount();
        CompletableFuture<List<ResponseError>> edit;
        try (Session session = driver.session(); Transaction delete = session.beginTransaction()) {
            delete.run("MATCH (t:Target {id: $id}) DETACH DELETE t", Map.of("id", target)).consume();
            edit = CompletableFuture.supplyAsync(() -> errors(editor().document(UPDATE_TARGET)
                    .variable("input", input(target, 1, "≥7")).execute()));
            awaitBlockedTransaction();
            delete.commit();
        }
        List<ResponseError> errors = edit.get(120, TimeUnit.SECONDS);
        assertThat(classification(errors)).isEqualTo("NOT_FOUND");
        assertThat(errors.get(0).getMessage()).contains(target);
        assertThat(changesCount()).isEqualTo(changes);
    }
}
