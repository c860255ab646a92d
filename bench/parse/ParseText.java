import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.perfgraph.ingest.DocumentReader;
import org.perfgraph.ingest.ParsedDocument;
import org.perfgraph.ingest.extract.Extractors;

/**
 * Parse throughput of a text table: the tab seed followed by ROWS continuation rows (the shape of
 * LargeDocumentTest), read once through the whole reader (extract, interpret, normalise) and once through the
 * extractor alone. Prints rows/s and the peak heap of the run (heap pools' peak usage, after a GC reset).
 */
public class ParseText {
    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[1]);
        StringBuilder text = new StringBuilder(Files.readString(Path.of(args[0])));
        for (int i = 0; i < rows; i++) {
            text.append("\n\t\t\t\t\t1-产出指标\t11-数量指标\t111").append(String.format("%06d", i % 1000))
                    .append("-指标").append(i).append("\t≥").append(i).append("(个)\t大于等于").append(i).append('%');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        text = null;
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long t0 = System.nanoTime();
        int extracted = Extractors.extract("bench.txt", bytes).rowCount();
        long t1 = System.nanoTime();
        ParsedDocument doc = new DocumentReader().read("bench.txt", bytes);
        long t2 = System.nanoTime();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("document: %d rows, %.1f MB UTF-8, -Xmx%d MB%n", extracted, bytes.length / 1e6,
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("extract only: %.0f rows/s (%.2f s)%n", extracted / ((t1 - t0) / 1e9), (t1 - t0) / 1e9);
        System.out.printf("whole reader: %d targets, %.0f rows/s (%.2f s)%n", doc.targetCount(),
                doc.targetCount() / ((t2 - t1) / 1e9), (t2 - t1) / 1e9);
        System.out.printf("peak heap (sum of heap pools' peaks, cold JVM, one run each): %d MB%n", peak >> 20);
    }
}
