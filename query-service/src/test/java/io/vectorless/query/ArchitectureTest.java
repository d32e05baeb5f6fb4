package io.vectorless.query;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Navigation, prompts and answering are plain Java; Spring, MongoDB and HTTP stay in the adapters around them. */
@AnalyzeClasses(packages = "io.vectorless.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreIsPlainJava = noClasses()
            .that().resideInAnyPackage("io.vectorless.query.navigate..", "io.vectorless.query.answer..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.bson..", "com.mongodb..",
                    "jakarta.servlet..", "io.vectorless.query.web..", "io.vectorless.query.store..",
                    "io.vectorless.query.config..");

    @ArchTest
    static final ArchRule navigationDoesNotCallTheLlm = noClasses()
            .that().resideInAPackage("io.vectorless.query.navigate..")
            .should().dependOnClassesThat().resideInAPackage("io.vectorless.support..");
}
