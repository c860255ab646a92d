package org.perfgraph.ingest.extract;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.perfgraph.ingest.DocumentReader;
import org.perfgraph.ingest.Extraction;
import org.perfgraph.ingest.ParsedDocument;

/**
 * Parse throughput and peak heap of the extractors, run by bench/parse.sh in a fresh JVM with a small heap (not a
 * test: it measures, it asserts nothing).
 *
 * <pre>
 *   ExtractBench make-xlsx FILE ROWS    a workbook of ROWS indicator rows (SXSSF, so making it is flat too)
 *   ExtractBench make-text FILE ROWS    the Zhuhai tab seed with ROWS more indicator rows
 *   ExtractBench make-none FILE ROWS    ROWS indicator rows with no separator (产出指标数量指标培训人次≥300人次), a
 *                                      label block and a header line every ten rows (LAYOUTS.md shape 5)
 *   ExtractBench extract FILE RUNS      Extractors.extract, RUNS times
 *   ExtractBench read FILE RUNS         DocumentReader.read (extract, layout, normalise), RUNS times
 * </pre>
 * Peak heap is the sum of the heap pools' peak usage since the run began (pools peak at different moments, so the
 * sum is an upper bound of the true peak).
 */
final class ExtractBench {

    private ExtractBench() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[1]);
        switch (args[0]) {
            case "make-xlsx" -> makeXlsx(file, Integer.parseInt(args[2]));
            case "make-text" -> makeText(file, Integer.parseInt(args[2]));
            case "make-none" -> makeNone(file, Integer.parseInt(args[2]));
            case "extract", "read" -> run(args[0], file, Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    /**
     * A sheet in the shape of the tab export's columns: title, unit row, header, then one row per indicator, ten per
     * project, with unit, project and amount merged down over the project's rows; amounts and values as formatted
     * numbers, shared strings as Excel writes them.
     */
    static void makeXlsx(Path file, int rows) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 1000, true, true)) {
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0%"));
            Sheet s = wb.createSheet("项目表");
            s.createRow(0).createCell(0).setCellValue("2024年度项目支出绩效目标表");
            s.addMergedRegion(new CellRangeAddress(0, 0, 0, 9));
            s.createRow(1).createCell(0).setCellValue("单位：万元");
            String[] header = {"预算单位", "项目名称", "金额", "年度目标", "一级指标", "二级指标", "三级指标", "实施周期指标值",
                    "年度指标值", "权重"};
            Row h = s.createRow(2);
            for (int c = 0; c < header.length; c++) {
                h.createCell(c).setCellValue(header[c]);
            }
            String[][] indicators = {{"产出指标", "数量指标", "培训人次"}, {"产出指标", "质量指标", "验收合格率"},
                    {"产出指标", "时效指标", "完成及时率"}, {"成本指标", "经济成本指标", "单位成本"},
                    {"效益指标", "社会效益指标", "受益人数"}, {"效益指标", "满意度指标", "群众满意度"}};
            for (int i = 0; i < rows; i++) {
                int r = 3 + i;
                Row row = s.createRow(r);
                int project = i / 10;
                if (i % 10 == 0) {
                    row.createCell(0).setCellValue(String.format("%06d-某县第%d单位", 301000 + project / 20, project / 20));
                    row.createCell(1).setCellValue("项目" + project + "经费");
                    row.createCell(2).setCellValue(10 + project % 500 * 0.5);
                    row.getCell(2).setCellStyle(money);
                    row.createCell(3).setCellValue("完成项目" + project + "的年度任务");
                    for (int c = 0; c < 4; c++) {
                        // unsafe: no overlap check against every earlier region (quadratic), these never overlap
                        s.addMergedRegionUnsafe(new CellRangeAddress(r, r + 9, c, c));
                    }
                }
                String[] ind = indicators[i % indicators.length];
                row.createCell(4).setCellValue(ind[0]);
                row.createCell(5).setCellValue(ind[1]);
                row.createCell(6).setCellValue(ind[2] + (i % 1000));
                if (i % 3 == 0) {
                    row.createCell(7).setCellValue(0.9);
                    row.getCell(7).setCellStyle(percent);
                    row.createCell(8).setCellValue(0.95);
                    row.getCell(8).setCellStyle(percent);
                } else {
                    row.createCell(7).setCellValue("≥" + (i % 500) + "人次");
                    row.createCell(8).setCellValue("≥" + (i % 100) + "人次");
                }
                row.createCell(9).setCellValue(10);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            wb.dispose();
        }
        System.out.printf("wrote %s: %,d indicator rows, %,d bytes%n", file, rows, Files.size(file));
    }

    static void makeText(Path file, int rows) throws IOException {
        byte[] seed;
        try (var in = ExtractBench.class.getClassLoader().getResourceAsStream("seeds/000_4081c7b18e37fcb4.txt")) {
            seed = in.readAllBytes();
        }
        StringBuilder text = new StringBuilder(new String(seed, StandardCharsets.UTF_8));
        for (int i = 0; i < rows; i++) {
            text.append("\n\t\t\t\t\t1-产出指标\t11-数量指标\t111").append(String.format("%06d", i % 1000))
                    .append("-指标").append(i).append("\t≥").append(i).append("(个)\t大于等于").append(i).append('%');
        }
        Files.writeString(file, text);
        System.out.printf("wrote %s: the Zhuhai seed plus %,d indicator rows, %,d bytes%n", file, rows,
                Files.size(file));
    }

    static void makeNone(Path file, int rows) throws IOException {
        String[][] indicators = {{"产出指标", "数量指标", "培训人次", "≥%d人次"}, {"", "质量指标", "验收合格率", "%d%%"},
                {"", "时效指标", "完成时间", "2025年%d月底前"}, {"成本指标", "经济成本指标", "单位成本", "≤%d元"},
                {"效益指标", "社会效益指标", "受益人数", "≥%d人"}, {"", "可持续影响指标", "长效机制", "健全"},
                {"满意度指标", "服务对象满意度指标", "群众满意度", "≥%d%%"}};
        StringBuilder text = new StringBuilder("某县2025年度项目支出绩效目标表\n填报单位：某县第一单位\n");
        for (int i = 0; i < rows; i++) {
            if (i % 10 == 0) {
                text.append("项目名称：项目").append(i / 10).append("经费\n项目资金总额：").append(10 + i / 10 % 90)
                        .append("万元\n一级指标二级指标三级指标指标值\n");
            }
            String[] ind = indicators[i % 10 % indicators.length];
            int n = ind[2].equals("完成时间") ? 1 + i % 12 : 1 + i % 100;
            // a group's L1 is printed once: a row of the same L1 starts at 二级
            String l1 = i % 10 == 0 && ind[0].isEmpty() ? "产出指标" : ind[0];
            text.append(l1).append(ind[1]).append(ind[2]).append(String.format(ind[3], n)).append('\n');
        }
        Files.writeString(file, text);
        System.out.printf("wrote %s: %,d indicator rows without separators, %,d bytes%n", file, rows, Files.size(file));
    }

    static void run(String mode, Path file, int runs) throws IOException {
        byte[] content = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.out.printf("%s %s (%,d bytes), max heap %d MiB, %d cores%n", mode, name, content.length,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        for (int run = 1; run <= runs; run++) {
            System.gc();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            int rows;
            if (mode.equals("read")) {
                ParsedDocument doc = new DocumentReader().read(name, content);
                rows = doc.targetCount();
            } else {
                Extraction x = Extractors.extract(name, content);
                rows = x.rowCount();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.out.printf("run %d: %,d rows in %.2f s = %,.0f rows/s, peak heap %d MiB%n", run, rows, seconds,
                    rows / seconds, peak >> 20);
        }
    }
}
