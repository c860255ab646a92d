package org.perfgraph.ingest;

/**
 * A category cell (L1 or L2) as read and as resolved to the canonical vocabulary.
 *
 * @param raw       the cell verbatim (1-产出指标, 仁云双益指标, 22-社会效益); null where the cell was empty and
 *                  the category was carried from the row above or inferred
 * @param code      the code of a CODE-NAME cell (1, 22), else null
 * @param canonical the canonical name (产出指标, 社会效益指标); never null
 * @param level     1 or 2
 * @param inferred  true where canonical did not come straight from this row's own readable cell
 *                  (carried over a merged cell is not inferred; OCR repair or context inference is)
 */
public record CategoryRef(String raw, String code, String canonical, int level, boolean inferred) {
}
