package io.stagewire.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-written manifests cannot drift from the services: ports, probe and metrics paths and
 * every STAGEWIRE_ variable are checked against each service's application.properties and
 * {@code @ConfigMapping} interfaces, in the base and both overlays.
 */
class ServiceConfigDriftTest {
    private static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void portsProbesAndMetricsFollowTheServices(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        for (String name : ServiceConfig.SERVICES) {
            ServiceConfig config = ServiceConfig.of(name);
            JsonNode container = container(manifests, name);
            assertThat(container.path("ports")).as(overlay + " " + name + " ports").hasSize(1);
            assertThat(container.path("ports").get(0).path("name").asText()).isEqualTo("http");
            assertThat(container.path("ports").get(0).path("containerPort").asInt())
                    .as(overlay + " " + name + " containerPort = quarkus.http.port").isEqualTo(config.httpPort());

            assertThat(probe(container, "startupProbe")).as(name).isEqualTo(config.healthPath("startup-path", "started"));
            assertThat(probe(container, "readinessProbe")).as(name).isEqualTo(config.healthPath("readiness-path", "ready"));
            assertThat(probe(container, "livenessProbe")).as(name).isEqualTo(config.healthPath("liveness-path", "live"));

            JsonNode service = manifests.get("Service", name);
            assertThat(service.path("spec").path("ports").get(0).path("port").asInt()).as(name).isEqualTo(config.httpPort());
            assertThat(service.path("spec").path("ports").get(0).path("targetPort").asText()).isEqualTo("http");
        }
        JsonNode endpoint = manifests.get("ServiceMonitor", "stagewire-services").path("spec").path("endpoints").get(0);
        assertThat(endpoint.path("port").asText()).isEqualTo("http");
        ServiceConfig.SERVICES.forEach(name ->
                assertThat(endpoint.path("path").asText()).as(name).isEqualTo(ServiceConfig.of(name).metricsPath()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void everyStagewireVariableIsReadByItsService(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        for (String name : ServiceConfig.SERVICES) {
            ServiceConfig config = ServiceConfig.of(name);
            Set<String> env = envNames(manifests, name);
            assertThat(env.stream().filter(e -> e.startsWith("STAGEWIRE_")).filter(e -> !config.reads(e)))
                    .as(overlay + ": STAGEWIRE_ variables of " + name + " that its configuration does not read")
                    .isEmpty();
            assertThat(env.stream().filter(e -> e.startsWith("QUARKUS_"))
                    .filter(e -> config.envNames().stream().noneMatch(known -> sameExtension(known, e))))
                    .as(overlay + ": QUARKUS_ variables of " + name + " for an extension it does not configure")
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void everythingAServiceNeedsInAClusterIsSet(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        for (String name : ServiceConfig.SERVICES) {
            ServiceConfig config = ServiceConfig.of(name);
            Set<String> env = envNames(manifests, name);
            // Without it a service listens on 127.0.0.1 only: probes and peers could not reach it.
            assertThat(config.hasPlaceholder("stagewire.http.host")).as(name).isTrue();
            assertThat(env).as(overlay + " " + name).contains("STAGEWIRE_HTTP_HOST", "STAGEWIRE_KAFKA_BOOTSTRAP",
                    "KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM", "KAFKA_SASL_JAAS_CONFIG");
            if (config.has("quarkus.datasource.")) {
                assertThat(env).as(overlay + " " + name).contains("STAGEWIRE_PG_HOSTPORT", "STAGEWIRE_PG_DATABASE",
                        "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD");
            }
            if (config.has("quarkus.oidc.")) {
                assertThat(env).as(overlay + " " + name).contains("STAGEWIRE_OIDC_URL", "QUARKUS_OIDC_TOKEN_ISSUER");
            }
        }
    }

    /**
     * job-api and the workers run C1 only, the gateway keeps C2 (docs/decisions.md, JIT), in the cluster as
     * {@code ./stagewire} runs them: the figures in docs/benchmarks.md hold for both.
     */
    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void glueServicesRunC1OnlyAndTheGatewayKeepsC2(String overlay) throws IOException {
        Manifests manifests = Manifests.of(overlay);
        String launcher = Files.readString(RepoPaths.root().resolve("scripts/stagewire/services.sh"));
        assertThat(launcher).as("./stagewire's C1-only services")
                .contains("[[ \"$name\" == *-worker || \"$name\" == job-api ]] && jit=(" + C1_ONLY + ")");
        for (String name : ServiceConfig.SERVICES) {
            String options = configValue(manifests, name, "JAVA_TOOL_OPTIONS");
            boolean glue = name.endsWith("-worker") || name.equals("job-api");
            assertThat(options.contains(C1_ONLY)).as(overlay + " " + name + " JAVA_TOOL_OPTIONS " + options).isEqualTo(glue);
        }
    }

    static JsonNode container(Manifests manifests, String name) {
        JsonNode containers = manifests.get("Deployment", name).path("spec").path("template").path("spec").path("containers");
        assertThat(containers).as(name + " containers").hasSize(1);
        return containers.get(0);
    }

    /** Names set on the container directly and through the ConfigMaps of its envFrom. */
    static Set<String> envNames(Manifests manifests, String name) {
        JsonNode container = container(manifests, name);
        Set<String> names = new HashSet<>();
        container.path("env").forEach(e -> names.add(e.path("name").asText()));
        for (JsonNode source : container.path("envFrom")) {
            String configMap = source.path("configMapRef").path("name").asText();
            manifests.get("ConfigMap", configMap).path("data").fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    static String configValue(Manifests manifests, String name, String variable) {
        JsonNode container = container(manifests, name);
        String value = null;
        for (JsonNode source : container.path("envFrom")) {
            JsonNode data = manifests.get("ConfigMap", source.path("configMapRef").path("name").asText()).path("data");
            if (data.has(variable)) {
                value = data.path(variable).asText();
            }
        }
        return value;
    }

    private static String probe(JsonNode container, String probe) {
        JsonNode get = container.path(probe).path("httpGet");
        assertThat(get.path("port").asText()).as(probe + " port").isEqualTo("http");
        return get.path("path").asText();
    }

    /** QUARKUS_DATASOURCE_PASSWORD belongs with quarkus.datasource.*: same first two segments. */
    private static boolean sameExtension(String known, String env) {
        List<String> a = List.of(known.split("_"));
        List<String> b = List.of(env.split("_"));
        return a.size() > 2 && b.size() > 2 && a.subList(0, 2).equals(b.subList(0, 2));
    }
}
