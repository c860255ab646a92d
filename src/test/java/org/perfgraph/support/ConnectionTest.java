package org.perfgraph.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Paging a list held in memory by position: the one way analytics answers and comparisons page their lists. */
class ConnectionTest {

    private static final List<String> WHOLE = List.of("a", "b", "c", "d", "e", "f", "g", "h");
    /** The positions a filter left of WHOLE. */
    private static final List<Integer> KEPT = List.of(1, 3, 4, 7);

    @Test
    void pages_follow_the_positions_a_filter_kept_and_count_them_all() {
        Map<String, Object> first = Connection.byPosition(KEPT, "test.list", 2, null, WHOLE::get);
        assertThat(nodes(first)).containsExactly("b", "d");
        assertThat(first.get("totalCount")).isEqualTo(4);
        assertThat(pageInfo(first)).containsEntry("hasNextPage", true);

        Map<String, Object> second = Connection.byPosition(KEPT, "test.list", 2, (String) pageInfo(first).get("endCursor"), WHOLE::get);
        assertThat(nodes(second)).containsExactly("e", "h");
        assertThat(pageInfo(second)).containsEntry("hasNextPage", false);

        Map<String, Object> beyond = Connection.byPosition(KEPT, "test.list", 2, (String) pageInfo(second).get("endCursor"), WHOLE::get);
        assertThat(nodes(beyond)).isEmpty();
        assertThat(pageInfo(beyond)).containsEntry("hasNextPage", false).containsEntry("endCursor", null);
    }

    @Test
    void a_cursor_of_another_list_or_a_position_never_issued_is_refused() {
        String other = PageCursor.encode("other.list", List.of(1L));
        assertThatThrownBy(() -> Connection.byPosition(KEPT, "test.list", 2, other, WHOLE::get))
                .isInstanceOf(ApiException.class);
        String negative = PageCursor.encode("test.list", List.of(-1L));
        assertThatThrownBy(() -> Connection.byPosition(KEPT, "test.list", 2, negative, WHOLE::get))
                .isInstanceOf(ApiException.class).hasMessageContaining("not a cursor of test.list");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> nodes(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("edges")).stream().map(e -> e.get("node")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> pageInfo(Map<String, Object> page) {
        return (Map<String, Object>) page.get("pageInfo");
    }
}
