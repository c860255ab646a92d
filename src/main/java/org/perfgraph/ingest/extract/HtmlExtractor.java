package org.perfgraph.ingest.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeVisitor;
import org.perfgraph.ingest.Diagnostic;
import org.perfgraph.ingest.DiagnosticCode;
import org.perfgraph.ingest.Extraction;
import org.perfgraph.ingest.FileKind;
import org.perfgraph.ingest.ImportRejectedException;
import org.perfgraph.ingest.TableCell;

/**
 * An HTML page through jsoup: every innermost {@code <table>} holding content becomes a table "table N" with its
 * {@code rowspan}/{@code colspan} cells spread over the slots they cover; portal furniture (breadcrumbs, 索引号/发布机构
 * boxes, font-size widgets, print/close links, QR footers, menus) is left out. Label–value text before the first
 * table (项目名称：…, 单位：万元) is kept as a leading table "page" so that a layout can read the title and the money
 * unit; one cell per label–value pair, as written.
 */
final class HtmlExtractor {

    /** The HTML limits (colspan 1000, rowspan 65534) keep a hostile page's grid bounded. */
    private static final int MAX_COLSPAN = 1000;
    private static final int MAX_ROWSPAN = 65534;

    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)",
            Pattern.CASE_INSENSITIVE);

    /** Text of page furniture: publication boxes, breadcrumbs, widgets, footers. */
    private static final Pattern FURNITURE = Pattern.compile("索引号|发布机构|发布日期|发文机关|发文日期|成文日期|生成日期"
            + "|主题分类|信息来源|来源[：:]|浏览次数|访问次数|点击数|字号[：:]|【\\s*大\\s*中\\s*小\\s*】|[【\\[]\\s*打印"
            + "|打印本页|打印此页|关闭窗口|【\\s*关闭|扫一扫|二维码|分享到|当前位置|您现在的位置|您的位置|首页\\s*[>›»＞]"
            + "|网站地图|版权所有|ICP备|网站标识码|公网安备|主办单位|承办单位|技术支持|联系我们");
    /**
     * Words of a target table's headers and labels: a table with one of them is content even beside furniture. Not
     * the title's words (绩效目标, 项目支出): a publication box names the page's title too.
     */
    private static final Pattern CONTENT = Pattern.compile("指标|项目名称|预算数|预算金额|金额|资金");
    /** Labels of furniture boxes: such a "label：value" is not document metadata. */
    private static final Pattern FURNITURE_LABEL = Pattern.compile("索引号|发布机构|发布日期|发文机关|发文日期|成文日期"
            + "|生成日期|主题分类|分类|信息来源|来源|浏览次数|访问次数|点击数|字号|当前位置|您现在的位置|您的位置|位置|作者"
            + "|日期|时间|发布时间|更新时间|字体|文号|发文字号|主题词|编辑|责任编辑|有效性");
    private static final Pattern PAIR = Pattern.compile(
            "([\\p{IsHan}A-Za-z]{2,12}(?:[（(][^）)：:]{1,8}[）)])?)\\s*[：:]\\s*(.*?)"
                    + "(?=\\s+[\\p{IsHan}A-Za-z]{2,12}(?:[（(][^）)：:]{1,8}[）)])?\\s*[：:]|$)",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern TITLE = Pattern.compile("绩效.*(表|目标)|(目标|申报|批复|审批|自评)表");
    /** The words that tell a document's kind (自评表, 批复表, 整体支出 …), as the layout reads them from a title. */
    private static final Pattern KIND = Pattern.compile("申报|批复|审批|自评|整体支出");
    /** Where a page's {@code <title>} ends and the site's name begins. */
    private static final Pattern TITLE_PARTS = Pattern.compile("\\s*(?:[_|｜—–]|\\s-\\s)\\s*");

    private HtmlExtractor() {
    }

    static Extraction extract(String name, byte[] content) {
        ExtractionBuilder out = new ExtractionBuilder(name);
        Document doc = Jsoup.parse(decode(name, content, out));
        doc.select("script, style, noscript, template, iframe, object, svg").remove();
        List<Element> tables = new ArrayList<>();
        List<List<ExtractionBuilder.PlacedRow>> grids = new ArrayList<>();
        for (Element table : doc.select("table")) {
            if (table.getElementsByTag("table").size() > 1) {
                continue; // a layout table around others: its innermost tables are read instead
            }
            List<ExtractionBuilder.PlacedRow> grid = grid(table, tables.size() + 1);
            if (!grid.isEmpty()) {
                tables.add(table);
                grids.add(grid);
            }
        }
        if (tables.isEmpty()) {
            throw new ImportRejectedException(name, 0, "the page holds no table (no <table> with content besides"
                    + " page furniture); if the targets are in a linked file, import that file");
        }
        List<ExtractionBuilder.PlacedRow> page = pageRows(doc, tables.get(0), kindTitle(doc, tables.get(0)));
        if (!page.isEmpty()) {
            out.table("page", page);
        }
        for (int t = 0; t < tables.size(); t++) {
            out.table("table " + (t + 1), grids.get(t));
        }
        return out.build(FileKind.HTML);
    }

    /**
     * The page's text: a BOM, then the charset the page declares (GB2312 and GBK read as their superset GB18030),
     * then UTF-8 if the bytes are UTF-8, else GB18030 with a note.
     */
    static String decode(String name, byte[] content, ExtractionBuilder out) {
        if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF) {
            return new String(content, 3, content.length - 3, StandardCharsets.UTF_8);
        }
        if (content.length >= 2 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xFE) {
            return new String(content, 2, content.length - 2, StandardCharsets.UTF_16LE);
        }
        if (content.length >= 2 && (content[0] & 0xFF) == 0xFE && (content[1] & 0xFF) == 0xFF) {
            return new String(content, 2, content.length - 2, StandardCharsets.UTF_16BE);
        }
        String head = new String(content, 0, Math.min(content.length, 8192), StandardCharsets.ISO_8859_1);
        Matcher m = CHARSET.matcher(head);
        if (m.find()) {
            String declared = m.group(1).toLowerCase(Locale.ROOT);
            if (declared.startsWith("gb") || declared.equals("x-gbk") || declared.equals("cp936")) {
                return new String(content, Charset.forName("GB18030"));
            }
            try {
                return new String(content, Charset.forName(declared));
            } catch (IllegalArgumentException unknown) {
                // an unknown name: fall through to what the bytes say
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notUtf8) {
            out.note(0, null, Diagnostic.Severity.INFO, DiagnosticCode.ENCODING, "the page declares no charset and is"
                    + " not UTF-8; read as GB18030", "GB18030");
            return new String(content, Charset.forName("GB18030"));
        }
    }

    /**
     * The table's rows as grid slots: each cell takes the first free slot of its row, and a cell spanning rows or
     * columns marks the slots it covers (an occupied-slot matrix, as browsers lay tables out). Rows with no text of
     * their own and furniture rows are left out; a furniture or menu table gives no rows.
     */
    private static List<ExtractionBuilder.PlacedRow> grid(Element table, int number) {
        List<Element> trs = table.select("tr");
        List<List<TableCell>> slots = new ArrayList<>(trs.size());
        for (int r = 0; r < trs.size(); r++) {
            slots.add(new ArrayList<>());
        }
        boolean content = false;
        boolean furniture = false;
        boolean onlyLinks = true;
        for (int r = 0; r < trs.size(); r++) {
            List<TableCell> row = slots.get(r);
            int c = 0;
            for (Element cell : trs.get(r).children()) {
                if (!cell.nameIs("td") && !cell.nameIs("th")) {
                    continue;
                }
                while (c < row.size() && row.get(c) != null) {
                    c++;
                }
                String text = cellText(cell);
                int rowspan = span(cell.attr("rowspan"), MAX_ROWSPAN);
                if (rowspan == 0) {
                    rowspan = trs.size() - r; // rowspan="0": to the end of the table
                }
                rowspan = Math.min(rowspan, trs.size() - r);
                int colspan = Math.max(1, span(cell.attr("colspan"), MAX_COLSPAN));
                for (int dr = 0; dr < rowspan; dr++) {
                    List<TableCell> target = slots.get(r + dr);
                    for (int dc = 0; dc < colspan; dc++) {
                        int col = c + dc;
                        while (target.size() <= col) {
                            target.add(null);
                        }
                        if (target.get(col) == null) {
                            target.set(col, dr == 0 && dc == 0 ? TableCell.of(text)
                                    : text.isEmpty() ? TableCell.EMPTY : new TableCell(text, true));
                        }
                    }
                }
                c += colspan;
                if (!text.isEmpty()) {
                    content |= CONTENT.matcher(text).find();
                    furniture |= FURNITURE.matcher(text).find();
                    // compared without blanks: a <br> between two links breaks the cell text but not the links' text
                    onlyLinks &= withoutBlanks(text).equals(withoutBlanks(cell.select("a").text()));
                }
            }
        }
        if (!content && (furniture || onlyLinks)) {
            return List.of();
        }
        List<ExtractionBuilder.PlacedRow> rows = new ArrayList<>();
        for (int r = 0; r < slots.size(); r++) {
            List<TableCell> row = slots.get(r);
            int width = row.size();
            while (width > 0 && (row.get(width - 1) == null || row.get(width - 1).text().isEmpty())) {
                width--;
            }
            List<TableCell> cells = new ArrayList<>(width);
            boolean own = false;
            StringBuilder ownText = new StringBuilder();
            for (int c = 0; c < width; c++) {
                TableCell cell = row.get(c) == null ? TableCell.EMPTY : row.get(c);
                cells.add(cell);
                if (!cell.covered() && !cell.isBlank()) {
                    own = true;
                    ownText.append(cell.text()).append(' ');
                }
            }
            if (own && !isFurniture(ownText.toString())) {
                rows.add(new ExtractionBuilder.PlacedRow("table " + number + ", row " + (r + 1), cells));
            }
        }
        return rows;
    }

    private static boolean isFurniture(String text) {
        return FURNITURE.matcher(text).find() && !CONTENT.matcher(text).find();
    }

    private static int span(String attr, int max) {
        String digits = attr.strip();
        int end = 0;
        while (end < digits.length() && end < 6 && Character.isDigit(digits.charAt(end))) {
            end++;
        }
        if (end == 0) {
            return 1;
        }
        return Math.min(Integer.parseInt(digits.substring(0, end)), max);
    }

    /**
     * A cell's text as a browser shows it: whitespace in the markup (indentation, a newline in the source) is one
     * space, as {@link Element#text()} has it; a {@code <br>} or a block inside the cell ({@code <p>}, {@code <div>})
     * is a line break typed in the cell, and the lines join by {@link CellLines#join} as a Word or Excel cell's do
     * (项目<br>名称 reads 项目名称).
     */
    static String cellText(Element cell) {
        StringBuilder s = new StringBuilder();
        cell.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    String text = t.text();
                    if (!text.isEmpty() && text.charAt(0) == ' ' && !s.isEmpty() && s.charAt(s.length() - 1) == ' ') {
                        text = text.substring(1);
                    }
                    s.append(text);
                } else if (node != cell && node instanceof Element e && (e.nameIs("br") || e.isBlock())) {
                    s.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node != cell && node instanceof Element e && e.isBlock()) {
                    s.append('\n');
                }
            }
        });
        return ExtractionBuilder.cellText(s.toString());
    }

    private static String withoutBlanks(String s) {
        return s.replaceAll("\\s+", "");
    }

    /**
     * The label–value text before the first table, one row per line holding such pairs (plus a title line next to
     * them), or the first title line alone where there are no pairs; furniture labels (索引号, 发布日期, 当前位置 …)
     * do not count. The page's title naming the document's kind
     * ({@code kindTitle}) leads when no line before the table names it, pairs or not: a portal page often says
     * 自评表 or 整体支出 only in its {@code <title>} or heading, and the table itself not at all.
     */
    private static List<ExtractionBuilder.PlacedRow> pageRows(Document doc, Element firstTable, String kindTitle) {
        List<String> lines = textBefore(doc.body(), firstTable);
        List<ExtractionBuilder.PlacedRow> rows = new ArrayList<>();
        boolean pairs = false;
        Set<String> titles = new HashSet<>();
        for (String line : lines) {
            List<TableCell> cells = new ArrayList<>();
            Matcher m = PAIR.matcher(line);
            while (m.find()) {
                if (!m.group(2).isBlank() && !FURNITURE_LABEL.matcher(m.group(1)).matches()
                        && !FURNITURE.matcher(m.group()).find()) {
                    cells.add(TableCell.of(ExtractionBuilder.cellText(m.group())));
                }
            }
            if (!cells.isEmpty()) {
                pairs = true;
            } else if (isTitle(line) && titles.add(line)) {
                cells.add(TableCell.of(line));
            }
            if (!cells.isEmpty()) {
                rows.add(new ExtractionBuilder.PlacedRow("page text, row " + (rows.size() + 1), cells));
            }
        }
        if (!pairs && !rows.isEmpty()) {
            // no label–value text: the title alone leads (in a <p> or <div> as often as in a heading), for the
            // layout to read the unit and year from it as from a sheet's title row
            rows.subList(1, rows.size()).clear();
        }
        if (kindTitle != null && rows.stream().noneMatch(r -> r.cells().stream()
                .anyMatch(c -> KIND.matcher(c.text()).find()))) {
            rows.add(0, new ExtractionBuilder.PlacedRow("page title", List.of(TableCell.of(kindTitle))));
        }
        return rows;
    }

    /**
     * The first title naming a document kind: a heading ({@code h1}–{@code h3}) before the first table, else the
     * page's {@code <title>} without the site's name after it (…绩效自评表_某县人民政府); null where neither says it.
     */
    private static String kindTitle(Document doc, Element firstTable) {
        List<String> candidates = new ArrayList<>();
        for (Element h : doc.body().select("h1, h2, h3")) {
            if (precedes(h, firstTable)) {
                candidates.add(ExtractionBuilder.cellText(h.text()));
            }
        }
        for (String part : TITLE_PARTS.split(doc.title())) {
            candidates.add(ExtractionBuilder.cellText(part));
        }
        for (String c : candidates) {
            if (isTitle(c) && KIND.matcher(c).find()) {
                return c;
            }
        }
        return null;
    }

    /** Whether the element comes before the other in document order. */
    private static boolean precedes(Element a, Element b) {
        Elements all = a.ownerDocument().getAllElements();
        return all.indexOf(a) < all.indexOf(b);
    }

    /** A title line: names a target table, is not a sentence introducing one (…如下：), is not furniture. */
    private static boolean isTitle(String line) {
        return line.length() >= 6 && line.length() <= 80 && TITLE.matcher(line).find() && !line.endsWith("：")
                && !line.endsWith(":") && !FURNITURE.matcher(line).find();
    }

    /** The page's text lines in document order up to the element, a line break at every block element. */
    private static List<String> textBefore(Element body, Element stop) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        boolean[] stopped = {false};
        body.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (stopped[0]) {
                    return;
                }
                if (node == stop) {
                    flush();
                    stopped[0] = true;
                    return;
                }
                if (node instanceof TextNode t) {
                    line.append(t.text());
                } else if (node instanceof Element e && (e.isBlock() || e.nameIs("br") || e.nameIs("td")
                        || e.nameIs("th"))) {
                    flush();
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (!stopped[0] && node instanceof Element e && e.isBlock()) {
                    flush();
                }
            }

            private void flush() {
                String text = ExtractionBuilder.cellText(line.toString()).replaceAll("\\s{2,}", "  ");
                if (!text.isEmpty()) {
                    lines.add(text);
                }
                line.setLength(0);
            }
        });
        String rest = ExtractionBuilder.cellText(line.toString());
        if (!rest.isEmpty()) {
            lines.add(rest);
        }
        return lines;
    }
}
