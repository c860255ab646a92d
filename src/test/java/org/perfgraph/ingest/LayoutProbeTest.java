package org.perfgraph.ingest;

import org.junit.jupiter.api.Test;

class LayoutProbeTest {
    @Test
    void probe() {
        for (String f : new String[] {"tab-carried-wan.txt", "tab-label-blocks.txt", "tab-self-assessment.txt",
                "tab-unit-wide.txt", "tab-two-blocks.txt", "tab-period-annual.txt", "comma-split-values.csv"}) {
            System.out.println("=== " + f);
            try {
                ParsedDocument d = Seeds.read("layouts/" + f);
                System.out.println(d.format() + " " + d.kind() + " title=" + d.title() + " region=" + d.region()
                        + " year=" + d.year() + " truncated=" + d.truncated());
                for (ParsedProject p : d.projects()) {
                    System.out.println(" P " + p.unit() + " | " + p.name() + " | " + p.amount() + " | " + p.totalAmount()
                            + " | " + p.moneyUnit() + " goals=" + p.goals().stream().map(g -> g.kind() + ":" + g.raw()).toList());
                    for (ParsedTarget t : p.targets()) {
                        System.out.println("   T " + t.line() + " " + (t.level1() == null ? null : t.level1().canonical())
                                + "/" + (t.level2() == null ? null : t.level2().canonical()) + "/" + t.indicator().name()
                                + " period=" + (t.period() == null ? null : t.period().raw() + "~" + t.period().normalized())
                                + " annual=" + (t.annual() == null ? null : t.annual().raw() + "~" + t.annual().normalized())
                                + " actual=" + (t.actual() == null ? null : t.actual().raw()) + " w=" + t.weight()
                                + " s=" + t.score() + " pts=" + t.points() + " dir=" + t.direction() + " notes=" + t.notes());
                    }
                }
                for (Diagnostic g : d.diagnostics()) {
                    System.out.println(" D " + g.line() + " " + g.severity() + " " + g.code() + " " + g.message());
                }
            } catch (RuntimeException e) {
                System.out.println("ERR " + e.getMessage());
            }
        }
    }
}
