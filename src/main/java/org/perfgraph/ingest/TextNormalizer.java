package org.perfgraph.ingest;

/**
 * Normalises free text the way the importer does, so that other features (editing, analytics) compare texts
 * exactly as the stored {@code normalized} fields were made.
 * <ul>
 * <li>full-width ASCII forms (U+FF01..U+FF5E: ，；：（）％＝ letters, digits) fold to half-width, the
 * ideographic space to a space;</li>
 * <li>whitespace between two CJK characters is removed (PDF extraction and cell line breaks put it there:
 * {@code 项目 绩效 目标}), other whitespace runs collapse to one space;</li>
 * <li>the result is trimmed.</li>
 * </ul>
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    /** Normalises a goal text or any other free text; null stays null. */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        String folded = foldWidth(text);
        StringBuilder out = new StringBuilder(folded.length());
        int i = 0;
        int n = folded.length();
        while (i < n) {
            char c = folded.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                int j = i;
                while (j < n && (Character.isWhitespace(folded.charAt(j)) || Character.isSpaceChar(folded.charAt(j)))) {
                    j++;
                }
                boolean atEdge = out.length() == 0 || j >= n;
                boolean betweenCjk = !atEdge && isCjk(out.charAt(out.length() - 1)) && isCjk(folded.charAt(j));
                if (!atEdge && !betweenCjk) {
                    out.append(' ');
                }
                i = j;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Normalises an indicator name: {@link #normalize(String)} and then every whitespace removed. */
    public static String normalizeName(String name) {
        if (name == null) {
            return null;
        }
        String folded = normalize(name);
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Folds full-width ASCII variants and the ideographic space to their half-width forms; nothing else. */
    static String foldWidth(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char f = c;
            if (c >= '\uFF01' && c <= '\uFF5E') {
                f = (char) (c - 0xFEE0);
            } else if (c == '\u3000') {
                f = ' ';
            }
            if (f != c && out == null) {
                out = new StringBuilder(text.length());
                out.append(text, 0, i);
            }
            if (out != null) {
                out.append(f);
            }
        }
        return out == null ? text : out.toString();
    }

    static boolean isCjk(char c) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
        return block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS
                || block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_A
                || block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.CJK_COMPATIBILITY_IDEOGRAPHS;
    }
}
