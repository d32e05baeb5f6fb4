package io.vectorless.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The gateway's layout: a package per feature ({@code workspaces}, {@code documents}, {@code trees},
 * {@code ragindex}, {@code access}) holding the feature's core, with its adapters in role sub-packages
 * ({@code web}, {@code storage}); what every feature shares sits in the role packages at the top ({@code web},
 * {@code messaging}, {@code storage}, {@code config}) and the plain types in {@code domain}.
 */
@AnalyzeClasses(packages = "io.vectorless.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] FEATURE_CORES = {"io.vectorless.gateway.workspaces", "io.vectorless.gateway.documents",
            "io.vectorless.gateway.trees", "io.vectorless.gateway.ragindex", "io.vectorless.gateway.access"};

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("..gateway.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.bson..",
                    "com.mongodb..", "org.apache.kafka..", "jakarta.servlet..", "io.vectorless.support..");

    @ArchTest
    static final ArchRule domainDependsOnNoAdapter = noClasses().that().resideInAPackage("..gateway.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..web..", "..storage..", "..messaging..")
            .orShould().dependOnClassesThat().resideInAnyPackage(FEATURE_CORES);

    @ArchTest
    static final ArchRule featureCoresAndStorageKnowNoWebLayer = noClasses().that()
            .resideInAnyPackage(FEATURE_CORES).or().resideInAPackage("..storage..")
            .should().dependOnClassesThat().resideInAPackage("io.vectorless.gateway..web..");

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes().that()
            .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .should().notBePublic();

    @ArchTest
    static final ArchRule onlyTheWebLayerKnowsHttp = noClasses().that().resideOutsideOfPackage("..web..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "org.springframework.web..");
}
