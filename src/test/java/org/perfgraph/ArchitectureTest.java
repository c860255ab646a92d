package org.perfgraph;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The parser and the corpus generator are plain Java: no Spring, no Neo4j, so they run anywhere and test fast. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.perfgraph");

    @Test
    void the_parser_knows_neither_spring_nor_neo4j() {
        noClasses().that().resideInAPackage("org.perfgraph.ingest..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.neo4j..")
                .check(classes);
    }

    @Test
    void the_parser_does_not_reach_into_the_service() {
        noClasses().that().resideInAPackage("org.perfgraph.ingest..")
                .should().dependOnClassesThat().resideInAnyPackage("org.perfgraph.graph..", "org.perfgraph.explore..",
                        "org.perfgraph.analysis..", "org.perfgraph.editing..", "org.perfgraph.support..")
                .check(classes);
    }

    @Test
    void the_corpus_generator_knows_neither_spring_nor_neo4j() {
        noClasses().that().resideInAPackage("org.perfgraph.corpus..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.neo4j..")
                .check(classes);
    }
}
