package io.vectorless.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "io.vectorless.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("..gateway.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.bson..",
                    "com.mongodb..", "org.apache.kafka..", "jakarta.servlet..", "io.vectorless.support..");

    @ArchTest
    static final ArchRule domainDependsOnNoAdapter = noClasses().that().resideInAPackage("..gateway.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..gateway.web..", "..gateway.storage..",
                    "..gateway.messaging..", "..gateway.documents..");

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes().that()
            .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .should().notBePublic();

    @ArchTest
    static final ArchRule onlyTheWebLayerKnowsHttp = noClasses().that().resideOutsideOfPackage("..gateway.web..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "org.springframework.web..");
}
