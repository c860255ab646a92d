package org.perfgraph.ingest;

import java.math.BigDecimal;

/** Money cells: yuan, thousands separators allowed, precision kept exactly as written. */
final class Amounts {

    /**
     * The longest cell (after trimming) read as an amount: 40 characters hold any real budget with separators and
     * decimals, while parsing a pasted run of a million digits held the reader for ~35 s (issue 14).
     */
    static final int MAX_LENGTH = 40;

    private Amounts() {
    }

    /** 1,144,250.00 → 1144250.00; null where the cell is empty, longer than {@link #MAX_LENGTH} or not a number. */
    static BigDecimal parse(String cell) {
        if (cell == null) {
            return null;
        }
        String trimmed = cell.strip();
        if (trimmed.length() > MAX_LENGTH) {
            return null;
        }
        String s = TextNormalizer.normalizeName(trimmed).replace(",", "");
        if (s.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A cell as quoted in a diagnostic: a cell too long to be an amount is shown by its start and its length. */
    static String quoted(String cell) {
        String s = cell.strip();
        return s.length() <= MAX_LENGTH ? s : s.substring(0, MAX_LENGTH) + "… (" + s.length() + " characters)";
    }
}
