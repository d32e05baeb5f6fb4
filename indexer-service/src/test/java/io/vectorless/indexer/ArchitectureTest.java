package io.vectorless.indexer;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "io.vectorless.indexer", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule treeAndSummariesArePlainJava = noClasses()
            .that().resideInAnyPackage("io.vectorless.indexer.tree..", "io.vectorless.indexer.summary..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "com.mongodb..", "io.minio..");

    @ArchTest
    static final ArchRule theTreeDoesNotKnowAboutSummariesOrAdapters = noClasses()
            .that().resideInAPackage("io.vectorless.indexer.tree..")
            .should().dependOnClassesThat().resideInAnyPackage("io.vectorless.indexer.summary..",
                    "io.vectorless.indexer.storage..", "io.vectorless.indexer.messaging..",
                    "io.vectorless.indexer.indexing..", "io.vectorless.support..");

    @ArchTest
    static final ArchRule listenersArePackagePrivate = classes()
            .that().resideInAPackage("io.vectorless.indexer.messaging..")
            .should().notBePublic();

    /** What the indexer needs about a document travels in its events; only its storage adapter talks to MongoDB. */
    @ArchTest
    static final ArchRule onlyStorageTalksToMongo = noClasses()
            .that().resideOutsideOfPackages("io.vectorless.indexer.storage..", "io.vectorless.indexer.config..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data.mongodb..",
                    "com.mongodb..", "org.bson..");
}
