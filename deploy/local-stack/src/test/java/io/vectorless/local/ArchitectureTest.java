package io.vectorless.local;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import io.vectorless.schema.store.StoreFields;
import io.vectorless.schema.store.StoredNode;
import io.vectorless.schema.store.StoredNodes;

import java.util.Arrays;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layers of the whole project, in one place (this module sees every service's classes).
 *
 * <pre>
 * common-schema, core-support, search-index   plain Java (+ Jackson, Lucene): events, stored records, LLM port
 * service-support                              the Spring adapters every service shares
 * each service: web, messaging, storage, config   adapters around its feature core
 *               ingest parse | indexer tree, summary | query navigate, answer   the cores: plain Java
 * </pre>
 *
 * The gateway's own package rules stay beside it ({@code gateway-service}'s ArchitectureTest).
 */
@AnalyzeClasses(packages = "io.vectorless", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final List<String> SERVICES = List.of("gateway", "ingest", "indexer", "query");
    private static final String[] CORES = {"io.vectorless.ingest.parse..", "io.vectorless.indexer.tree..",
            "io.vectorless.indexer.summary..", "io.vectorless.query.navigate..", "io.vectorless.query.answer.."};
    private static final String[] SHARED_PLAIN = {"io.vectorless.schema..", "io.vectorless.core..",
            "io.vectorless.search.."};
    /** Frameworks and servers: what only adapters may know. */
    private static final String[] INFRASTRUCTURE = {"org.springframework..", "org.apache.kafka..", "com.mongodb..",
            "org.bson..", "io.minio..", "jakarta.servlet..", "io.vectorless.support.."};
    private static final String[] ADAPTERS = {"io.vectorless.*.web..", "io.vectorless.*.messaging..",
            "io.vectorless.*.storage..", "io.vectorless.*.config.."};

    @ArchTest
    static final ArchRule coresArePlainJava = noClasses().that().resideInAnyPackage(CORES)
            .should().dependOnClassesThat().resideInAnyPackage(INFRASTRUCTURE)
            .because("parsing, tree building, summaries, navigation and answers take and return plain types");

    @ArchTest
    static final ArchRule coresDoNotReachIntoTheirAdapters = noClasses().that().resideInAnyPackage(CORES)
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
            .orShould().dependOnClassesThat().resideInAnyPackage("io.vectorless.ingest.ingestion..",
                    "io.vectorless.indexer.indexing..");

    @ArchTest
    static final ArchRule sharedModulesArePlainJava = noClasses().that().resideInAnyPackage(SHARED_PLAIN)
            .should().dependOnClassesThat().resideInAnyPackage(INFRASTRUCTURE);

    @ArchTest
    static final ArchRule sharedModulesKnowNoService = noClasses()
            .that().resideInAnyPackage(append(SHARED_PLAIN, "io.vectorless.support.."))
            .should().dependOnClassesThat().resideInAnyPackage(packagesOf(SERVICES));

    @ArchTest
    static final ArchRule servicesNeverImportEachOther = CompositeArchRule.of(SERVICES.stream()
            .map(service -> noClasses().that().resideInAPackage("io.vectorless." + service + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(packagesOf(SERVICES.stream()
                            .filter(other -> !other.equals(service)).toList()))
                    .because("services talk through events and HTTP, never through each other's classes"))
            .map(ArchRule.class::cast).toList());

    @ArchTest
    static final ArchRule theTreeKnowsNoSummariesAndNavigationCallsNoLlm = noClasses()
            .that().resideInAnyPackage("io.vectorless.indexer.tree..", "io.vectorless.query.navigate..")
            .should().dependOnClassesThat().resideInAnyPackage("io.vectorless.indexer.summary..",
                    "io.vectorless.core.llm..");

    /**
     * A service's MongoDB access is in its storage adapter (and the configuration that wires it), nowhere else (the
     * gateway has one storage package per feature). Which collections each one touches is checked at run time
     * against {@code StoreNames.mayTouch} by every service's integration tests.
     */
    @ArchTest
    static final ArchRule onlyStorageTalksToMongo = noClasses()
            .that().resideInAnyPackage("io.vectorless.ingest..", "io.vectorless.indexer..", "io.vectorless.query..",
                    "io.vectorless.gateway..")
            .and().resideOutsideOfPackages("io.vectorless.*.storage..", "io.vectorless.*.config..",
                    "io.vectorless.gateway.*.storage..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data.mongodb..",
                    "com.mongodb..", "org.bson..");

    /**
     * No service reads another's collections: query-service opens each version's search index from object storage,
     * where the {@code indexed} event names it, and never the indexer's {@code nodes} or {@code search_indexes}.
     * Collection names are compile-time constants (inlined, so invisible here): the services' integration tests check
     * the commands they send; this rule keeps the indexer's stored-record types out of the services that have no
     * business with them (the gateway uses {@code StoredNode} only as the shape of the indexer's HTTP answers).
     */
    @ArchTest
    static final ArchRule onlyTheIndexerKnowsItsStoredRecords = noClasses()
            .that().resideInAnyPackage("io.vectorless.query..", "io.vectorless.ingest..")
            .should().dependOnClassesThat().belongToAnyOf(StoredNode.class, StoredNodes.class, StoreFields.Node.class,
                    StoreFields.SearchIndex.class)
            .because("query-service opens search indexes from object storage, never the indexer's collections");

    @ArchTest
    static final ArchRule listenersAndControllersArePackagePrivate = classes()
            .that().resideInAnyPackage("io.vectorless.ingest.messaging..", "io.vectorless.indexer.messaging..")
            .or().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .should().notBePublic();

    private static String[] packagesOf(List<String> services) {
        return services.stream().map(service -> "io.vectorless." + service + "..").toArray(String[]::new);
    }

    private static String[] append(String[] packages, String more) {
        String[] out = Arrays.copyOf(packages, packages.length + 1);
        out[packages.length] = more;
        return out;
    }
}
