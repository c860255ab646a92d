package org.perfgraph.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A project as declared by one document. In the tab export one project may span several header blocks
 * (same unit, name and amount); they merge into one ParsedProject whose goals keep every block's texts.
 *
 * @param line        the line of the first header that declares it
 * @param amount      yuan; the tab export's 金额 or the form's 年度资金申请总额
 * @param totalAmount the form's 项目资金总额 where given, else null
 * @param nature      项目性质 (经常性项目, 阶段性项目) or null
 * @param category    项目类别 (特定目标类) or null
 * @param department  主管部门 or null
 * @param blocks      number of header blocks that declared it (1 for forms)
 * @param moneyUnit   the money unit the amounts were written in (元, 万元) where the document says it, else null;
 *                    amounts are always in yuan
 */
public record ParsedProject(
        ParsedUnit unit,
        String name,
        Integer year,
        BigDecimal amount,
        BigDecimal totalAmount,
        String nature,
        String category,
        String department,
        LocalDate startDate,
        LocalDate endDate,
        int line,
        int blocks,
        List<GoalStatement> goals,
        List<ParsedTarget> targets,
        String moneyUnit) {

    /** A project whose amounts were written in yuan or whose document does not say. */
    public ParsedProject(ParsedUnit unit, String name, Integer year, BigDecimal amount, BigDecimal totalAmount,
                         String nature, String category, String department, LocalDate startDate, LocalDate endDate,
                         int line, int blocks, List<GoalStatement> goals, List<ParsedTarget> targets) {
        this(unit, name, year, amount, totalAmount, nature, category, department, startDate, endDate, line, blocks,
                goals, targets, null);
    }
}
