package org.perfgraph.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The documents the fuzzer starts from: the two seeds (tab export, forms) and every layout fixture of the test
 * resources (text shapes, CSV, HTML, xlsx, xls, docx, doc, pdf), each with what the reader makes of it whole.
 */
public final class FuzzFixtures {

    /** One starting document. {@code text} is its UTF-8 text where it is UTF-8 text, else null. */
    public record Fixture(String name, byte[] bytes, String text, Outcome whole) {

        public boolean isText() {
            return text != null;
        }

        public boolean isZip() {
            return bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        }
    }

    /** What one read gave: the document, or the refusal, or anything else thrown. */
    public record Outcome(ParsedDocument document, ImportRejectedException refusal, Throwable other) {

        /** A read still running after this long is a hang (a pattern backtracking over a huge cell), not slowness. */
        static final long HANG_SECONDS = 120;

        public static Outcome of(String name, byte[] bytes) {
            java.util.concurrent.FutureTask<Outcome> task = new java.util.concurrent.FutureTask<>(() -> {
                try {
                    return new Outcome(new DocumentReader().read(name, bytes), null, null);
                } catch (ImportRejectedException e) {
                    return new Outcome(null, e, null);
                } catch (Throwable t) {
                    return new Outcome(null, null, t);
                }
            });
            Thread worker = new Thread(task, "fuzz-read");
            worker.setDaemon(true);
            worker.start();
            try {
                return task.get(HANG_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                StackTraceElement[] at = worker.getStackTrace();
                worker.interrupt();
                return new Outcome(null, null, new IllegalStateException("hang: still reading after " + HANG_SECONDS
                        + " s, at " + java.util.Arrays.stream(at).limit(8).map(String::valueOf).toList()));
            } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
                return new Outcome(null, null, e);
            }
        }
    }

    private static final List<String> FOLDERS = List.of("src/test/resources/seeds", "src/test/resources/layouts",
            "src/test/resources/text", "src/test/resources/files", "src/test/resources/blind");

    private static List<Fixture> all;

    private FuzzFixtures() {
    }

    /** Every fixture, read once per JVM. */
    public static synchronized List<Fixture> all() {
        if (all == null) {
            List<Fixture> list = new ArrayList<>();
            for (String folder : FOLDERS) {
                try (Stream<Path> files = Files.list(Path.of(folder))) {
                    for (Path p : files.sorted().toList()) {
                        String n = p.getFileName().toString();
                        if (n.endsWith(".expected.tsv") || n.endsWith(".md")) {
                            continue;
                        }
                        byte[] bytes = Files.readAllBytes(p);
                        list.add(new Fixture(n, bytes, utf8(bytes), Outcome.of(n, bytes)));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            all = List.copyOf(list);
        }
        return all;
    }

    public static List<Fixture> text() {
        return all().stream().filter(Fixture::isText).toList();
    }

    public static List<Fixture> binary() {
        return all().stream().filter(f -> !f.isText()).toList();
    }

    /** The text of bytes that are strict UTF-8 (a BOM dropped), or null. */
    static String utf8(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            if (s.indexOf('\0') >= 0) {
                return null;
            }
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
