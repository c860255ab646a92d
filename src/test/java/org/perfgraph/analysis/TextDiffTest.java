package org.perfgraph.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.perfgraph.analysis.TextDiff.Change;
import org.perfgraph.analysis.TextDiff.Op;
import org.perfgraph.analysis.TextDiff.Segment;

/** Character diffs of goal texts. */
class TextDiffTest {

    @Test
    void an_inserted_word_is_one_insertion_between_two_equal_runs() {
        List<Segment> diff = TextDiff.diff("预计聘请专业机构", "预计开展聘请专业机构");
        assertThat(diff).containsExactly(new Segment(Op.EQUAL, "预计"), new Segment(Op.INSERT, "开展"),
                new Segment(Op.EQUAL, "聘请专业机构"));
        assertThat(TextDiff.changes(diff)).containsExactly(new Change(2, "", "开展"));
    }

    @Test
    void edits_in_the_middle_keep_the_characters_both_texts_share() {
        List<Segment> diff = TextDiff.diff("完成招商服务管理系统改造", "完成招商资源管理系统升级改造");
        assertThat(diff).containsExactly(new Segment(Op.EQUAL, "完成招商"), new Segment(Op.INSERT, "资源"),
                new Segment(Op.DELETE, "服务"), new Segment(Op.EQUAL, "管理系统"), new Segment(Op.INSERT, "升级"),
                new Segment(Op.EQUAL, "改造"));
        assertThat(TextDiff.changes(diff)).containsExactly(new Change(4, "服务", "资源"), new Change(10, "", "升级"));
    }

    @Test
    void equal_texts_are_one_equal_run_and_no_change() {
        assertThat(TextDiff.diff("健全", "健全")).containsExactly(new Segment(Op.EQUAL, "健全"));
        assertThat(TextDiff.changes(TextDiff.diff("健全", "健全"))).isEmpty();
    }

    @Test
    void texts_too_long_for_the_table_fall_back_to_prefix_middle_and_suffix() {
        String a = "甲" + "一".repeat(1200) + "乙";
        String b = "甲" + "二".repeat(1200) + "乙";
        assertThat(TextDiff.diff(a, b)).containsExactly(new Segment(Op.EQUAL, "甲"), new Segment(Op.DELETE, "一".repeat(1200)),
                new Segment(Op.INSERT, "二".repeat(1200)), new Segment(Op.EQUAL, "乙"));
    }
}
