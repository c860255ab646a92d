package org.perfgraph.export;

import java.math.BigDecimal;

/** How a stored value reads in a cell: decimals exactly as written, everything else as its text. */
final class Cells {

    private Cells() {
    }

    static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return Long.toString(d.longValue());
        }
        return v.toString();
    }
}
