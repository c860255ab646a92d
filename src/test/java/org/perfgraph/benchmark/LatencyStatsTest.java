package org.perfgraph.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    private static long[] millis(long... ms) {
        long[] nanos = new long[ms.length];
        for (int i = 0; i < ms.length; i++) {
            nanos[i] = ms[i] * 1_000_000;
        }
        return nanos;
    }

    @Test
    void percentiles_are_nearest_rank_over_the_sorted_samples() {
        // 1..100 ms in shuffled order: the p-th percentile of 100 samples is the p-th smallest.
        long[] samples = new long[100];
        for (int i = 0; i < 100; i++) {
            samples[i] = ((i * 37) % 100 + 1) * 1_000_000L;
        }
        LatencyStats s = new LatencyStats(samples, 10, 0, null);
        assertThat(s.percentileMs(50)).isEqualTo(50.0);
        assertThat(s.percentileMs(95)).isEqualTo(95.0);
        assertThat(s.percentileMs(99)).isEqualTo(99.0);
        assertThat(s.percentileMs(100)).isEqualTo(100.0);
    }

    @Test
    void a_percentile_is_a_latency_some_request_had_not_an_interpolation() {
        LatencyStats s = new LatencyStats(millis(10, 20, 30, 40), 1, 0, null);
        // rank ceil(0.5 * 4) = 2 -> 20 ms; ceil(0.95 * 4) = 4 -> 40 ms; ceil(0.01 * 4) = 1 -> 10 ms
        assertThat(s.percentileMs(50)).isEqualTo(20.0);
        assertThat(s.percentileMs(95)).isEqualTo(40.0);
        assertThat(s.percentileMs(1)).isEqualTo(10.0);
    }

    @Test
    void one_sample_is_every_percentile() {
        LatencyStats s = new LatencyStats(millis(7), 1, 0, null);
        assertThat(s.percentileMs(50)).isEqualTo(7.0);
        assertThat(s.percentileMs(99)).isEqualTo(7.0);
    }

    @Test
    void throughput_is_completed_requests_per_second_of_the_run() {
        LatencyStats s = new LatencyStats(millis(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 4, 3, "boom");
        assertThat(s.throughput()).isEqualTo(2.5);
        assertThat(s.count()).isEqualTo(10);
        assertThat(s.failed()).isFalse();
    }

    @Test
    void merging_rounds_pools_the_samples_adds_the_errors_and_keeps_the_first_message() {
        LatencyStats a = new LatencyStats(millis(30, 10), 0, 1, "first");
        LatencyStats b = new LatencyStats(millis(20, 40), 0, 2, "second");
        LatencyStats m = LatencyStats.merge(List.of(a, b), 2);
        assertThat(m.count()).isEqualTo(4);
        assertThat(m.percentileMs(50)).isEqualTo(20.0);
        assertThat(m.percentileMs(100)).isEqualTo(40.0);
        assertThat(m.errors()).isEqualTo(3);
        assertThat(m.firstError()).isEqualTo("first");
        assertThat(m.throughput()).isEqualTo(2.0);
    }

    @Test
    void a_run_without_a_completed_request_has_failed_and_no_percentiles() {
        LatencyStats s = new LatencyStats(new long[0], 5, 12, "Connection refused");
        assertThat(s.failed()).isTrue();
        assertThat(s.percentileMs(95)).isNaN();
        assertThat(s.throughput()).isZero();
    }

    @Test
    void a_percentile_outside_zero_to_hundred_is_refused() {
        LatencyStats s = new LatencyStats(millis(1), 1, 0, null);
        assertThatThrownBy(() -> s.percentileMs(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.percentileMs(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
