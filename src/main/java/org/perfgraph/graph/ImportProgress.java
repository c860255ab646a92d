package org.perfgraph.graph;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * How far the import command is. Every document's line ends with the run's progress ({@code [2/10 documents, 20000
 * of 20000 target rows written, 1900 rows/s, ETA 1m 10s]}); on a terminal a status line, redrawn in place with a
 * carriage return twice a second, also shows the documents being read or written: how many target rows each has
 * read and written, so a long document shows its progress too. The ETA counts bytes: the files' sizes are known at
 * the start, and a document being written counts the share of its rows written. Every print goes through here, so
 * the status line never splits a document's line.
 */
final class ImportProgress implements AutoCloseable {

    /** A document under way: its size, target rows read (-1 while reading) and written. */
    private static final class Current {
        final long bytes;
        int read = -1;
        int written;

        Current(long bytes) {
            this.bytes = bytes;
        }
    }

    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private final LongSupplier nanos;
    private final int documents;
    private final long totalBytes;
    private final long start;
    private final Map<String, Current> current = new LinkedHashMap<>();
    private final ScheduledExecutorService redraw;
    private int finished;
    private long doneBytes;
    private long rowsRead;
    private long rowsWritten;
    private int statusWidth;

    ImportProgress(List<Long> sizes, PrintStream out, PrintStream err, boolean terminal, LongSupplier nanos) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.nanos = nanos;
        this.documents = sizes.size();
        this.totalBytes = sizes.stream().mapToLong(Long::longValue).sum();
        this.start = nanos.getAsLong();
        if (terminal) {
            redraw = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "import-progress");
                t.setDaemon(true);
                return t;
            });
            redraw.scheduleAtFixedRate(this::draw, 500, 500, TimeUnit.MILLISECONDS);
        } else {
            redraw = null;
        }
    }

    /** The progress listener of one document. */
    DocumentImporter.Progress start(String file, long bytes) {
        Current c = new Current(bytes);
        synchronized (this) {
            current.put(file, c);
        }
        return new DocumentImporter.Progress() {
            @Override
            public void read(int targetRows) {
                synchronized (ImportProgress.this) {
                    c.read = targetRows;
                    rowsRead += targetRows;
                }
            }

            @Override
            public void written(int targetRows) {
                synchronized (ImportProgress.this) {
                    rowsWritten += Math.max(0, targetRows - c.written);
                    c.written = targetRows;
                }
            }
        };
    }

    /** A document is done: its text (the document's line and warnings) printed, the progress appended to the line. */
    synchronized void finished(String file, String text) {
        end(file);
        clear();
        int eol = text.indexOf('\n');
        String first = eol < 0 ? text : text.substring(0, eol);
        out.print(first + " " + summary() + (eol < 0 ? "\n" : text.substring(eol)));
        out.flush();
        draw();
    }

    /** A document's transaction was rolled back and it will be written again later: what it counted is taken back. */
    synchronized void retrying(String file) {
        Current c = current.remove(file);
        if (c != null) {
            rowsRead -= c.read;
            rowsWritten -= c.written;
        }
    }

    /** A document is refused: the message on the error stream, the progress on its own line of the output. */
    synchronized void refused(String file, String message) {
        end(file);
        clear();
        err.println("refused: " + message);
        err.flush();
        draw();
    }

    private void end(String file) {
        Current c = current.remove(file);
        finished++;
        if (c != null) {
            doneBytes += c.bytes;
            // a refused or unchanged document leaves unwritten what it read
            if (c.read > c.written) {
                rowsRead -= c.read - c.written;
            }
        }
    }

    /** {@code [2/10 documents, 20000 of 31000 target rows written, 1900 rows/s, ETA 1m 10s]}. */
    synchronized String summary() {
        double seconds = Math.max(1e-9, (nanos.getAsLong() - start) / 1e9);
        return String.format(Locale.ROOT, "[%d/%d documents, %d of %d target rows written, %.0f rows/s, ETA %s]",
                finished, documents, rowsWritten, rowsRead, rowsWritten / seconds, eta(seconds));
    }

    private String eta(double seconds) {
        double done = doneBytes;
        for (Current c : current.values()) {
            if (c.read > 0) {
                done += c.bytes * (double) c.written / c.read;
            }
        }
        if (finished == documents) {
            return "0s";
        }
        if (done <= 0) {
            return "?";
        }
        long left = Math.round(seconds * (totalBytes - done) / done);
        return left >= 3600 ? left / 3600 + "h " + left % 3600 / 60 + "m"
                : left >= 60 ? left / 60 + "m " + left % 60 + "s" : left + "s";
    }

    /** The terminal's status line: the run's progress and each document under way. */
    private synchronized void draw() {
        if (!terminal) {
            return;
        }
        StringBuilder line = new StringBuilder(summary());
        current.forEach((file, c) -> line.append("  ").append(file).append(c.read < 0 ? ": reading"
                : ": " + c.written + "/" + c.read + " rows written"));
        String s = line.toString();
        int pad = Math.max(0, statusWidth - s.length());
        out.print("\r" + s + " ".repeat(pad));
        out.flush();
        statusWidth = s.length();
    }

    private void clear() {
        if (terminal && statusWidth > 0) {
            out.print("\r" + " ".repeat(statusWidth) + "\r");
            statusWidth = 0;
        }
    }

    @Override
    public synchronized void close() {
        if (redraw != null) {
            redraw.shutdownNow();
        }
        clear();
        out.flush();
    }
}
