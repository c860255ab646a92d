package org.perfgraph.ingest;

/** 指标方向性: whether more is better (正向) or less is better (反向). */
public enum Direction {
    /** 正向: a higher value is better. */
    POSITIVE,
    /** 反向: a lower value is better. */
    NEGATIVE
}
