// What the complexity estimate needs of the store: `widest`, the largest number of linked nodes any parent has per
// child list (Type.field), what an unpaged child list counts at; `total`, the nodes of each kind (no root list
// returns more) and the links of each child list whose nodes have one parent each (no level of distinct parents
// returns more). Stored counts, degrees and the count store only (no traversal of targets). The lists inside
// analytics answers count as the explore list they are a part of (an indicator's reused projects are some of its
// projects), the statements of a shared or clustered text as its most stated text's statements. No parameters.
CALL { MATCH (x:Unit) RETURN max(COUNT { (x)-[:HAS_PROJECT]->() }) AS unitProjects }
CALL { MATCH (x:Project) RETURN max(COUNT { (x)-[:HAS_TARGET]->() }) AS projectTargets,
                                max(COUNT { (x)-[:STATES]->() }) AS projectTexts }
CALL { MATCH (x:Indicator) RETURN max(COUNT { (x)<-[:MEASURES]-() }) AS indicatorTargets,
                                  max(x.projectCount) AS indicatorProjects,
                                  max(COUNT { (x)<-[:USES]-() }) AS indicatorUnits,
                                  max(x.documentCount) AS indicatorDocuments }
CALL { MATCH (x:Text) RETURN max(x.projectCount) AS textProjects, max(COUNT { (x)<-[:STATES]-() }) AS textStatements }
CALL { MATCH (x:Category) RETURN max(COUNT { (x)<-[:UNDER]-() }) AS categoryChildren }
CALL { MATCH (x:Document) RETURN max(COUNT { (x)<-[:DECLARED_IN]-() }) AS documentProjects }
RETURN {`Unit.projects`: coalesce(unitProjects, 0), `Project.targets`: coalesce(projectTargets, 0),
        `Project.texts`: coalesce(projectTexts, 0), `Indicator.targets`: coalesce(indicatorTargets, 0),
        `Indicator.projects`: coalesce(indicatorProjects, 0), `Indicator.units`: coalesce(indicatorUnits, 0),
        `Text.projects`: coalesce(textProjects, 0), `Category.children`: coalesce(categoryChildren, 0),
        `Document.projects`: coalesce(documentProjects, 0),
        `IndicatorReuse.projects`: coalesce(indicatorProjects, 0), `IndicatorReuse.units`: coalesce(indicatorUnits, 0),
        `IndicatorReuse.documents`: coalesce(indicatorDocuments, 0),
        `BoilerplateTarget.projects`: coalesce(indicatorProjects, 0), `BoilerplateTarget.targets`: coalesce(indicatorTargets, 0),
        `IndicatorMatch.documents`: coalesce(indicatorDocuments, 0),
        `IndicatorMatch.matchDocuments`: coalesce(indicatorDocuments, 0),
        `SharedText.statements`: coalesce(textStatements, 0), `ClusteredText.statements`: coalesce(textStatements, 0)} AS widest,
       {Unit: COUNT { (:Unit) }, Project: COUNT { (:Project) }, Target: COUNT { (:Target) },
        Indicator: COUNT { (:Indicator) }, Category: COUNT { (:Category) }, Text: COUNT { (:Text) },
        Document: COUNT { (:Document) }, `Unit.projects`: COUNT { ()-[:HAS_PROJECT]->() },
        `Project.targets`: COUNT { ()-[:HAS_TARGET]->() }, `Indicator.targets`: COUNT { ()-[:MEASURES]->() },
        `Category.children`: COUNT { ()-[:UNDER]->() }, `Document.projects`: COUNT { ()-[:DECLARED_IN]->() }} AS total
