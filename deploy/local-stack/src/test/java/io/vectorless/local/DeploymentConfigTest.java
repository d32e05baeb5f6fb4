package io.vectorless.local;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml, the Kubernetes manifests, the Prometheus scrape set-up and the image build, read as data and
 * held against each service's own configuration file: ports, probe paths, environment names, consumer group and
 * topic of the autoscaler, and the hygiene rules (non-root, no secret in the manifests, no fixed replicas beside the
 * autoscaler, nothing but the jars sent to the image build).
 */
class DeploymentConfigTest {
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final List<String> SERVICES = List.of("gateway-service", "ingest-service", "indexer-service",
            "query-service");
    /** Read by code every service shares (service-support), not by the services' configuration files. */
    private static final Set<String> READ_BY_CODE = Set.of("LOG_FORMAT", "OTEL_EXPORTER_OTLP_ENDPOINT");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    @Test
    void composeMatchesEachServicesPortsProbesAndEnvironment() throws IOException {
        Map<String, Object> compose = yaml(ROOT.resolve("docker-compose.yml"));
        Map<String, Object> services = map(compose.get("services"));
        // the shared block goes to every service: each name in it must be read by at least one
        Set<String> shared = map(compose.get("x-service-env")).keySet();
        for (String name : shared) {
            assertThat(SERVICES.stream().anyMatch(s -> ServiceConfig.of(s).reads(name)))
                    .as("some service reads " + name + " from docker-compose.yml").isTrue();
        }
        for (String service : SERVICES) {
            ServiceConfig config = ServiceConfig.of(service);
            Map<String, Object> definition = map(services.get(service));
            assertThat(definition).as(service).isNotNull();
            String healthcheck = String.join(" ", strings(map(definition.get("healthcheck")).get("test")));
            assertThat(healthcheck).as(service + " healthcheck")
                    .contains("localhost:" + config.port() + "/actuator/health/readiness");
            assertThat(config.probesEnabled()).as(service + " exposes liveness/readiness probes").isTrue();
            for (String name : environmentNames(definition.get("environment"))) {
                if (shared.contains(name)) {
                    continue;
                }
                assertThat(config.reads(name)).as(service + " reads " + name + " set in docker-compose.yml").isTrue();
            }
            Object ports = definition.get("ports");
            if (ports != null) {
                assertThat(strings(ports)).as(service + " published port")
                        .allMatch(p -> p.endsWith(":" + config.port()));
            }
        }
        assertThat(map(map(services.get("gateway-service")).get("environment")).get("QUERY_SERVICE_URL"))
                .isEqualTo("http://query-service:" + ServiceConfig.of("query-service").port());
    }

    @Test
    void prometheusScrapesEveryServiceOnItsPortAndLoadsTheAlertRules() throws IOException {
        Map<String, Object> prometheus = yaml(ROOT.resolve("deploy/prometheus/prometheus.yml"));
        Map<String, Integer> scraped = new LinkedHashMap<>();
        for (Object job : (List<?>) prometheus.get("scrape_configs")) {
            Map<String, Object> scrape = map(job);
            assertThat(scrape.get("metrics_path")).isEqualTo("/actuator/prometheus");
            Map<String, Object> sd = map(((List<?>) scrape.get("dns_sd_configs")).get(0));
            scraped.put(strings(sd.get("names")).get(0), (Integer) sd.get("port"));
        }
        for (String service : SERVICES) {
            assertThat(scraped.get(service)).as(service).isEqualTo(ServiceConfig.of(service).port());
        }
        assertThat(strings(prometheus.get("rule_files"))).containsExactly("/etc/prometheus/alerts.yml");
        String composeText = Files.readString(ROOT.resolve("docker-compose.yml"));
        assertThat(composeText).contains("./deploy/prometheus/alerts.yml:/etc/prometheus/alerts.yml")
                .contains("./deploy/grafana/dashboards:/var/lib/grafana/dashboards");
        Map<String, Object> provider = map(((List<?>) yaml(ROOT.resolve(
                "deploy/grafana/provisioning/dashboards/vectorless.yml")).get("providers")).get(0));
        assertThat(map(provider.get("options")).get("path")).isEqualTo("/var/lib/grafana/dashboards");
    }

    @Test
    void kubernetesDeploymentsMatchTheServicesAndFollowTheHygieneRules() throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(Files.readString(ROOT.resolve("deploy/k8s/vectorless.yaml")))) {
            if (document != null) {
                documents.add(map(document));
            }
        }
        assertThat(documents).noneMatch(d -> "Secret".equals(d.get("kind")));
        assertThat(Files.readString(ROOT.resolve("deploy/k8s/vectorless.yaml"))).doesNotContain("change-me")
                .contains("kubectl create secret generic vectorless-secrets");
        Map<String, Object> configMap = documents.stream().filter(d -> "ConfigMap".equals(d.get("kind"))).findFirst()
                .map(d -> map(d.get("data"))).orElseThrow();
        for (String service : SERVICES) {
            ServiceConfig config = ServiceConfig.of(service);
            Map<String, Object> deployment = find(documents, "Deployment", service);
            Map<String, Object> spec = map(deployment.get("spec"));
            Map<String, Object> pod = map(map(spec.get("template")).get("spec"));
            assertThat(map(pod.get("securityContext")).get("runAsNonRoot")).as(service).isEqualTo(true);
            Map<String, Object> container = map(((List<?>) pod.get("containers")).get(0));
            Map<String, Object> containerSecurity = map(container.get("securityContext"));
            assertThat(containerSecurity.get("allowPrivilegeEscalation")).as(service).isEqualTo(false);
            assertThat(map(((List<?>) container.get("ports")).get(0)).get("containerPort")).as(service)
                    .isEqualTo(config.port());
            assertThat(probe(container, "startupProbe")).as(service).isEqualTo("/actuator/health/liveness:" + config.port());
            assertThat(probe(container, "livenessProbe")).as(service).isEqualTo("/actuator/health/liveness:" + config.port());
            assertThat(probe(container, "readinessProbe")).as(service).isEqualTo("/actuator/health/readiness:" + config.port());
            Map<String, Object> budget = find(documents, "PodDisruptionBudget", service);
            assertThat(map(map(map(budget.get("spec")).get("selector")).get("matchLabels")).get("app")).isEqualTo(service);
            Map<String, Object> svc = find(documents, "Service", service);
            assertThat(map(((List<?>) map(svc.get("spec")).get("ports")).get(0)).get("targetPort")).isEqualTo(config.port());
        }
        for (String name : configMap.keySet()) {
            assertThat(SERVICES.stream().anyMatch(s -> ServiceConfig.of(s).reads(name)))
                    .as("some service reads " + name + " from the ConfigMap").isTrue();
        }
        Map<String, Object> indexer = find(documents, "Deployment", "indexer-service");
        assertThat(map(indexer.get("spec"))).as("the autoscaler owns the indexer's replica count")
                .doesNotContainKey("replicas");
        Map<String, Object> scaler = find(documents, "ScaledObject", "indexer-service");
        Map<String, Object> trigger = map(map(((List<?>) map(scaler.get("spec")).get("triggers")).get(0)).get("metadata"));
        ServiceConfig indexerConfig = ServiceConfig.of("indexer-service");
        assertThat(trigger.get("consumerGroup")).isEqualTo(indexerConfig.value("spring.kafka.consumer.group-id"));
        assertThat(trigger.get("topic")).isEqualTo("document.parsed");
        String text = Files.readString(ROOT.resolve("deploy/k8s/vectorless.yaml"));
        for (String secretKey : List.of("RAG_API_KEY", "S3_ACCESS_KEY", "S3_SECRET_KEY", "LLM_API_KEY")) {
            assertThat(text).contains("--from-literal=" + secretKey + "=");
            assertThat(SERVICES.stream().anyMatch(s -> ServiceConfig.of(s).reads(secretKey))).as(secretKey).isTrue();
        }
    }

    @Test
    void imagesAreLayeredRunAsNonRootAndGetOnlyTheJarsAsContext() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile).contains("-Djarmode=tools").contains("--layers")
                .contains("org.springframework.boot.loader.launch.JarLauncher");
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(dockerfile);
        assertThat(user.find()).isTrue();
        assertThat(user.group(1)).doesNotStartWith("root").doesNotStartWith("0");
        List<String> ignore = Files.readAllLines(ROOT.resolve(".dockerignore")).stream()
                .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(ignore).as("everything is excluded but the service jars").first().isEqualTo("**");
        assertThat(ignore).allMatch(l -> l.equals("**") || l.startsWith("!") && l.endsWith("-exec.jar"));
        for (String service : SERVICES) {
            assertThat(Files.readString(ROOT.resolve(service).resolve("pom.xml"))).as(service)
                    .contains("<classifier>exec</classifier>");
        }
    }

    private static String probe(Map<String, Object> container, String name) {
        Map<String, Object> get = map(map(container.get(name)).get("httpGet"));
        return get.get("path") + ":" + get.get("port");
    }

    private static Map<String, Object> find(List<Map<String, Object>> documents, String kind, String name) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))
                        && name.equals(map(d.get("metadata")).get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in the manifests"));
    }

    private static List<String> environmentNames(Object environment) {
        if (environment instanceof Map<?, ?> values) {
            return values.keySet().stream().map(Object::toString).toList();
        }
        return strings(environment).stream().map(e -> e.split("=", 2)[0]).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        return new Yaml().load(Files.readString(file));
    }

    /** One service's own configuration file, flattened, with the environment variables it reads. */
    private record ServiceConfig(Map<String, String> flat, Set<String> environment) {

        static ServiceConfig of(String service) {
            try {
                Map<String, Object> tree = yaml(ROOT.resolve(service + "/src/main/resources/" + service + ".yml"));
                Map<String, String> flat = new LinkedHashMap<>();
                flatten("", tree, flat);
                Set<String> names = new HashSet<>(READ_BY_CODE);
                for (String value : flat.values()) {
                    Matcher m = PLACEHOLDER.matcher(value);
                    while (m.find()) {
                        names.add(m.group(1));
                    }
                }
                return new ServiceConfig(flat, names);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        boolean reads(String name) {
            return environment.contains(name);
        }

        String value(String key) {
            return flat.get(key);
        }

        /** server.port's default, as in {@code ${GATEWAY_PORT:8080}}. */
        int port() {
            Matcher m = PLACEHOLDER.matcher(flat.get("server.port"));
            return Integer.parseInt(m.find() ? m.group(2) : flat.get("server.port"));
        }

        boolean probesEnabled() {
            return "true".equals(flat.get("management.endpoint.health.probes.enabled"));
        }

        private static void flatten(String prefix, Map<String, Object> tree, Map<String, String> into) {
            tree.forEach((key, value) -> {
                String name = prefix.isEmpty() ? key : prefix + "." + key;
                if (value instanceof Map<?, ?> nested) {
                    flatten(name, map(nested), into);
                } else {
                    into.put(name, String.valueOf(value));
                }
            });
        }
    }
}
