package org.perfgraph.support;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * How many read statements run at once ({@code PERFGRAPH_MAX_CONCURRENT_READS}); the others wait their turn, first
 * come first served. On two cores, 50 readers all running at once left each statement, and every edit's, a fiftieth
 * of the CPU: one edit of a target took 20 s and more under {@code bench/load.sh}'s 50 readers. With the reads in
 * slots the CPU goes to a few statements at a time and to the edits, which never wait for a slot; the reads' own
 * throughput stays what the CPU gives. A read that waits longer than {@code PERFGRAPH_QUERY_TIMEOUT} for a slot is a
 * {@code TIMEOUT} naming the setting, as one that runs that long.
 */
@Component
@EnableConfigurationProperties(ReadSlots.Settings.class)
public class ReadSlots {

    /**
     * @param maxConcurrentReads PERFGRAPH_MAX_CONCURRENT_READS: read statements running at once; 0 means four per
     *                           processor
     */
    @ConfigurationProperties("perfgraph")
    record Settings(int maxConcurrentReads) {
    }

    private final Semaphore slots;
    private final int size;

    @org.springframework.beans.factory.annotation.Autowired
    ReadSlots(Settings settings) {
        this(settings.maxConcurrentReads() > 0 ? settings.maxConcurrentReads()
                : 4 * Runtime.getRuntime().availableProcessors());
    }

    /** Slots for {@code size} statements at once. */
    public ReadSlots(int size) {
        this.size = size;
        this.slots = new Semaphore(size, true);
    }

    /** Slots enough for anything: what a reader built outside the context (a test of its own) uses. */
    static ReadSlots unlimited() {
        return new ReadSlots(Integer.MAX_VALUE);
    }

    public int size() {
        return size;
    }

    /** Runs the read in a slot, waiting at most {@code patience} for one (null: as long as it takes). */
    <T> T run(Duration patience, Supplier<T> read) {
        try {
            if (patience == null) {
                slots.acquire();
            } else if (!slots.tryAcquire(patience.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new ApiException("TIMEOUT", "The service is busy: the query waited " + patience.toMillis()
                        + " ms (PERFGRAPH_QUERY_TIMEOUT) for one of its " + size + " read slots "
                        + "(PERFGRAPH_MAX_CONCURRENT_READS) and did not run; try again.", Map.of());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("TIMEOUT", "The query was interrupted while waiting for a read slot and did not run.",
                    Map.of());
        }
        try {
            return read.get();
        } finally {
            slots.release();
        }
    }
}
