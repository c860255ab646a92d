package org.perfgraph.ingest;

import java.math.BigDecimal;

/** Money cells: yuan, thousands separators allowed, precision kept exactly as written. */
final class Amounts {

    private Amounts() {
    }

    /** 1,144,250.00 → 1144250.00; null where the cell is empty or not a number. */
    static BigDecimal parse(String cell) {
        if (cell == null) {
            return null;
        }
        String s = TextNormalizer.normalizeName(cell).replace(",", "");
        if (s.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
