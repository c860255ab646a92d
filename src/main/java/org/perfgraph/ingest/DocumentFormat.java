package org.perfgraph.ingest;

/** The document layouts perfgraph reads, detected from the content. */
public enum DocumentFormat {
    /** Tab-separated export: blocks of unit, project, amount, goals, then indicator rows with CODE-NAME cells. */
    TAB_EXPORT,
    /** 财政项目支出绩效目标申报表 forms extracted from PDF: one form per project, no codes. */
    FORM,
    /** The tab export's columns, comma-separated with RFC 4180 quoting (what spreadsheets save). */
    CSV,
    /** Any table whose header row names its columns (一级/二级/三级指标, 指标值 … by synonym), in any file kind. */
    HEADER_TABLE
}
