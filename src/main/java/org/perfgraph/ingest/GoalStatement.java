package org.perfgraph.ingest;

/**
 * A goal text as stated at one place of a document.
 *
 * @param kind       overall (总体/项目总目标) or annual (年度/年度总体目标)
 * @param raw        verbatim
 * @param normalized whitespace collapsed, full-width punctuation folded to half-width (see {@link TextNormalizer})
 * @param line       the line it stands on
 */
public record GoalStatement(GoalKind kind, String raw, String normalized, int line) {
}
