package org.perfgraph.corpus;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a corpus of documents totalling a given number of targets. Every document is one unit of one region
 * (as both seeds are); projects carry 5-25 targets; indicators come from a library of coded indicators whose
 * popularity follows a Zipf law (s = 1.1), so a few are reused everywhere, as 长效管理机制健全性 is in the seeds.
 */
public final class CorpusGenerator {

    /** Output layouts. CSV is the tab export's columns, comma-separated with RFC 4180 quoting. */
    public enum Format { TAB, FORM, CSV }

    /** What to write. */
    public record Options(long targets, Format format, long seed, Path out, int targetsPerDocument, int years) {

        /** One year per unit (2024). */
        public Options(long targets, Format format, long seed, Path out, int targetsPerDocument) {
            this(targets, format, seed, out, targetsPerDocument, 1);
        }
    }

    /** The last year written; with {@code years} = N a unit's documents are the N years up to it. */
    static final int LAST_YEAR = 2024;

    /** What was written. */
    public record Summary(int documents, long projects, long targets, long texts, List<Path> files) {
    }

    private static final String[] REGIONS = {"珠海高新技术产业开发区", "上海市闵行区", "广州市天河区", "深圳市南山区", "杭州市西湖区",
            "成都市武侯区", "武汉市洪山区", "南京市鼓楼区", "西安市雁塔区", "苏州工业园区", "青岛市崂山区", "厦门市思明区"};
    private static final String[] UNITS = {"投资促进中心", "财政局", "教育局", "卫生健康局", "交通运输局", "文化广电旅游局",
            "生态环境局", "人力资源和社会保障局", "科技创新局", "市场监督管理局", "民政局", "住房和城乡建设局"};
    private static final String[] TOPICS = {"招商引资", "展厅运营", "法律服务", "项目评估", "宣传推广", "系统运维", "培训竞赛",
            "政策扶持", "场馆管理", "信息化建设", "公共服务", "安全生产", "环境整治", "人才引进", "社区服务", "课题研究"};
    private static final String[] PROJECT_SUFFIX = {"工作经费", "专项资金", "运营经费", "服务经费", "更新经费", "补贴"};
    private static final String[] OBJECTS = {"企业", "项目", "培训", "宣传", "资金", "设备", "服务", "系统", "活动", "展厅",
            "合同", "场地", "人员", "课题", "平台", "资料", "政策", "会议", "专家", "档案"};

    /** L1 / L2 (with the tab export's codes) and the measure words their indicators use; weights follow the seeds. */
    private record Category(String l1, int l1Code, String l2, int l2Code, String[] measures, int weight) {
    }

    private static final Category[] CATEGORIES = {
            new Category("产出指标", 1, "数量指标", 11, new String[] {"数量", "次数", "完成数", "人数", "覆盖数"}, 30),
            new Category("产出指标", 1, "质量指标", 12, new String[] {"合格率", "达标率", "验收通过率", "达标性"}, 20),
            new Category("产出指标", 1, "时效指标", 13, new String[] {"及时率", "完成及时性", "按时完成率"}, 14),
            new Category("成本指标", 4, "经济成本指标", 41, new String[] {"成本控制率", "费用符合度"}, 6),
            new Category("效益指标", 2, "经济效益指标", 21, new String[] {"落地数量", "增长率"}, 5),
            new Category("效益指标", 2, "社会效益指标", 22, new String[] {"知晓率", "应用率", "影响力", "发生数"}, 12),
            new Category("效益指标", 2, "可持续影响指标", 24, new String[] {"长效机制健全性", "持续发挥作用"}, 5),
            new Category("满意度指标", 3, "服务对象满意度指标", 31, new String[] {"满意度"}, 8)};

    private record Indicator(String code, String name, Category category) {
    }

    private final Options options;
    private final SplittableRandom random;
    private final List<Indicator> library = new ArrayList<>();
    private final double[] zipfCdf;
    private final List<String> templates = new ArrayList<>();

    public CorpusGenerator(Options options) {
        this.options = options;
        this.random = new SplittableRandom(options.seed());
        int librarySize = (int) Math.max(200, Math.min(20_000, options.targets() / 50));
        int totalWeight = 0;
        for (Category c : CATEGORIES) {
            totalWeight += c.weight();
        }
        int serial = 1000;
        for (int i = 0; i < librarySize; i++) {
            int pick = random.nextInt(totalWeight);
            Category category = CATEGORIES[0];
            for (Category c : CATEGORIES) {
                if (pick < c.weight()) {
                    category = c;
                    break;
                }
                pick -= c.weight();
            }
            String name = OBJECTS[random.nextInt(OBJECTS.length)] + TOPICS[random.nextInt(TOPICS.length)].substring(0, 2)
                    + category.measures()[random.nextInt(category.measures().length)];
            String code = String.format(Locale.ROOT, "%d%02d%06d", category.l1Code(), category.l2Code() % 100, serial++);
            library.add(new Indicator(code, name, category));
        }
        // Two boilerplate indicators every project files, as the seeds' forms do.
        library.set(0, new Indicator("224000001", "长效管理机制健全性", CATEGORIES[6]));
        library.set(1, new Indicator("441000002", "项目成本控制率", CATEGORIES[3]));
        zipfCdf = new double[librarySize];
        double sum = 0;
        for (int i = 0; i < librarySize; i++) {
            sum += 1.0 / Math.pow(i + 1, 1.1);
            zipfCdf[i] = sum;
        }
        for (int i = 0; i < librarySize; i++) {
            zipfCdf[i] /= sum;
        }
        for (int i = 0; i < 40; i++) {
            String topic = TOPICS[i % TOPICS.length];
            templates.add("为了更好地完成年度" + topic + "工作目标，预计开展" + topic + "相关工作，工作内容包括"
                    + OBJECTS[i % OBJECTS.length] + "管理、" + OBJECTS[(i + 3) % OBJECTS.length] + "服务等，预计达到提升"
                    + topic + "水平的目的。");
        }
    }

    public Summary generate() throws IOException {
        Files.createDirectories(options.out());
        long remaining = options.targets();
        int documents = 0;
        long projects = 0;
        long texts = 0;
        List<Path> files = new ArrayList<>();
        int years = Math.max(1, options.years());
        DocumentPlan previous = null;
        while (remaining > 0) {
            long size = Math.min(remaining, options.targetsPerDocument());
            // with several years, consecutive documents are one unit's years: the later ones evolve the first
            int unitIndex = documents / years;
            int yearIndex = documents % years;
            int year = LAST_YEAR - (years - 1) + yearIndex;
            String region = REGIONS[unitIndex % REGIONS.length];
            String unit = UNITS[(unitIndex / REGIONS.length) % UNITS.length];
            String suffix = unitIndex >= REGIONS.length * UNITS.length ? "" + (unitIndex / (REGIONS.length * UNITS.length)) : "";
            String unitName = unit + suffix;
            String unitCode = String.format(Locale.ROOT, "%06d", 100000 + unitIndex);
            String ext = options.format() == Format.CSV ? "csv" : "txt";
            Path file = options.out().resolve(String.format(Locale.ROOT, "gen_%s_%05d.%s",
                    options.format().name().toLowerCase(Locale.ROOT), documents, ext));
            DocumentPlan plan = yearIndex == 0 || previous == null ? plan(size) : evolve(previous);
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                switch (options.format()) {
                    case TAB -> writeTab(w, region, unitCode, unitName, plan, '\t', year);
                    case CSV -> writeTab(w, region, unitCode, unitName, plan, ',', year);
                    case FORM -> writeForms(w, region, unitName, plan, year);
                }
            }
            files.add(file);
            documents++;
            projects += plan.projects.size();
            texts += plan.projects.size() * 2L;
            long written = plan.projects.stream().mapToLong(p -> p.rows.size()).sum();
            remaining -= Math.max(1, Math.min(remaining, written));
            previous = plan;
        }
        return new Summary(documents, projects, options.targets(), texts, files);
    }

    private record Row(Indicator indicator, String value) {
    }

    private record PlannedProject(String name, long amountFen, String overall, String annual, List<Row> rows) {
        PlannedProject renamed(String newName) {
            return new PlannedProject(newName, amountFen, overall, annual, rows);
        }
    }

    private record DocumentPlan(List<PlannedProject> projects) {
    }

    private DocumentPlan plan(long targets) {
        List<PlannedProject> projects = new ArrayList<>();
        long left = targets;
        int n = 0;
        while (left > 0) {
            int size = (int) Math.min(left, 5 + random.nextInt(21));
            if (left - size > 0 && left - size < 5) {
                size = (int) left;
            }
            String topic = TOPICS[random.nextInt(TOPICS.length)];
            String name = topic + PROJECT_SUFFIX[random.nextInt(PROJECT_SUFFIX.length)] + (n++);
            long amountFen = (long) Math.exp(9 + random.nextDouble() * 8) * 100;
            String overall = goal();
            String annual = goal();
            List<Row> rows = new ArrayList<>(size);
            rows.add(new Row(library.get(0), "健全"));
            if (size > 1) {
                rows.add(new Row(library.get(1), "≤" + (amountFen / 1_000_000) + ".00(万元)"));
            }
            java.util.Set<String> used = new java.util.HashSet<>();
            used.add(library.get(0).code());
            used.add(library.get(1).code());
            while (rows.size() < size) {
                Indicator indicator = library.get(zipf());
                // Real documents rarely file one indicator twice in a project (the seed has two such rows in 214).
                if (used.add(indicator.code()) || random.nextInt(100) == 0) {
                    rows.add(new Row(indicator, value(indicator)));
                }
            }
            // Documents list a project's rows grouped by category, 产出 first, as the seeds do.
            rows.sort(java.util.Comparator.comparingInt(r -> java.util.Arrays.asList(CATEGORIES).indexOf(r.indicator().category())));
            projects.add(new PlannedProject(name, amountFen, overall, annual, rows));
            left -= size;
        }
        return new DocumentPlan(projects);
    }

    /**
     * The next year of a unit's plan: most projects again under the same name (one in twenty dropped, as many new),
     * most targets carried over unchanged, about one in ten with its number raised or lowered, one in twenty
     * dropped and as many added, and one goal text in four edited.
     */
    private DocumentPlan evolve(DocumentPlan before) {
        List<PlannedProject> projects = new ArrayList<>();
        for (PlannedProject p : before.projects) {
            if (random.nextInt(20) == 0) {
                projects.add(plan(p.rows.size()).projects.get(0).renamed("新增" + p.name));
                continue;
            }
            List<Row> rows = new ArrayList<>();
            for (Row r : p.rows) {
                int roll = random.nextInt(100);
                if (roll < 5 && rows.size() > 1) {
                    continue;
                }
                rows.add(roll < 15 ? new Row(r.indicator, shifted(r.value)) : r);
                if (roll >= 95) {
                    Indicator added = library.get(zipf());
                    rows.add(new Row(added, value(added)));
                }
            }
            String annual = random.nextInt(4) == 0 ? p.annual.replaceFirst("[0-9]+", String.valueOf(1 + random.nextInt(99))) + "（续）" : p.annual;
            projects.add(new PlannedProject(p.name, p.amountFen, p.overall, annual, rows));
        }
        return new DocumentPlan(projects);
    }

    /** The value with its first number one step higher or lower (a target raised or lowered). */
    private String shifted(String value) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[0-9]+").matcher(value);
        if (!m.find()) {
            return value;
        }
        long x = Long.parseLong(m.group());
        long y = random.nextBoolean() ? x + 1 + random.nextInt(5) : Math.max(0, x - 1 - random.nextInt(5));
        return value.substring(0, m.start()) + y + value.substring(m.end());
    }

    /** A goal text: a third verbatim template copies, a third templates with small edits, a third unique. */
    private String goal() {
        String template = templates.get(random.nextInt(templates.size()));
        return switch (random.nextInt(3)) {
            case 0 -> template;
            // The seed export writes ", " between clauses: CSV output must quote those cells.
            case 1 -> template.replace("预计", "计划").replace("年度", (2024 + random.nextInt(2)) + "年度").replace("，", ", ");
            default -> "围绕" + OBJECTS[random.nextInt(OBJECTS.length)] + TOPICS[random.nextInt(TOPICS.length)] + "开展第"
                    + random.nextInt(1_000_000) + "号专项工作，完成" + (1 + random.nextInt(500)) + "项任务，服务"
                    + OBJECTS[random.nextInt(OBJECTS.length)] + (1 + random.nextInt(9999)) + "家次。";
        };
    }

    private int zipf() {
        double u = random.nextDouble();
        int lo = 0;
        int hi = zipfCdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (zipfCdf[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** A value in one of the written forms of its category. */
    private String value(Indicator indicator) {
        String measure = indicator.name();
        boolean form = options.format() == Format.FORM;
        if (measure.endsWith("率") || measure.endsWith("满意度") || measure.endsWith("符合度")) {
            int pct = 80 + random.nextInt(21);
            return switch (random.nextInt(form ? 4 : 3)) {
                case 0 -> "≥" + pct + "%";
                case 1 -> "大于等于" + pct + "%";
                case 2 -> form ? "≥" + pct + ".00(%)" : pct + "%";
                default -> "$\\geq " + pct + ".00\\%$";
            };
        }
        if (measure.endsWith("及时性")) {
            return switch (random.nextInt(3)) {
                case 0 -> "及时";
                case 1 -> "2024年" + (6 + random.nextInt(7)) + "月底前完成";
                default -> "每月一次";
            };
        }
        if (measure.endsWith("性") || measure.endsWith("作用") || measure.endsWith("影响力")) {
            String[] words = {"达标", "健全", "合规", "提升", "增强", "有效"};
            return words[random.nextInt(words.length)];
        }
        int count = 1 + random.nextInt(200);
        String[] units = {"次", "个", "人", "家", "项", "场"};
        String unit = units[random.nextInt(units.length)];
        return switch (random.nextInt(form ? 3 : 4)) {
            case 0 -> "≥" + count + unit;
            case 1 -> form ? "=" + count + ".00(" + unit + ")" : "大于等于" + count;
            case 2 -> ">" + count;
            default -> String.valueOf(count);
        };
    }

    private static String yuan(long fen) {
        return fen % 100 == 0 ? String.valueOf(fen / 100) : String.format(Locale.ROOT, "%d.%02d", fen / 100, fen % 100);
    }

    private void writeTab(BufferedWriter w, String region, String unitCode, String unitName, DocumentPlan plan, char sep,
                          int year) throws IOException {
        w.write("\n\n" + region + unitName + year + "年度重点绩效管理项目绩效目标\n\n");
        line(w, sep, "预算单位", "项目名称", "金额（元）", year + "年度总体绩效目标", year + "年度绩效目标", "一级指标", "二级指标",
                "三级指标", "实施周期指标值", "年度指标值");
        for (PlannedProject p : plan.projects) {
            for (int i = 0; i < p.rows.size(); i++) {
                Row r = p.rows.get(i);
                Category c = r.indicator.category();
                boolean header = i % 4 == 0; // the export repeats the header every 4 rows, as in the seed
                line(w, sep,
                        header ? unitCode + "-" + unitName : "", header ? p.name : "", header ? yuan(p.amountFen) : "",
                        header ? p.overall : "", header ? p.annual : "",
                        c.l1Code() + "-" + c.l1(), c.l2Code() + "-" + c.l2(), r.indicator.code() + "-" + r.indicator.name(),
                        r.value, r.value);
            }
        }
    }

    private static void line(BufferedWriter w, char sep, String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                w.write(sep);
            }
            String cell = cells[i];
            if (sep == ',' && (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0)) {
                cell = '"' + cell.replace("\"", "\"\"") + '"';
            }
            w.write(cell);
        }
        w.write('\n');
    }

    private void writeForms(BufferedWriter w, String region, String unitName, DocumentPlan plan, int year) throws IOException {
        w.write("\n\n" + region + unitName + year + "年度项目绩效目标汇总表\n\n");
        for (PlannedProject p : plan.projects) {
            String amount = String.format(Locale.ROOT, "%,d.%02d", p.amountFen / 100, p.amountFen % 100);
            w.write("财政项目支出绩效目标申报表\n\n(" + year + "年度)\n\n");
            w.write("项目名称\t" + p.name + "\t项目性质\t经常性项目\t项目类别\t特定目标类\n");
            w.write("主管部门\t" + region + unitName + "(汇总)\t实施单位\t" + region + unitName + "\t\t\n");
            w.write("计划开始日期\t" + year + "-01-01\t计划完成日期\t" + year + "-12-31\t\t\n");
            w.write("项目资金 (元)\t项目资金总额\t" + amount + "\t年度资金申请总额\t" + amount + "\t\n");
            w.write("\t其中：财政资金\t" + amount + "\t其中：当年财政拨款\t" + amount + "\t\n");
            w.write("\t\t\t上年结转资金\t0.00\t\n");
            w.write("\t其他资金\t0.00\t其他资金\t0.00\t\n");
            w.write("项目 绩效 目标\t项目总目标\t\t年度总体目标\t\t\n");
            w.write("\t" + p.overall + "\t\t" + p.annual + "\t\t\n");
            w.write("\t一级指标\t二级指标\t三级指标\t年度(/项目)指标值\t\n");
            String lastL1 = null;
            String lastL2 = null;
            boolean first = true;
            for (Row r : p.rows) {
                Category c = r.indicator.category();
                String l1 = c.l1().equals(lastL1) ? "" : c.l1();
                String l2 = c.l2().equals(lastL2) && l1.isEmpty() ? "" : c.l2();
                w.write((first ? "绩效 指标" : "") + "\t" + l1 + "\t" + l2 + "\t" + r.indicator.name() + "\t" + r.value + "\t\n");
                lastL1 = c.l1();
                lastL2 = c.l2();
                first = false;
            }
            w.write("\n");
        }
    }
}
