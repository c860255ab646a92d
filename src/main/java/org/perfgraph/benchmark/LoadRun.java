package org.perfgraph.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs a request from N concurrent clients for a fixed time and collects every latency. */
final class LoadRun {

    /** One client's way of sending the request once; it throws when the request failed. */
    interface Call {
        void send() throws Exception;
    }

    /** Opens a client (a Bolt session, an HTTP caller) for one thread. */
    interface Client extends AutoCloseable {
        Call call();

        @Override
        default void close() {
        }
    }

    interface ClientFactory {
        Client open();
    }

    private LoadRun() {
    }

    /**
     * {@code clients} threads each send the request back to back until {@code seconds} have passed; a request
     * started before the end is waited for. A failed request is counted, not timed.
     */
    static LatencyStats measure(int clients, double seconds, ClientFactory factory) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            long end = start + (long) (seconds * 1e9);
            List<Future<LatencyStats>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> runClient(factory, end)));
            }
            List<LatencyStats> parts = new ArrayList<>();
            for (Future<LatencyStats> f : futures) {
                try {
                    parts.add(f.get());
                } catch (ExecutionException e) {
                    parts.add(new LatencyStats(new long[0], 0, 1, message(e.getCause())));
                }
            }
            return LatencyStats.merge(parts, (System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    private static LatencyStats runClient(ClientFactory factory, long end) {
        long[] samples = new long[1024];
        int n = 0;
        long errors = 0;
        String firstError = null;
        try (Client client = factory.open()) {
            Call call = client.call();
            while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
                long t0 = System.nanoTime();
                try {
                    call.send();
                } catch (Exception e) {
                    errors++;
                    if (firstError == null) {
                        firstError = message(e);
                    }
                    // A server that refuses everything should not be hammered in a tight loop.
                    if (errors > 100 && n == 0) {
                        break;
                    }
                    continue;
                }
                long elapsed = System.nanoTime() - t0;
                if (n == samples.length) {
                    samples = java.util.Arrays.copyOf(samples, n * 2);
                }
                samples[n++] = elapsed;
            }
        }
        return new LatencyStats(java.util.Arrays.copyOf(samples, n), 0, errors, firstError);
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        // Neo4j's four-sentence text for a transaction timeout, and the HTTP client's, say one thing.
        if (m.contains("has not completed within the timeout") || m.equals("request timed out")) {
            return "timed out (--timeout)";
        }
        return m;
    }
}
