package org.perfgraph.ingest;

import java.util.Map;

/** Placeholder until the parser lands: canonical parents of the common L2 categories. */
public final class CategoryVocabulary {

    private static final Map<String, String> PARENT = Map.ofEntries(
            Map.entry("数量指标", "产出指标"), Map.entry("质量指标", "产出指标"), Map.entry("时效指标", "产出指标"),
            Map.entry("成本指标", "产出指标"), Map.entry("经济成本指标", "成本指标"), Map.entry("社会成本指标", "成本指标"),
            Map.entry("生态环境成本指标", "成本指标"), Map.entry("经济效益指标", "效益指标"), Map.entry("社会效益指标", "效益指标"),
            Map.entry("生态效益指标", "效益指标"), Map.entry("可持续影响指标", "效益指标"), Map.entry("服务对象满意度指标", "满意度指标"));

    private CategoryVocabulary() {
    }

    public static String parentOf(String l2) {
        return PARENT.get(l2);
    }
}
