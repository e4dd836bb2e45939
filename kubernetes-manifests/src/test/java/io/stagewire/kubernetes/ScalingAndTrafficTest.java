package io.stagewire.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stagewire.events.Topics;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Autoscaling follows the right signal per service, and the ingress sends each path to its service. */
class ScalingAndTrafficTest {

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void workersScaleOnTheirOwnConsumerGroupsLag(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        for (String worker : new String[] {"crawler-worker", "ocr-worker", "label-worker"}) {
            ServiceConfig config = ServiceConfig.of(worker);
            String channel = config.properties().stringPropertyNames().stream()
                    .filter(k -> k.matches("mp\\.messaging\\.incoming\\.[^.]+\\.group\\.id")).findFirst().orElseThrow()
                    .replaceAll("\\.group\\.id$", "");
            JsonNode scaled = manifests.get("ScaledObject", worker).path("spec");
            JsonNode trigger = scaled.path("triggers").get(0);

            assertThat(scaled.path("scaleTargetRef").path("name").asText()).isEqualTo(worker);
            assertThat(trigger.path("type").asText()).isEqualTo("kafka");
            assertThat(trigger.path("metadata").path("consumerGroup").asText()).isEqualTo(config.get(channel + ".group.id").orElseThrow());
            assertThat(trigger.path("metadata").path("topic").asText()).isEqualTo(config.get(channel + ".topic").orElseThrow());
            assertThat(trigger.path("metadata").path("bootstrapServers").asText())
                    .isEqualTo(ServiceConfigDriftTest.configValue(manifests, worker, "STAGEWIRE_KAFKA_BOOTSTRAP"));
            assertThat(Integer.parseInt(trigger.path("metadata").path("lagThreshold").asText())).isPositive();
            // Replicas beyond the partition count would sit idle.
            assertThat(scaled.path("maxReplicaCount").asInt()).isBetween(scaled.path("minReplicaCount").asInt(), Topics.DEFAULT_PARTITIONS);
            assertThat(manifests.ofKind("HorizontalPodAutoscaler"))
                    .noneSatisfy(h -> assertThat(h.path("spec").path("scaleTargetRef").path("name").asText()).isEqualTo(worker));
        }
        JsonNode gateway = manifests.get("HorizontalPodAutoscaler", "progress-gateway").path("spec").path("metrics").get(0);
        assertThat(gateway.path("type").asText()).isEqualTo("Pods");
        assertThat(gateway.path("pods").path("metric").path("name").asText()).isEqualTo("stagewire_gateway_connections");
        JsonNode api = manifests.get("HorizontalPodAutoscaler", "job-api").path("spec").path("metrics").get(0);
        assertThat(api.path("resource").path("name").asText()).isEqualTo("cpu");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void ingressRoutesEachPathToItsServiceAndKeepsQuarkusEndpointsInside(String overlay) {
        JsonNode ingress = Manifests.of(overlay).get("Ingress", "stagewire");
        Map<String, String> routes = new HashMap<>();
        for (JsonNode path : ingress.path("spec").path("rules").get(0).path("http").path("paths")) {
            routes.put(path.path("path").asText(), path.path("backend").path("service").path("name").asText());
        }
        assertThat(routes).containsEntry("/ws", "progress-gateway").containsEntry("/sse", "progress-gateway")
                .containsEntry("/api", "job-api").containsEntry("/", "job-api");
        assertThat(routes.keySet()).noneMatch(p -> p.startsWith("/q"));
        JsonNode annotations = ingress.path("metadata").path("annotations");
        // Longer than any quiet stretch of a healthy stream (pings every 25 s, SSE heartbeats every 15 s).
        assertThat(Integer.parseInt(annotations.path("nginx.ingress.kubernetes.io/proxy-read-timeout").asText())).isGreaterThanOrEqualTo(3600);
        assertThat(annotations.path("nginx.ingress.kubernetes.io/proxy-buffering").asText()).isEqualTo("off");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void networkIsDefaultDenyAndTheCrawlerCannotReachPrivateOrMetadataAddresses(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        JsonNode deny = manifests.get("NetworkPolicy", "default-deny-all").path("spec");
        assertThat(deny.path("podSelector").isEmpty()).isTrue();
        assertThat(deny.path("policyTypes")).extracting(JsonNode::asText).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(deny.has("ingress") || deny.has("egress")).isFalse();

        JsonNode crawler = manifests.get("NetworkPolicy", "crawler-worker-internet-egress").path("spec").path("egress").get(0);
        JsonNode ipv4 = crawler.path("to").get(0).path("ipBlock");
        assertThat(ipv4.path("cidr").asText()).isEqualTo("0.0.0.0/0");
        assertThat(ipv4.path("except")).extracting(JsonNode::asText)
                .contains("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "127.0.0.0/8", "100.64.0.0/10");
        assertThat(crawler.path("to").get(1).path("ipBlock").path("except")).extracting(JsonNode::asText)
                .contains("fc00::/7", "fe80::/10", "::1/128");
    }
}
