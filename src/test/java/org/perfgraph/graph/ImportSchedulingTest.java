package org.perfgraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** How the import command schedules documents over its writers, and what it does with one that kept deadlocking. */
class ImportSchedulingTest {

    @Test
    void documents_that_kept_meeting_the_other_writer_are_written_again_alone_after_all_others_in_file_order() throws Exception {
        List<String> files = List.of("a.txt", "b.txt", "c.txt", "d.txt", "e.txt");
        Set<String> deadlocked = Set.of("d.txt", "b.txt");
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger running = new AtomicInteger();
        List<Integer> runningDuringRetries = new ArrayList<>();

        ImportCommand.importAll(files, 2, file -> {
            running.incrementAndGet();
            try {
                log.add("first " + file);
                return deadlocked.contains(file);
            } finally {
                running.decrementAndGet();
            }
        }, file -> {
            runningDuringRetries.add(running.get());
            log.add("alone " + file);
        });

        assertThat(log).hasSize(7);
        assertThat(log.subList(0, 5)).allMatch(line -> line.startsWith("first "))
                .containsExactlyInAnyOrder("first a.txt", "first b.txt", "first c.txt", "first d.txt", "first e.txt");
        assertThat(log.subList(5, 7)).containsExactly("alone b.txt", "alone d.txt");
        assertThat(runningDuringRetries).containsOnly(0);
    }

    @Test
    void without_a_deadlock_every_document_is_written_once() throws Exception {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        List<String> alone = new ArrayList<>();
        ImportCommand.importAll(List.of("x.txt", "y.txt", "z.txt"), 2, file -> !seen.add(file), alone::add);

        assertThat(seen).containsExactlyInAnyOrder("x.txt", "y.txt", "z.txt");
        assertThat(alone).isEmpty();
    }
}
