package org.perfgraph.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ReadSlotsTest {

    @Test
    void a_read_waits_while_every_slot_is_taken_and_runs_when_one_frees() throws Exception {
        ReadSlots slots = new ReadSlots(1);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> holder = CompletableFuture.supplyAsync(() -> slots.run(null, () -> {
            inside.countDown();
            await(release);
            return "first";
        }));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        AtomicInteger ran = new AtomicInteger();
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> slots.run(Duration.ofSeconds(30), () -> {
            ran.incrementAndGet();
            return "second";
        }));
        Thread.sleep(200);
        assertThat(ran).as("the second read did not run beside the first").hasValue(0);
        release.countDown();
        assertThat(holder.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo("second");
        assertThat(ran).hasValue(1);
    }

    @Test
    void a_read_that_waits_past_its_patience_is_a_timeout_naming_both_settings_and_does_not_run() throws Exception {
        ReadSlots slots = new ReadSlots(1);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> slots.run(null, () -> {
            inside.countDown();
            await(release);
            return null;
        }));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        AtomicInteger ran = new AtomicInteger();
        assertThatThrownBy(() -> slots.run(Duration.ofMillis(100), ran::incrementAndGet))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.classification()).isEqualTo("TIMEOUT");
                    assertThat(e.getMessage()).contains("100 ms (PERFGRAPH_QUERY_TIMEOUT)")
                            .contains("1 read slots (PERFGRAPH_MAX_CONCURRENT_READS)").contains("did not run");
                });
        assertThat(ran).hasValue(0);
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        // the refused read took no slot with it: the next one runs at once
        assertThat(slots.run(Duration.ofMillis(100), ran::incrementAndGet)).isEqualTo(1);
    }

    @Test
    void a_read_that_fails_gives_its_slot_back() {
        ReadSlots slots = new ReadSlots(1);
        assertThatThrownBy(() -> slots.run(null, () -> {
            throw new IllegalStateException("statement failed");
        })).hasMessage("statement failed");
        assertThat(slots.run(Duration.ofMillis(100), () -> "next")).isEqualTo("next");
    }

    @Test
    void zero_means_four_slots_per_processor() {
        assertThat(new ReadSlots(new ReadSlots.Settings(0)).size()).isEqualTo(4 * Runtime.getRuntime().availableProcessors());
        assertThat(new ReadSlots(new ReadSlots.Settings(3)).size()).isEqualTo(3);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
