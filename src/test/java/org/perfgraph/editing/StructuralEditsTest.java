package org.perfgraph.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfgraph.support.Ids;
import org.springframework.graphql.ResponseError;

/** Projects, indicators and the structure: updates, relinks, merges, creations and deletions, and the change list. */
class StructuralEditsTest extends EditingTestSupport {

    private static final String UPDATE_PROJECT = """
            mutation($input: UpdateProjectInput!) {
              updateProject(input: $input) { project { id name amount version } change { id fields before after } }
            }""";

    private static final String RELINK = """
            mutation($input: RelinkTargetInput!) {
              relinkTarget(input: $input) { target { id version indicator { id code } } change { id operation } }
            }""";

    private static final String MERGE = """
            mutation($input: MergeIndicatorsInput!) {
              mergeIndicators(input: $input) { indicator { id code version } movedTargets change { id operation entityId relatedIds } }
            }""";

    private static final String UPDATE_INDICATOR = """
            mutation($input: UpdateIndicatorInput!) {
              updateIndicator(input: $input) { indicator { id name code version } change { operation } }
            }""";

    private static String indicator(String code) {
        return Ids.of('I', "C:" + code);
    }

    @Test
    void an_amount_correction_stores_the_exact_decimal_and_its_fen() {
        String project = EditingFixture.project(driver, "编辑项目甲");
        editor().document(UPDATE_PROJECT).variable("input",
                        Map.of("id", project, "expectedVersion", 1, "amount", "1234.56", "name", " 编辑项目甲（更正） ")).execute()
                .path("updateProject.project.amount").entity(String.class).isEqualTo("1234.56")
                .path("updateProject.project.name").entity(String.class).isEqualTo("编辑项目甲（更正）")
                .path("updateProject.change.fields").entityList(String.class).containsExactly("name", "amount")
                .path("updateProject.change.before.amount").entity(String.class).isEqualTo("1000.50");
        assertThat(EditingFixture.property(driver, project, "amountCents")).isEqualTo(123456L);
        assertThat(EditingFixture.property(driver, project, "amount")).isEqualTo("1234.56");
    }

    @Test
    void an_empty_name_an_amount_finer_than_a_fen_or_that_is_no_number_and_backward_dates_are_bad_input_and_change_nothing() {
        String project = EditingFixture.project(driver, "编辑项目甲");
        List<ResponseError> empty = errors(editor().document(UPDATE_PROJECT).variable("input",
                Map.of("id", project, "expectedVersion", 1, "name", "  ")).execute());
        assertThat(classification(empty)).isEqualTo("BAD_USER_INPUT");
        List<ResponseError> fen = errors(editor().document(UPDATE_PROJECT).variable("input",
                Map.of("id", project, "expectedVersion", 1, "amount", "10.005")).execute());
        assertThat(classification(fen)).isEqualTo("BAD_USER_INPUT");
        assertThat(fen.get(0).getMessage()).contains("10.005");
        List<ResponseError> notAnAmount = errors(editor().document(UPDATE_PROJECT).variable("input",
                Map.of("id", project, "expectedVersion", 1, "amount", "十万")).execute());
        assertThat(classification(notAnAmount)).isEqualTo("BAD_USER_INPUT");
        List<ResponseError> notADate = errors(editor().document(UPDATE_PROJECT).variable("input",
                Map.of("id", project, "expectedVersion", 1, "endDate", "年底")).execute());
        assertThat(classification(notADate)).isEqualTo("BAD_USER_INPUT");
        List<ResponseError> backwards = errors(editor().document(UPDATE_PROJECT).variable("input",
                Map.of("id", project, "expectedVersion", 1, "startDate", "2024-12-01", "endDate", "2024-01-31")).execute());
        assertThat(classification(backwards)).isEqualTo("BAD_USER_INPUT");
        assertThat(EditingFixture.property(driver, project, "amountCents")).isEqualTo(100050L);
        assertThat(EditingFixture.version(driver, project)).isEqualTo(1);
    }

    @Test
    void a_relinked_target_measures_the_other_indicator_and_a_revert_links_it_back() {
        String target = EditingFixture.target(driver, "331900001");
        String changeId = editor().document(RELINK).variable("input",
                        Map.of("id", target, "expectedVersion", 1, "indicatorId", indicator("111900001"))).execute()
                .path("relinkTarget.target.indicator.code").entity(String.class).isEqualTo("111900001")
                .path("relinkTarget.change.operation").entity(String.class).isEqualTo("RELINK_TARGET")
                .path("relinkTarget.change.id").entity(String.class).get();
        assertThat(classification(errors(editor().document(RELINK).variable("input",
                Map.of("id", target, "expectedVersion", 2, "indicatorId", "I0000000000000000")).execute()))).isEqualTo("NOT_FOUND");
        editor().document("mutation($id: ID!) { revertChange(input: {id: $id}) { change { operation } } }")
                .variable("id", changeId).execute().path("revertChange.change.operation").entity(String.class).isEqualTo("REVERT");
        assertThat(EditingFixture.single(driver, "MATCH (:Target {id: $id})-[:MEASURES]->(i) RETURN collect(i.code) AS v",
                Map.of("id", target))).isEqualTo(List.of("331900001"));
    }

    @Test
    void merging_moves_every_target_removes_the_emptied_indicator_and_the_targets_history_says_so() {
        Map<String, Object> before = stats();
        String target = EditingFixture.target(driver, "331900001");
        editor().document(MERGE).variable("input", Map.of("fromId", indicator("331900001"), "fromVersion", 1,
                        "intoId", indicator("111900001"), "intoVersion", 1)).execute()
                .path("mergeIndicators.movedTargets").entity(Integer.class).isEqualTo(1)
                .path("mergeIndicators.indicator.version").entity(Integer.class).isEqualTo(2)
                .path("mergeIndicators.change.relatedIds").entityList(String.class).contains(target);
        assertThat(((Number) stats().get("indicators")).intValue()).isEqualTo(((Number) before.get("indicators")).intValue() - 1);
        assertThat(EditingFixture.single(driver, "MATCH (:Target {id: $id})-[:MEASURES]->(i) RETURN i.code AS v",
                Map.of("id", target))).isEqualTo("111900001");
        graphQl.document("query($id: ID!) { history(entityId: $id) { operation } }").variable("id", target).execute()
                .path("history[*].operation").entityList(String.class).containsExactly("MERGE_INDICATORS");
        // a stale version of either side is a conflict
        assertThat(classification(errors(editor().document(MERGE).variable("input", Map.of("fromId", indicator("222900001"),
                "fromVersion", 1, "intoId", indicator("111900001"), "intoVersion", 1)).execute()))).isEqualTo("CONFLICT");
    }

    @Test
    void an_indicator_keeps_its_identity_when_renamed_and_a_code_in_use_is_a_conflict() {
        String id = indicator("222900001");
        editor().document(UPDATE_INDICATOR).variable("input", Map.of("id", id, "expectedVersion", 1, "name", "编辑测试社会效益")).execute()
                .path("updateIndicator.indicator.name").entity(String.class).isEqualTo("编辑测试社会效益")
                .path("updateIndicator.indicator.version").entity(Integer.class).isEqualTo(2);
        assertThat(EditingFixture.property(driver, id, "key")).isEqualTo("C:222900001");
        List<ResponseError> taken = errors(editor().document(UPDATE_INDICATOR).variable("input",
                Map.of("id", id, "expectedVersion", 2, "code", "111900001")).execute());
        assertThat(classification(taken)).isEqualTo("CONFLICT");
        assertThat(taken.get(0).getMessage()).contains("mergeIndicators");
    }

    @Test
    void a_project_and_a_target_entered_by_hand_can_be_deleted_again_leaving_the_counts_as_they_were() {
        Map<String, Object> before = stats();
        String unit = (String) EditingFixture.single(driver,
                "MATCH (u:Unit)-[:HAS_PROJECT]->(:Project {documentId: $doc}) RETURN u.id AS v", Map.of("doc", EditingFixture.DOCUMENT_ID));
        String project = editor().document("""
                        mutation($input: CreateProjectInput!) { createProject(input: $input) { project { id name amount version targetCount unit { id } document { id } } change { operation } } }""")
                .variable("input", Map.of("documentId", EditingFixture.DOCUMENT_ID, "unitId", unit, "name", "漏读项目",
                        "amount", "300.00", "startDate", "2024-01-01", "endDate", "2024-12-31")).execute()
                .path("createProject.project.unit.id").entity(String.class).isEqualTo(unit)
                .path("createProject.project.document.id").entity(String.class).isEqualTo(EditingFixture.DOCUMENT_ID)
                .path("createProject.project.targetCount").entity(Integer.class).isEqualTo(0)
                .path("createProject.change.operation").entity(String.class).isEqualTo("CREATE_PROJECT")
                .path("createProject.project.id").entity(String.class).get();
        String target = editor().document("""
                        mutation($input: AddTargetInput!) { addTarget(input: $input) { target { id version line annual { normalized } level2 { name parent { name } } indicator { code } project { id targetCount version } } } }""")
                .variable("input", Map.of("projectId", project, "projectVersion", 1, "indicatorId", indicator("111900001"),
                        "level1", "产出指标", "level2", "数量", "annual", "大于等于3个")).execute()
                .path("addTarget.target.annual.normalized").entity(String.class).isEqualTo("≥3个")
                .path("addTarget.target.level2.name").entity(String.class).isEqualTo("数量指标")
                .path("addTarget.target.level2.parent.name").entity(String.class).isEqualTo("产出指标")
                .path("addTarget.target.version").entity(Integer.class).isEqualTo(1)
                .path("addTarget.target.project.targetCount").entity(Integer.class).isEqualTo(1)
                .path("addTarget.target.project.version").entity(Integer.class).isEqualTo(2)
                .path("addTarget.target.id").entity(String.class).get();
        assertThat(((Number) stats().get("targets")).intValue()).isEqualTo(((Number) before.get("targets")).intValue() + 1);
        assertThat(((Number) stats().get("projects")).intValue()).isEqualTo(((Number) before.get("projects")).intValue() + 1);

        editor().document("mutation($input: DeleteTargetInput!) { deleteTarget(input: $input) { deletedId change { operation before } } }")
                .variable("input", Map.of("id", target, "expectedVersion", 1)).execute()
                .path("deleteTarget.change.operation").entity(String.class).isEqualTo("DELETE_TARGET")
                .path("deleteTarget.change.before.annualRaw").entity(String.class).isEqualTo("大于等于3个");
        assertThat(classification(errors(editor().document("mutation($input: DeleteProjectInput!) { deleteProject(input: $input) { deletedId } }")
                .variable("input", Map.of("id", project, "expectedVersion", 2)).execute()))).isEqualTo("CONFLICT");
        editor().document("mutation($input: DeleteProjectInput!) { deleteProject(input: $input) { deletedId change { operation } } }")
                .variable("input", Map.of("id", project, "expectedVersion", 3)).execute()
                .path("deleteProject.deletedId").entity(String.class).isEqualTo(project);
        assertThat(stats()).isEqualTo(before);
        // a fixture project with its targets goes too, and with it the indicators only it used
        String other = EditingFixture.project(driver, "编辑项目乙");
        editor().document("mutation($input: DeleteProjectInput!) { deleteProject(input: $input) { change { before } } }")
                .variable("input", Map.of("id", other, "expectedVersion", 1)).execute()
                .path("deleteProject.change.before.targetIds").entityList(String.class).hasSize(1);
        assertThat(((Number) stats().get("indicators")).intValue()).isEqualTo(((Number) before.get("indicators")).intValue() - 1);
    }

    @Test
    void changes_page_by_author_in_time_order() {
        String project = EditingFixture.project(driver, "编辑项目甲");
        for (int v = 1; v <= 3; v++) {
            editor().document(UPDATE_PROJECT).variable("input", Map.of("id", project, "expectedVersion", v, "year", 2020 + v))
                    .execute().path("updateProject.project.version").entity(Integer.class).isEqualTo(v + 1);
        }
        String query = """
                query($by: String, $after: String) { changes(by: $by, first: 2, after: $after) {
                  totalCount edges { cursor node { operation after } } pageInfo { hasNextPage endCursor } } }""";
        // the fixture import by the test key is the first change of that author
        String cursor = graphQl.document(query).variable("by", EDITOR_NAME).execute()
                .path("changes.totalCount").entity(Integer.class).isEqualTo(4)
                .path("changes.edges[*].node.operation").entityList(String.class).containsExactly("IMPORT", "UPDATE_PROJECT")
                .path("changes.edges[1].node.after.year").entity(Integer.class).isEqualTo(2021)
                .path("changes.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("changes.pageInfo.endCursor").entity(String.class).get();
        graphQl.document(query).variable("by", EDITOR_NAME).variable("after", cursor).execute()
                .path("changes.edges[*].node.after.year").entityList(Integer.class).containsExactly(2022, 2023)
                .path("changes.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        assertThat(classification(errors(graphQl.document(query).variable("after", "garbage").execute()))).isEqualTo("BAD_USER_INPUT");
        graphQl.document(query).variable("by", "nobody").execute().path("changes.totalCount").entity(Integer.class).isEqualTo(0);
        graphQl.document("query($since: DateTime) { changes(since: $since, by: \"%s\") { totalCount } }".formatted(EDITOR_NAME))
                .variable("since", java.time.OffsetDateTime.now().plusHours(1).toString()).execute()
                .path("changes.totalCount").entity(Integer.class).isEqualTo(0);
        graphQl.document("query($since: DateTime) { changes(since: $since, by: \"%s\") { totalCount } }".formatted(EDITOR_NAME))
                .variable("since", java.time.OffsetDateTime.now().minusHours(1).toString()).execute()
                .path("changes.totalCount").entity(Integer.class).isEqualTo(4);
    }

    private static final String REVERT = "mutation($id: ID!) { revertChange(input: {id: $id}) { change { id operation revertOf } } }";

    @Test
    void a_deleted_target_comes_back_as_it_was_with_the_indicator_the_deletion_left_without_targets() {
        String project = EditingFixture.project(driver, "编辑项目甲");
        Map<String, Object> before = stats();
        String target = EditingFixture.target(driver, "111900001");
        Object line = EditingFixture.property(driver, target, "line");
        String deletion = editor().document("mutation($input: DeleteTargetInput!) { deleteTarget(input: $input) { change { id } } }")
                .variable("input", Map.of("id", target, "expectedVersion", 1)).execute()
                .path("deleteTarget.change.id").entity(String.class).get();
        assertThat(((Number) stats().get("indicators")).intValue()).isEqualTo(((Number) before.get("indicators")).intValue() - 1);
        editor().document(REVERT).variable("id", deletion).execute()
                .path("revertChange.change.revertOf").entity(String.class).isEqualTo(deletion);
        assertThat(stats()).isEqualTo(before);
        assertThat(EditingFixture.property(driver, target, "line")).isEqualTo(line);
        assertThat(EditingFixture.property(driver, target, "annualRaw")).isEqualTo("≥6");
        assertThat(EditingFixture.property(driver, target, "periodRaw")).isEqualTo("≥6");
        assertThat(EditingFixture.single(driver, "MATCH (:Project {id: $p})-[:HAS_TARGET]->(t:Target {id: $t})-[:MEASURES]->(i) RETURN i.code AS v",
                Map.of("p", project, "t", target))).isEqualTo("111900001");
    }

    @Test
    void a_hand_entry_and_a_merge_are_undone_by_reverting_them() {
        Map<String, Object> before = stats();
        String project = EditingFixture.project(driver, "编辑项目乙");
        String added = editor().document("mutation($input: AddTargetInput!) { addTarget(input: $input) { change { id } } }")
                .variable("input", Map.of("projectId", project, "projectVersion", 1, "indicatorId", indicator("111900001"),
                        "level1", "产出指标", "level2", "数量指标", "annual", "5次")).execute()
                .path("addTarget.change.id").entity(String.class).get();
        editor().document(REVERT).variable("id", added).execute().path("revertChange.change.operation").entity(String.class).isEqualTo("REVERT");
        assertThat(stats()).isEqualTo(before);

        String target = EditingFixture.target(driver, "331900001");
        String merge = editor().document(MERGE).variable("input", Map.of("fromId", indicator("331900001"), "fromVersion", 1,
                        "intoId", indicator("111900001"), "intoVersion", 1)).execute()
                .path("mergeIndicators.change.id").entity(String.class).get();
        editor().document(REVERT).variable("id", merge).execute().path("revertChange.change.revertOf").entity(String.class).isEqualTo(merge);
        assertThat(stats()).isEqualTo(before);
        assertThat(EditingFixture.single(driver, "MATCH (:Target {id: $id})-[:MEASURES]->(i) RETURN i.code AS v",
                Map.of("id", target))).isEqualTo("331900001");
        // a deleted project's targets are not kept in full: that one cannot be reverted
        // (version 3: the target added and removed again were changes of the project too)
        String deletion = editor().document("mutation($input: DeleteProjectInput!) { deleteProject(input: $input) { change { id } } }")
                .variable("input", Map.of("id", project, "expectedVersion", 3)).execute()
                .path("deleteProject.change.id").entity(String.class).get();
        assertThat(classification(errors(editor().document(REVERT).variable("id", deletion).execute()))).isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void a_merge_answers_with_the_committed_counts_of_the_indicator_that_stays() {
        String into = indicator("111900001");
        Map<?, ?> answered = editor().documentName("mergeIndicators").variable("input", Map.of("fromId", indicator("222900001"),
                        "fromVersion", 1, "intoId", into, "intoVersion", 1)).execute()
                .path("mergeIndicators.indicator").entity(Map.class).get();
        Map<?, ?> readBack = graphQl.documentName("indicatorCounts").variable("id", into).execute()
                .path("indicator").entity(Map.class).get();
        assertThat(readBack.get("projectCount")).isEqualTo(2);
        assertThat(answered.get("projectCount")).isEqualTo(readBack.get("projectCount"));
        assertThat(answered.get("unitCount")).isEqualTo(readBack.get("unitCount"));
    }

    @Test
    void an_indicator_entered_by_hand_is_in_history_can_be_measured_and_is_removed_again_by_a_revert() {
        Map<String, Object> before = stats();
        String id = editor().documentName("createIndicator").variable("code", " 111900099 ").variable("name", "编辑测试 新指标").execute()
                .path("createIndicator.indicator.code").entity(String.class).isEqualTo("111900099")
                .path("createIndicator.indicator.version").entity(Integer.class).isEqualTo(1)
                .path("createIndicator.indicator.projectCount").entity(Integer.class).isEqualTo(0)
                .path("createIndicator.change.operation").entity(String.class).isEqualTo("CREATE_INDICATOR")
                .path("createIndicator.change.entityKind").entity(String.class).isEqualTo("Indicator")
                .path("createIndicator.change.after.name").entity(String.class).isEqualTo("编辑测试 新指标")
                .path("createIndicator.indicator.id").entity(String.class).get();
        assertThat(id).isEqualTo(indicator("111900099"));
        String creation = graphQl.documentName("entityHistory").variable("id", id).execute()
                .path("history[*].operation").entityList(String.class).containsExactly("CREATE_INDICATOR")
                .path("history[0].id").entity(String.class).get();
        // a code or (uncoded) a name another indicator has is refused
        List<ResponseError> code = errors(editor().documentName("createIndicator").variable("code", "111900001").variable("name", "别名").execute());
        assertThat(classification(code)).isEqualTo("CONFLICT");
        assertThat(code.get(0).getMessage()).contains("111900001");
        assertThat(classification(errors(editor().documentName("createIndicator").variable("name", " ").execute()))).isEqualTo("BAD_USER_INPUT");
        assertThat(classification(errors(graphQl.documentName("createIndicator").variable("name", "无钥匙").execute()))).isEqualTo("UNAUTHORIZED");
        // a target can measure it; while one does, the creation cannot be reverted
        String target = EditingFixture.target(driver, "331900001");
        editor().document(RELINK).variable("input", Map.of("id", target, "expectedVersion", 1, "indicatorId", id)).execute()
                .path("relinkTarget.target.indicator.code").entity(String.class).isEqualTo("111900099");
        assertThat(classification(errors(editor().document(REVERT).variable("id", creation).execute()))).isEqualTo("CONFLICT");
        editor().document(RELINK).variable("input", Map.of("id", target, "expectedVersion", 2, "indicatorId", indicator("331900001")))
                .execute().path("relinkTarget.target.version").entity(Integer.class).isEqualTo(3);
        editor().document(REVERT).variable("id", creation).execute().path("revertChange.change.revertOf").entity(String.class).isEqualTo(creation);
        assertThat(EditingFixture.single(driver, "MATCH (i:Indicator {id: $id}) RETURN count(i) AS v", Map.of("id", id))).isEqualTo(0L);
        assertThat(stats()).isEqualTo(before);
    }

    @Test
    void changes_come_newest_first_when_asked_and_oldest_first_by_default() {
        String project = EditingFixture.project(driver, "编辑项目甲");
        for (int v = 1; v <= 3; v++) {
            editor().document(UPDATE_PROJECT).variable("input", Map.of("id", project, "expectedVersion", v, "year", 2020 + v))
                    .execute().path("updateProject.project.version").entity(Integer.class).isEqualTo(v + 1);
        }
        graphQl.documentName("changesInOrder").variable("by", EDITOR_NAME).execute()
                .path("changes.edges[*].node.operation").entityList(String.class).containsExactly("IMPORT", "UPDATE_PROJECT");
        String cursor = graphQl.documentName("changesInOrder").variable("by", EDITOR_NAME).variable("order", "DESC").execute()
                .path("changes.totalCount").entity(Integer.class).isEqualTo(4)
                .path("changes.edges[*].node.after.year").entityList(Integer.class).containsExactly(2023, 2022)
                .path("changes.pageInfo.endCursor").entity(String.class).get();
        graphQl.documentName("changesInOrder").variable("by", EDITOR_NAME).variable("order", "DESC").variable("after", cursor).execute()
                .path("changes.edges[*].node.operation").entityList(String.class).containsExactly("UPDATE_PROJECT", "IMPORT")
                .path("changes.edges[0].node.after.year").entity(Integer.class).isEqualTo(2021)
                .path("changes.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
    }
}
