package org.perfgraph.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.perfgraph.analysis.TextClusters.Cluster;
import org.perfgraph.analysis.TextClusters.Pair;

/** Union-find clustering of verified near-duplicate pairs. */
class TextClustersTest {

    @Test
    void pairs_sharing_a_text_form_one_cluster_even_where_the_ends_are_not_a_pair() {
        List<Cluster> clusters = TextClusters.of(List.of(new Pair("a", "b", 0.9), new Pair("b", "c", 0.85),
                new Pair("x", "y", 0.95)));
        assertThat(clusters).hasSize(2);
        assertThat(clusters.get(0).texts()).containsExactly("a", "b", "c");
        assertThat(clusters.get(0).pairs()).extracting(Pair::score).containsExactly(0.9, 0.85);
        assertThat(clusters.get(1).texts()).containsExactly("x", "y");
        assertThat(clusters.get(1).best()).isEqualTo(0.95);
    }

    @Test
    void clusters_of_equal_size_come_best_pair_first_whatever_the_pair_order() {
        List<Pair> pairs = List.of(new Pair("p", "q", 0.81), new Pair("r", "s", 0.93));
        assertThat(TextClusters.of(pairs)).extracting(c -> c.texts().get(0)).containsExactly("r", "p");
        assertThat(TextClusters.of(List.of(pairs.get(1), pairs.get(0)))).extracting(c -> c.texts().get(0)).containsExactly("r", "p");
    }
}
