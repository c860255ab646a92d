package org.perfgraph.ingest;

/** 指标值类型: whether the document states the indicator's value as a quantity (定量) or a quality (定性). */
public enum ValueType {
    /** 定量: a number, a rate, a count. */
    QUANTITATIVE,
    /** 定性: a described state (达标, 明显提升). */
    QUALITATIVE;

    /** The type a 指标值类型 cell names (定量, 定量指标; 定性), or null. */
    static ValueType of(String cell) {
        String k = cell == null ? "" : TextNormalizer.normalizeName(cell);
        if (k.contains("定量")) {
            return QUANTITATIVE;
        }
        if (k.contains("定性")) {
            return QUALITATIVE;
        }
        return null;
    }
}
