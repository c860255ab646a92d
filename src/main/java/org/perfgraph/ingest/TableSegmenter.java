package org.perfgraph.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.perfgraph.ingest.HeaderVocabulary.Field;

/**
 * Rebuilds the cells of text whose separators do not tell them: a whole table on one line after Word document
 * properties, cells run together with no separator at all ({@code 产出指标数量指标维修校舍面积≥500平方米}),
 * space-separated rows, and one cell per line without the pipes that close a row. Works between extraction and the
 * layouts, on text tables delimited {@link Table.Delimiting#SPACE SPACE} or {@link Table.Delimiting#NONE NONE}, in
 * three steps:
 * <ol>
 * <li><b>Tokens.</b> Each line is split at its blanks; where text has no separators, each piece is cut where the
 * vocabulary shows a border: header words run together (一级指标二级指标三级指标指标值), category names ending in
 * 指标 at its start, and its value at its end, told by shape (a comparator, a number with its measure word, a
 * deadline, the qualitative words 及时/合格/有效 …).</li>
 * <li><b>Regions.</b> A run of header words naming an indicator and a value column is a header; the tokens after
 * it are the table's data up to the next header, the next label block (预算部门 X, 项目名称：Y) or page furniture.
 * Tokens outside the data stay rows as they were, a label block starting its own row.</li>
 * <li><b>Rows.</b> The data tokens are cut into rows and placed in the header's columns by a dynamic programme
 * over tokens × columns: each token scores by how well its shape fits a column; within a row the columns rise;
 * a row lacking its indicator or value costs; a new row starts where the columns fall back (merged cells carried
 * down: a row may start at 二级 or at the indicator). Where the lines hold several tokens each, a line is a row
 * unless the tokens say otherwise.</li>
 * </ol>
 * The rebuilt table is delimited {@link Table.Delimiting#REBUILT REBUILT}: its data rows stand in the header's
 * columns. A row read with a guess (a value cut off by a qualitative word alone, tokens joined into one cell, a
 * cell that fits its column poorly, a row without its value) carries a {@code CELLS_REALIGNED} warning. Linear in
 * the number of tokens (times the header's width squared).
 */
final class TableSegmenter {

    /** What a token looks like, for placing it in a column. */
    enum Look { L1, L2, L1_OR_L2, COMPARATOR, UNIT_WORD, NUMBER, MONEY, VALUE, CODE_NAME, SENTENCE, TEXT }

    /** How a token came out of its piece: as written, or cut off by the vocabulary or by a value's shape. */
    enum Cut { WHOLE, HEADER, CATEGORY, ANCHORED, QUALITATIVE }

    /** One cell candidate. */
    record Token(String text, int line, int row, Cut cut, Look look) {
    }

    private static final Pattern POINTS = Pattern.compile("[(（]\\d+(?:\\.\\d+)?分[)）]");
    private static final String COMPARATOR_SYMBOLS = "≥≤><=≧≦";
    private static final List<String> COMPARATOR_WORDS = List.of("大于或等于", "小于或等于", "大于等于", "小于等于",
            "不低于", "不少于", "不小于", "不超过", "不高于", "不大于", "不多于");
    private static final Pattern NUMBER_SUFFIX = Pattern.compile("^\\d[\\d,，]*(?:\\.\\d+)?\\s*(.*)$");
    private static final Pattern CODE_NAME = Pattern.compile("^\\d{3,}\\s*[-－—]\\s*\\D.*$");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("^\\d{1,4}(?:\\.\\d+)?%?$");
    private static final Pattern MONEY = Pattern.compile("^(?:\\d{1,3}(?:,\\d{3})+|\\d{5,})(?:\\.\\d+)?$");
    private static final Pattern LABEL_PAIR = Pattern.compile("^([^\\d：:]{2,12})[：:](.*)$");
    private static final Pattern FURNITURE = Pattern.compile(
            "^【.*】$|打印|关闭|扫一扫|分享到|上一篇|下一篇|返回顶部|版权所有|网站地图|字体[:：]|字号");
    private static final Pattern BLANKS = Pattern.compile("[\\s\u3000]+");
    private static final Pattern ORGANISATION = Pattern.compile(
            "(?:局|委|办|院|站|馆|所|队|处|室|会|社|中心|政府|办事处|委员会|学校|小学|中学|医院|公司|集团)$");
    private static final String SENTENCE_MARKS = "。，；,;";
    /** Shortest text that reads as a sentence (a goal, a scoring rule) rather than a name. */
    private static final int SENTENCE_LENGTH = 24;
    private static final int MAX_HEADER_PIECE = 120;
    /**
     * How indicator names end: the measure a name counts or rates (…率, …满意度, …数量, …时间, …成本, …面积, …机制,
     * a bracketed unit). Most of the names in the fixtures end so; the heads of names broken inside their cells
     * (建制村通客车覆盖 / 率, 沿线群众满意 / 度) do not.
     */
    private static final String INDICATOR_ENDINGS = "率度数量次间限本积性额程况值比例制准平标)）%％";

    /** Scores of the row structure. */
    private static final int MISSING = 8;
    private static final int DROP = 4;
    private static final int JOIN = 2;
    private static final int LINE_BREAK = 6;
    private static final int UNCARRIED = 3;
    private static final int SKIPPED_GROUP = 2;

    private TableSegmenter() {
    }

    /** The extraction with its SPACE and NONE text tables rebuilt; unchanged where nothing needs rebuilding. */
    static Extraction segment(Extraction extraction, ImportOptions options) {
        if (extraction.fileKind() != FileKind.TEXT) {
            return extraction;
        }
        List<Table> tables = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>(extraction.diagnostics());
        boolean changed = false;
        for (Table t : extraction.tables()) {
            Table rebuilt = null;
            if (t.delimiting() == Table.Delimiting.SPACE || t.delimiting() == Table.Delimiting.NONE) {
                rebuilt = new Segmentation(t, options, diagnostics).run();
            }
            changed |= rebuilt != null;
            tables.add(rebuilt != null ? rebuilt : t);
        }
        return changed ? new Extraction(extraction.fileKind(), tables, extraction.sourceLines(), diagnostics,
                extraction.truncated()) : extraction;
    }

    // ------------------------------------------------------------------------------------------ tokens

    /**
     * The pieces of a piece of text with no separators, cut where the vocabulary or a value's shape shows a border.
     *
     * @param full true where the line has no blanks at all, so that a value may also be cut off by its number,
     *             deadline or qualitative word; else only header words, category names and a comparator cut
     */
    /** Longest piece that is cut into cells; a whole form copied onto one line with no blanks stays well under it. */
    static final int MAX_CUT_LENGTH = 4000;

    static List<String> cut(String piece, boolean full, List<Cut> cuts) {
        List<String> out = new ArrayList<>();
        List<String> header = headerWords(piece);
        if (header != null) {
            for (String h : header) {
                out.add(h);
                cuts.add(Cut.HEADER);
            }
            return out;
        }
        // a piece longer than any run of cells is text of one cell (a pasted 1 MB cell): cutting it would try a
        // value at every character, which is quadratic in its length
        if (piece.length() > MAX_CUT_LENGTH || LABEL_PAIR.matcher(piece).matches() || piece.length() < 3) {
            out.add(piece);
            cuts.add(Cut.WHOLE);
            return out;
        }
        String rest = piece;
        for (int level = 0; level < 2; level++) {
            String category = categoryPrefix(rest);
            if (category == null) {
                break;
            }
            out.add(category);
            cuts.add(Cut.CATEGORY);
            rest = rest.substring(category.length());
        }
        if (!rest.isEmpty()) {
            int at = valueStart(rest, full);
            Cut how = Cut.ANCHORED;
            if (at < 0 && full) {
                at = qualitativeStart(rest);
                how = Cut.QUALITATIVE;
            }
            if (at > 0 && namesSomething(rest.substring(0, at))) {
                out.add(rest.substring(0, at));
                cuts.add(out.size() == 1 ? Cut.WHOLE : Cut.CATEGORY);
                out.add(rest.substring(at));
                cuts.add(how);
            } else {
                out.add(rest);
                cuts.add(out.size() == 1 ? Cut.WHOLE : Cut.CATEGORY);
            }
        }
        return out;
    }

    /**
     * The header words a piece is made of, all of it (一级指标二级指标三级指标指标值), with at least one of the
     * indicator part; null where it is not made of them. The finest cut wins (三级指标|指标值, not 三级|指标指标值).
     */
    static List<String> headerWords(String piece) {
        int n = piece.length();
        if (n < 4 || n > MAX_HEADER_PIECE || !(piece.contains("指标") || piece.contains("名称") || piece.contains("目标")
                || piece.contains("单位") || piece.contains("预算") || piece.contains("金额"))) {
            return null;
        }
        int[] words = new int[n + 1];
        int[] from = new int[n + 1];
        java.util.Arrays.fill(words, -1);
        words[0] = 0;
        for (int i = 0; i < n; i++) {
            if (words[i] < 0) {
                continue;
            }
            for (int j = Math.min(n, i + 14); j >= i + 2; j--) {
                if (words[i] + 1 > words[j] && HeaderVocabulary.match(piece.substring(i, j)) != null) {
                    words[j] = words[i] + 1;
                    from[j] = i;
                }
            }
        }
        if (words[n] < 2) {
            return null;
        }
        List<String> out = new ArrayList<>();
        boolean indicatorPart = false;
        for (int j = n; j > 0; j = from[j]) {
            String word = piece.substring(from[j], j);
            out.add(0, word);
            indicatorPart |= switch (HeaderVocabulary.match(word).field()) {
                case LEVEL1, LEVEL2, INDICATOR, VALUE, PERIOD_VALUE, COMPARATOR, MEASURE_UNIT, WEIGHT -> true;
                default -> false;
            };
        }
        return indicatorPart ? out : null;
    }

    /**
     * The longest category name ending in 指标 that starts the text and leaves something after it, with the points an
     * L1 may carry (产出指标(50分)); null where the text starts with none.
     */
    private static String categoryPrefix(String text) {
        for (int end = text.length() - 1; end >= 4; end--) {
            if (text.startsWith("指标", end - 2)) {
                String p = text.substring(0, end);
                if (p.indexOf('(') < 0 && p.indexOf('（') < 0
                        && CategoryVocabulary.canonical(HeaderVocabulary.simplified(p)).isPresent()) {
                    var points = POINTS.matcher(text.substring(end));
                    return points.lookingAt() && points.end() < text.length() - end
                            ? text.substring(0, end + points.end()) : p;
                }
            }
        }
        return null;
    }

    /**
     * Where the value at the end of an indicator begins: at a comparator whose tail reads as a value; where the text
     * has no separators, also at a deadline or at the number of a trailing number and measure word. -1 if nowhere.
     */
    private static int valueStart(String text, boolean full) {
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean symbol = COMPARATOR_SYMBOLS.indexOf(c) >= 0 && COMPARATOR_SYMBOLS.indexOf(text.charAt(i - 1)) < 0;
            final int at = i;
            boolean word = full && COMPARATOR_WORDS.stream().anyMatch(w -> text.startsWith(w, at));
            if ((symbol || word) && readsAsValue(text.substring(i))) {
                return i;
            }
        }
        if (!full) {
            return -1;
        }
        for (int i = 1; i < text.length(); i++) {
            if (isDigit(text.charAt(i)) && !isDigit(text.charAt(i - 1))
                    && ValueNormalizer.parse(text.substring(i), null).kind() == ValueKind.DEADLINE) {
                return i;
            }
        }
        int i = text.length();
        while (i > 0 && !isDigit(text.charAt(i - 1))) {
            i--;
        }
        while (i > 0 && (isDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '.' || text.charAt(i - 1) == ',')) {
            i--;
        }
        if (i <= 0 || i >= text.length() || !isDigit(text.charAt(i))) {
            return -1;
        }
        var m = NUMBER_SUFFIX.matcher(text.substring(i));
        if (!m.matches()) {
            return -1;
        }
        String unit = m.group(1);
        for (String suffix : List.of("及以上", "以上", "及以下", "以下", "以内")) {
            if (unit.endsWith(suffix)) {
                unit = unit.substring(0, unit.length() - suffix.length());
            }
        }
        return unit.isEmpty() || ValueNormalizer.isUnitWord(unit) ? i : -1;
    }

    /** Text before a value that can be an indicator: not a comparator, a digit or punctuation alone. */
    private static boolean namesSomething(String prefix) {
        return prefix.codePoints().anyMatch(Character::isLetter) && ValueNormalizer.comparatorOf(prefix) == null;
    }

    private static boolean readsAsValue(String s) {
        return ValueNormalizer.hasDigit(s) && ValueNormalizer.parse(s, null).kind() != ValueKind.TEXT;
    }

    /** Where a trailing qualitative value (明显改善, 及时, 合格, 有效) begins, leaving two characters or more. */
    private static int qualitativeStart(String text) {
        for (int i = 2; i < text.length(); i++) {
            if (ValueNormalizer.parse(text.substring(i), null).kind() == ValueKind.QUALITATIVE) {
                return i;
            }
        }
        return -1;
    }

    /** Whether a name ends the way indicator names end ({@link #INDICATOR_ENDINGS}). */
    static boolean endsLikeAnIndicator(String name) {
        String n = name.strip();
        return !n.isEmpty() && INDICATOR_ENDINGS.indexOf(n.charAt(n.length() - 1)) >= 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** What a token looks like. */
    static Look look(String text) {
        String compact = ValueNormalizer.compact(text);
        String simple = HeaderVocabulary.simplified(compact);
        String bare = simple.replaceAll("[(（]\\d+(?:\\.\\d+)?分[)）]$", "");
        boolean l1 = CategoryVocabulary.isL1(bare);
        boolean l2 = CategoryVocabulary.isL2(simple);
        if (l1 || l2) {
            return l1 && l2 ? Look.L1_OR_L2 : l1 ? Look.L1 : Look.L2;
        }
        if (ValueNormalizer.comparatorOf(compact) != null) {
            return Look.COMPARATOR;
        }
        if (ValueNormalizer.isUnitWord(compact)) {
            return Look.UNIT_WORD;
        }
        if (MONEY.matcher(compact).matches()) {
            return Look.MONEY;
        }
        if (PLAIN_NUMBER.matcher(compact).matches() && !compact.endsWith("%")) {
            return Look.NUMBER;
        }
        if (CODE_NAME.matcher(compact).matches()) {
            return Look.CODE_NAME;
        }
        if (!compact.isEmpty() && COMPARATOR_SYMBOLS.indexOf(compact.charAt(0)) >= 0 && ValueNormalizer.hasDigit(compact)
                && compact.length() <= 20) {
            return Look.VALUE; // ≥38万头（只）: a comparator and a number, whatever the normaliser makes of the rest
        }
        if (compact.length() >= SENTENCE_LENGTH || (compact.length() > 8
                && SENTENCE_MARKS.indexOf(compact.charAt(compact.length() - 1)) >= 0)
                || (compact.length() > 12 && compact.chars().anyMatch(ch -> SENTENCE_MARKS.indexOf(ch) >= 0))) {
            return ValueNormalizer.parse(text, null).kind() == ValueKind.NUMERIC && compact.length() < 30
                    ? Look.VALUE : Look.SENTENCE;
        }
        if (ValueNormalizer.parse(text, null).kind() != ValueKind.TEXT) {
            return Look.VALUE;
        }
        return Look.TEXT;
    }

    // ------------------------------------------------------------------------------------------ one table

    /** One table's segmentation. */
    private static final class Segmentation {
        private final Table table;
        private final ImportOptions options;
        private final List<Diagnostic> diagnostics;
        private final List<Token> tokens = new ArrayList<>();
        /** Token count of each source row, to tell whether a region holds a row whole. */
        private final List<Integer> rowTokens = new ArrayList<>();
        /** Whether each source row has blanks inside: where it has none, a value may be cut off by its shape alone. */
        private final List<Boolean> rowBlanks = new ArrayList<>();
        private final List<TableRow> out = new ArrayList<>();

        Segmentation(Table table, ImportOptions options, List<Diagnostic> diagnostics) {
            this.table = table;
            this.options = options;
            this.diagnostics = diagnostics;
        }

        /** The rebuilt table, or null where no header run is found (the layouts then see the table as it was). */
        Table run() {
            tokenise();
            List<int[]> headers = new ArrayList<>();
            for (int i = 0; i < tokens.size(); ) {
                int end = headerRun(i);
                if (end > i) {
                    headers.add(new int[] {i, end});
                    i = end;
                } else {
                    i++;
                }
            }
            if (headers.isEmpty()) {
                return null;
            }
            int at = 0;
            for (int h = 0; h < headers.size(); h++) {
                int start = headers.get(h)[0];
                int end = headers.get(h)[1];
                emitOutside(at, start);
                emitHeader(start, end);
                int limit = h + 1 < headers.size() ? headers.get(h + 1)[0] : tokens.size();
                int dataEnd = dataEnd(end, limit);
                boolean cutting = table.delimiting() == Table.Delimiting.NONE
                        && tokens.get(end - 1).row() - tokens.get(start).row() <= 1;
                emitData(dataTokens(end, dataEnd, cutting), fields(start, end), dataEnd == tokens.size());
                at = dataEnd;
            }
            emitOutside(at, tokens.size());
            return new Table(table.name(), Table.Delimiting.REBUILT, out);
        }

        /** Pieces between blanks, header words run together cut apart; the rest is cut with the data it is in. */
        private void tokenise() {
            for (int r = 0; r < table.rows().size(); r++) {
                TableRow row = table.rows().get(r);
                int before = tokens.size();
                boolean blanks = row.width() > 1;
                for (int c = 0; c < row.width(); c++) {
                    String cell = row.text(c).strip();
                    blanks |= BLANKS.matcher(cell).find();
                    for (String p : BLANKS.split(cell)) {
                        if (p.isEmpty()) {
                            continue;
                        }
                        List<String> header = headerWords(p);
                        if (header != null) {
                            for (String h : header) {
                                add(h, row, r, Cut.HEADER);
                            }
                        } else {
                            add(p, row, r, Cut.WHOLE);
                        }
                    }
                }
                rowBlanks.add(blanks);
                rowTokens.add(tokens.size() - before);
            }
        }

        /**
         * The data tokens of a section, cut where they run together: only in text with no separators, and only where
         * the header itself ran together on a line or two (a header one word per line is one cell per line, whose
         * cells are whole).
         */
        private List<Token> dataTokens(int from, int to, boolean cutting) {
            List<Token> data = new ArrayList<>();
            for (int i = from; i < to; i++) {
                Token t = tokens.get(i);
                if (FURNITURE.matcher(t.text()).find()) {
                    continue;
                }
                if (!cutting || t.cut() != Cut.WHOLE) {
                    data.add(t);
                    continue;
                }
                List<Cut> cuts = new ArrayList<>();
                List<String> parts = cut(t.text(), !rowBlanks.get(t.row()), cuts);
                for (int k = 0; k < parts.size(); k++) {
                    data.add(new Token(parts.get(k), t.line(), t.row(), cuts.get(k), look(parts.get(k))));
                }
            }
            return data;
        }

        private void add(String text, TableRow row, int r, Cut cut) {
            tokens.add(new Token(text, row.line(), r, cut, look(text)));
        }

        /** The field a token names as a header word, or null. */
        private Field headerField(Token t) {
            for (Map.Entry<String, String> e : options.columns().entrySet()) {
                if (TextNormalizer.normalizeName(e.getValue()).equals(TextNormalizer.normalizeName(t.text()))) {
                    Field f = Field.ofKey(e.getKey());
                    if (f != null) {
                        return f;
                    }
                }
            }
            if (LABEL_PAIR.matcher(t.text()).matches() && !t.text().endsWith("：") && !t.text().endsWith(":")) {
                return null;
            }
            HeaderVocabulary.Synonym s = HeaderVocabulary.match(t.text());
            return s == null ? null : s.field();
        }

        /** The end of a header run starting at {@code i} (two header words or more with an indicator and a value), else i. */
        private int headerRun(int i) {
            int j = i;
            boolean indicator = false;
            boolean value = false;
            boolean level = false;
            while (j < tokens.size()) {
                Field f = headerField(tokens.get(j));
                if (f == null) {
                    break;
                }
                indicator |= f == Field.INDICATOR;
                level |= f == Field.LEVEL1 || f == Field.LEVEL2;
                value |= f == Field.VALUE || f == Field.PERIOD_VALUE || f == Field.ACTUAL;
                j++;
            }
            return j - i >= 2 && indicator && (value || level) ? j : i;
        }

        private Field[] fields(int start, int end) {
            Field[] f = new Field[end - start];
            for (int i = start; i < end; i++) {
                f[i - start] = headerField(tokens.get(i));
            }
            return f;
        }

        /** Where the data after a header stop: a label block (a label and its value), furniture, or the next header. */
        private int dataEnd(int from, int limit) {
            for (int i = from; i < limit; i++) {
                Token t = tokens.get(i);
                var pair = LABEL_PAIR.matcher(t.text());
                if (pair.matches()) {
                    HeaderVocabulary.Synonym s = HeaderVocabulary.match(pair.group(1));
                    if (s == null || blockLabel(s.field())) {
                        return i; // 项目名称：… opens the next block; 填表人：… is the table's furniture
                    }
                }
                HeaderVocabulary.Synonym s = t.look() == Look.TEXT ? HeaderVocabulary.match(t.text()) : null;
                if (s != null && blockLabel(s.field()) && i + 1 < limit && headerField(tokens.get(i + 1)) == null) {
                    return i;
                }
            }
            return limit;
        }

        private static boolean blockLabel(Field f) {
            return switch (f) {
                case UNIT, PROJECT, AMOUNT, TOTAL_AMOUNT, GOAL, NATURE, CATEGORY -> true;
                default -> false;
            };
        }

        // ---------------------------------------------------------------------------------- emitting

        private void emitHeader(int start, int end) {
            List<String> cells = new ArrayList<>();
            for (int i = start; i < end; i++) {
                cells.add(tokens.get(i).text());
            }
            out.add(TableRow.ofTexts(tokens.get(start).line(), cells));
        }

        /**
         * Tokens outside any table's data, row by row: a source row held whole stays as it was; part of one (a line
         * holding properties, a title, labels and a table) is cut before its title and before its first label.
         */
        private void emitOutside(int from, int to) {
            int i = from;
            while (i < to) {
                int r = tokens.get(i).row();
                int j = i;
                while (j < to && tokens.get(j).row() == r) {
                    j++;
                }
                if (!out.isEmpty() && furnitureOnly(i, j)) {
                    // 填表人：王某 联系电话：… after a table: page furniture, not a row
                } else if (j - i == rowTokens.get(r)) {
                    out.add(table.rows().get(r));
                } else {
                    emitPart(i, j);
                }
                i = j;
            }
        }

        /** Tokens that are all page furniture or label pairs the vocabulary does not know (填表人：王某). */
        private boolean furnitureOnly(int from, int to) {
            for (int i = from; i < to; i++) {
                String t = tokens.get(i).text();
                var pair = LABEL_PAIR.matcher(t);
                boolean unknownPair = pair.matches() && HeaderVocabulary.match(pair.group(1)) == null
                        && HeaderVocabulary.moneyUnitNote(t) == null;
                if (!unknownPair && !FURNITURE.matcher(t).find()) {
                    return false;
                }
            }
            return true;
        }

        private void emitPart(int from, int to) {
            List<String> cells = new ArrayList<>();
            int line = tokens.get(from).line();
            boolean labels = false;
            for (int i = from; i < to; i++) {
                Token t = tokens.get(i);
                if (FURNITURE.matcher(t.text()).find()) {
                    continue;
                }
                HeaderVocabulary.Synonym s = HeaderVocabulary.match(t.text());
                boolean label = s != null && blockLabel(s.field());
                boolean title = isTitle(t.text());
                if ((title || (label && !labels)) && !cells.isEmpty()) {
                    out.add(TableRow.ofTexts(line, cells));
                    cells = new ArrayList<>();
                }
                labels |= label;
                cells.add(t.text());
                if (title) {
                    out.add(TableRow.ofTexts(line, cells));
                    cells = new ArrayList<>();
                }
            }
            if (!cells.isEmpty()) {
                out.add(TableRow.ofTexts(line, cells));
            }
        }

        private static boolean isTitle(String text) {
            return text.length() >= 6 && text.contains("绩效") && text.endsWith("表");
        }

        /** The data tokens cut into rows and placed in the header's columns. */
        private void emitData(List<Token> data, Field[] fields, boolean endOfText) {
            if (data.isEmpty()) {
                return;
            }
            Placement p = new Placement(data, fields);
            List<Placement.Row> rows = p.rows();
            String[] cells = null;
            for (Placement.Row row : rows) {
                cells = new String[fields.length];
                for (int k = 0; k < row.tokens().size(); k++) {
                    int c = row.columns().get(k);
                    String text = row.tokens().get(k).text();
                    cells[c] = cells[c] == null ? text : cells[c] + joiner(cells[c], text) + text;
                }
                int line = row.tokens().get(0).line();
                out.add(TableRow.ofTexts(line, java.util.Arrays.asList(cells)));
                if (row.doubt() != null) {
                    List<String> texts = row.tokens().stream().map(Token::text).toList();
                    diagnostics.add(new Diagnostic(line, null, Diagnostic.Severity.WARNING,
                            DiagnosticCode.CELLS_REALIGNED, List.of(String.join(" ", texts), row.doubt()),
                            "the cells of the row '" + String.join(" ", texts) + "' on line " + line
                                    + " were rebuilt from text without separators by guessing: " + row.doubt()));
                }
            }
            Placement.Row last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
            if (endOfText && last != null && p.endsBeforeItsUnit(last)) {
                // a row may lack its unit (a count of 项), so it is kept; but a copy cut inside '5000 件' reads as a
                // complete '50', and only the end of the text says it might be one
                int line = last.tokens().get(0).line();
                String value = last.tokens().get(last.tokens().size() - 1).text();
                diagnostics.add(new Diagnostic(line, null, Diagnostic.Severity.WARNING, DiagnosticCode.ROW_MAY_BE_CUT,
                        List.of(String.valueOf(line), value), "the document ends after the value '" + value
                                + "' of line " + line + ", before the 度量单位 its header has: if it was cut there,"
                                + " the value may be incomplete"));
            }
            String indicator = endOfText && last != null ? p.wrappableIndicator(cells) : null;
            if (indicator != null) {
                // a label broken inside its cell continues on the next line (覆盖 / 率), after the row's value as
                // often as before it: a copy cut between the two lines reads a whole-looking row with a shorter name
                int line = last.tokens().get(0).line();
                String value = p.valueOf(cells);
                diagnostics.add(new Diagnostic(line, null, Diagnostic.Severity.WARNING, DiagnosticCode.ROW_MAY_BE_CUT,
                        List.of(String.valueOf(line), indicator, value), "the document ends with the row of line "
                                + line + ", whose indicator '" + indicator + "' does not end the way indicator names"
                                + " do: a label broken inside its cell continues on the next line in rows like these,"
                                + " so if the copy was cut there, the indicator may be incomplete"));
            }
        }

        private static String joiner(String head, String tail) {
            return head.charAt(head.length() - 1) < 0x2E80 && tail.charAt(0) < 0x2E80 ? " " : "";
        }
    }

    // ------------------------------------------------------------------------------------------ placing

    /** The dynamic programme that cuts a run of data tokens into rows of the header's columns. */
    private static final class Placement {

        /** One row: its tokens, the column of each, and why it was read with a guess (null where it was not). */
        record Row(List<Token> tokens, List<Integer> columns, String doubt) {
        }

        private static final byte NONE = 0;
        private static final byte NEW = 1;
        private static final byte CONTINUE = 2;
        private static final byte JOINED = 3;
        private static final byte DROPPED = 4;

        private final List<Token> tokens;
        private final Field[] fields;
        private final int indicator;
        private final int value;
        /** The 度量单位 column, -1 where the header has none. */
        private final int unit;
        private final boolean unitColumn;
        private final boolean lineRows;

        Placement(List<Token> tokens, Field[] fields) {
            this.tokens = tokens;
            this.fields = fields;
            this.indicator = first(fields, Field.INDICATOR);
            int v = first(fields, Field.VALUE);
            this.value = v >= 0 ? v : first(fields, Field.PERIOD_VALUE);
            this.unit = first(fields, Field.MEASURE_UNIT);
            this.unitColumn = unit >= 0;
            long lines = tokens.stream().mapToInt(Token::row).distinct().count();
            this.lineRows = tokens.size() >= 2 * lines && lines > 1;
        }

        /** The row stops at a number in its value column, and the header has a 度量单位 column after it, unfilled. */
        boolean endsBeforeItsUnit(Row row) {
            int lastColumn = row.columns().get(row.columns().size() - 1);
            String text = row.tokens().get(row.tokens().size() - 1).text();
            return unit > value && value >= 0 && lastColumn == value && !row.columns().contains(unit)
                    && !text.isEmpty() && isDigit(text.charAt(text.length() - 1));
        }

        /**
         * A row's indicator cell where the rows are lines, so that the end of a label broken inside its cell would
         * stand alone on the next line ({@link #wrapped}), the row has its value, and the name does not end the way
         * indicator names end; else null.
         */
        String wrappableIndicator(String[] cells) {
            if (!lineRows || indicator < 0 || cells[indicator] == null || valueOf(cells).isEmpty()) {
                return null; // a row without its value is the layout's to call cut (TRUNCATED)
            }
            return endsLikeAnIndicator(cells[indicator]) ? null : cells[indicator];
        }

        /** A row's value cell, "" where it has none. */
        String valueOf(String[] cells) {
            return value < 0 || cells[value] == null ? "" : cells[value];
        }

        private static int first(Field[] fields, Field f) {
            for (int c = 0; c < fields.length; c++) {
                if (fields[c] == f) {
                    return c;
                }
            }
            return -1;
        }

        List<Row> rows() {
            int n = tokens.size();
            int m = fields.length;
            int start = m; // the state before any token is placed
            final int none = Integer.MIN_VALUE / 4;
            int[] prev = new int[m + 1];
            int[] cur = new int[m + 1];
            java.util.Arrays.fill(prev, none);
            prev[start] = 0;
            byte[][] how = new byte[n][m + 1];
            short[][] from = new short[n][m + 1];
            boolean anyPlaced = false;
            for (int i = 0; i < n; i++) {
                Token t = tokens.get(i);
                boolean lineStart = i == 0 || tokens.get(i - 1).row() != t.row();
                java.util.Arrays.fill(cur, none);
                // dropped: the state stays
                for (int j = 0; j <= m; j++) {
                    if (prev[j] != none && prev[j] - DROP > cur[j]) {
                        cur[j] = prev[j] - DROP;
                        how[i][j] = DROPPED;
                        from[i][j] = (short) j;
                    }
                }
                for (int jn = 0; jn < m; jn++) {
                    int fit = fit(t, fields[jn]);
                    for (int j = 0; j <= m; j++) {
                        if (prev[j] == none) {
                            continue;
                        }
                        // a new row starting at jn
                        int s = prev[j] + fit + startCost(jn, j == start) - (j == start ? 0 : endCost(j))
                                - (lineRows && !lineStart && j != start ? LINE_BREAK : 0);
                        if (s > cur[jn]) {
                            cur[jn] = s;
                            how[i][jn] = NEW;
                            from[i][jn] = (short) j;
                        }
                        if (j == start) {
                            continue;
                        }
                        if (jn > j) {
                            s = prev[j] + fit - skipCost(j, jn) - (lineRows && lineStart ? LINE_BREAK : 0);
                            if (s > cur[jn]) {
                                cur[jn] = s;
                                how[i][jn] = CONTINUE;
                                from[i][jn] = (short) j;
                            }
                        } else if (jn == j && joinable(fields[j], t)) {
                            s = prev[j] - JOIN;
                            if (s > cur[jn]) {
                                cur[jn] = s;
                                how[i][jn] = JOINED;
                                from[i][jn] = (short) j;
                            }
                        }
                    }
                }
                int[] swap = prev;
                prev = cur;
                cur = swap;
                anyPlaced = true;
            }
            if (!anyPlaced) {
                return List.of();
            }
            int best = -1;
            int bestScore = none;
            for (int j = 0; j < m; j++) {
                if (prev[j] != none && prev[j] - endCost(j) > bestScore) {
                    bestScore = prev[j] - endCost(j);
                    best = j;
                }
            }
            if (best < 0) {
                return List.of();
            }
            // walk back
            byte[] steps = new byte[n];
            int[] cols = new int[n];
            int j = best;
            for (int i = n - 1; i >= 0; i--) {
                steps[i] = how[i][j];
                cols[i] = j;
                j = from[i][j];
            }
            return assemble(steps, cols);
        }

        private List<Row> assemble(byte[] steps, int[] cols) {
            List<Row> rows = new ArrayList<>();
            List<Token> rowTokens = null;
            List<Integer> rowCols = null;
            StringBuilder doubt = null;
            for (int i = 0; i < steps.length; i++) {
                Token t = tokens.get(i);
                if (steps[i] == DROPPED || steps[i] == NONE) {
                    if (rowTokens != null && wrapped(t, i)) {
                        // a label broken inside its cell: its end alone on the next line continues the indicator
                        int k = rowCols.indexOf(indicator);
                        if (k >= 0) {
                            Token head = rowTokens.get(k);
                            rowTokens.set(k, new Token(head.text() + t.text(), head.line(), head.row(), head.cut(),
                                    head.look()));
                            note(doubt, "'" + t.text() + "' on the next line continues the indicator");
                            continue;
                        }
                    }
                    if (rowTokens != null) {
                        note(doubt, "'" + t.text() + "' was left out");
                    }
                    continue;
                }
                if (steps[i] == NEW) {
                    if (rowTokens != null) {
                        rows.add(finish(rowTokens, rowCols, doubt));
                    }
                    rowTokens = new ArrayList<>();
                    rowCols = new ArrayList<>();
                    doubt = new StringBuilder();
                }
                if (rowTokens == null) {
                    continue;
                }
                if (steps[i] == JOINED) {
                    note(doubt, "'" + t.text() + "' was joined to the cell before it");
                }
                if (t.cut() == Cut.QUALITATIVE) {
                    note(doubt, "the value '" + t.text() + "' was told from the indicator by its words alone");
                }
                if (fit(t, fields[cols[i]]) <= 0 && steps[i] != JOINED) {
                    note(doubt, "'" + t.text() + "' fits its column poorly");
                }
                rowTokens.add(t);
                rowCols.add(cols[i]);
            }
            if (rowTokens != null) {
                rows.add(finish(rowTokens, rowCols, doubt));
            }
            return rows;
        }

        private Row finish(List<Token> rowTokens, List<Integer> rowCols, StringBuilder doubt) {
            if (indicator >= 0 && !rowCols.contains(indicator)) {
                note(doubt, "the row has no indicator");
            }
            if (value >= 0 && !rowCols.contains(value) && rowCols.contains(indicator)) {
                note(doubt, "the row has no value");
            }
            return new Row(List.copyOf(rowTokens), List.copyOf(rowCols), doubt.isEmpty() ? null : doubt.toString());
        }

        private static void note(StringBuilder doubt, String what) {
            if (doubt != null) {
                if (!doubt.isEmpty()) {
                    doubt.append("; ");
                }
                doubt.append(what);
            }
        }

        /** A short text alone on its line between rows of several tokens each: the end of a wrapped cell. */
        private boolean wrapped(Token t, int i) {
            boolean alone = (i == 0 || tokens.get(i - 1).row() != t.row())
                    && (i + 1 >= tokens.size() || tokens.get(i + 1).row() != t.row());
            return lineRows && alone && t.look() == Look.TEXT && t.text().length() <= 4 && indicator >= 0;
        }

        /** A row starting at column c carries the columns before it down; the first row has nothing to carry. */
        private int startCost(int c, boolean firstRow) {
            int cost = indicator >= 0 && c > indicator ? MISSING : 0;
            if (fields[c] == Field.GOAL || fields[c] == Field.AMOUNT || fields[c] == Field.TOTAL_AMOUNT) {
                cost += UNCARRIED; // an amount or a goal comes with its project: a row seldom starts there
            }
            if (firstRow) {
                for (int k = 0; k < c; k++) {
                    if (carried(fields[k])) {
                        cost += UNCARRIED;
                    }
                }
            }
            return -cost;
        }

        private int endCost(int c) {
            int cost = 0;
            if (indicator >= 0 && c < indicator) {
                cost += MISSING;
            }
            if (value >= 0 && c < value) {
                cost += MISSING;
            }
            return cost;
        }

        /**
         * Columns a row leaves out between two of its cells: its indicator and value cost most; a group column (unit,
         * project, amount, goal, 一级, 二级) costs too, since a row that fills one group column opens every group
         * after it (a merged cell is printed once, where its group starts).
         */
        private int skipCost(int from, int to) {
            int cost = 0;
            for (int k = from + 1; k < to; k++) {
                if (carried(fields[k])) {
                    cost += SKIPPED_GROUP;
                }
            }
            if (indicator > from && indicator < to) {
                cost += MISSING;
            }
            if (value > from && value < to) {
                cost += MISSING;
            }
            return cost;
        }

        /** A name ending the way budget units' names end (…局, …中心, …人民政府, …街道办事处). */
        private static boolean organisation(String text) {
            return ORGANISATION.matcher(text).find();
        }

        private static boolean carried(Field f) {
            return f == Field.UNIT || f == Field.PROJECT || f == Field.AMOUNT || f == Field.TOTAL_AMOUNT
                    || f == Field.GOAL || f == Field.LEVEL1 || f == Field.LEVEL2;
        }

        private static boolean joinable(Field f, Token t) {
            boolean text = t.look() == Look.TEXT || t.look() == Look.SENTENCE;
            return text && t.cut() == Cut.WHOLE && (f == null || f == Field.INDICATOR || f == Field.GOAL
                    || f == Field.PROJECT || f == Field.UNIT || f == Field.NOTE);
        }

        /** How well a token fits a column: positive where its shape says it belongs there. */
        private int fit(Token t, Field f) {
            Look l = t.look();
            if (f == null || f == Field.OTHER) {
                return l == Look.TEXT ? 0 : -3;
            }
            return switch (f) {
                case LEVEL1 -> l == Look.L1 ? 6 : l == Look.L1_OR_L2 ? 4 : -6;
                case LEVEL2 -> l == Look.L2 ? 6 : l == Look.L1_OR_L2 ? 4 : -6;
                case INDICATOR -> switch (l) {
                    case TEXT -> 3;
                    case CODE_NAME -> 2;
                    case SENTENCE -> 1;
                    case L2 -> 0;
                    case VALUE -> -2;
                    case NUMBER -> -3;
                    default -> -5;
                };
                case VALUE, PERIOD_VALUE, ACTUAL -> switch (l) {
                    case VALUE -> 4;
                    case NUMBER -> unitColumn ? 4 : 0;
                    case MONEY -> unitColumn ? 1 : 0;
                    case TEXT -> -1;
                    case SENTENCE -> -2;
                    default -> -5;
                };
                case COMPARATOR -> l == Look.COMPARATOR ? 6 : -6;
                case MEASURE_UNIT -> l == Look.UNIT_WORD ? 6 : -6;
                case WEIGHT, SCORE -> l == Look.NUMBER ? 3 : -5;
                case AMOUNT, TOTAL_AMOUNT, BUDGET_TOTAL -> switch (l) {
                    case MONEY -> 5;
                    case NUMBER -> 3;
                    case VALUE -> t.text().contains("元") || t.text().endsWith("万") ? 2 : -5;
                    default -> -5;
                };
                case UNIT -> l == Look.CODE_NAME ? 4 : l == Look.TEXT ? (organisation(t.text()) ? 3 : 0) : -5;
                case PROJECT -> l == Look.TEXT ? (organisation(t.text()) ? 0 : 1) : l == Look.CODE_NAME ? 1 : -5;
                case GOAL -> l == Look.SENTENCE ? 3 : l == Look.TEXT ? 0 : -4;
                case NOTE -> switch (l) {
                    case SENTENCE -> 2;
                    case TEXT, VALUE -> 1;
                    case NUMBER -> -1;
                    default -> -4;
                };
                case DIRECTION -> t.text().contains("向") ? 4 : -4;
                case VALUE_TYPE -> t.text().contains("定量") || t.text().contains("定性") ? 4 : -4;
                default -> l == Look.TEXT ? 0 : -3;
            };
        }
    }
}
