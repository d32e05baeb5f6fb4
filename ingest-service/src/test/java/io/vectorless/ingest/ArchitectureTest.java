package io.vectorless.ingest;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.vectorless.ingest");

    @Test
    void parsingCoreDoesNotDependOnSpring() {
        noClasses().that().resideInAPackage("io.vectorless.ingest.parse..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .check(CLASSES);
    }

    @Test
    void parsingCoreDoesNotReachIntoTheAdapters() {
        noClasses().that().resideInAPackage("io.vectorless.ingest.parse..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vectorless.ingest.messaging..",
                        "io.vectorless.ingest.pipeline..", "io.vectorless.ingest.config..",
                        "io.vectorless.support.storage..", "org.apache.kafka..")
                .check(CLASSES);
    }
}
