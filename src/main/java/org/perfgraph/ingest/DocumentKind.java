package org.perfgraph.ingest;

/** Which of the performance-target tables a document is, from its title and columns. */
public enum DocumentKind {
    /** 绩效目标申报表: targets as declared (the default). */
    DECLARATION,
    /** 绩效目标批复表 / 审批表: targets as approved. */
    APPROVAL,
    /** 绩效自评表: targets with 实际完成值, 分值 and 得分. */
    SELF_ASSESSMENT,
    /** 整体支出绩效目标表: one unit's whole budget, no project rows. */
    UNIT_WIDE
}
