package io.stagewire.kubernetes;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stagewire.events.Topics;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Kafka resources against the code: a KafkaTopic for exactly the topics of {@link Topics}, and
 * KafkaUsers whose ACLs are exactly what each service's channels use (least privilege).
 */
@Tag("attack")
class KafkaContractTest {
    /**
     * Uses of Kafka that application.properties cannot show: job-api's outbox sets the topic per
     * record (crawl.requests besides job.events); the gateway reads job.events with its own
     * assigned consumers (no group, nothing committed).
     */
    private static final Map<String, Set<String>> NOT_IN_PROPERTIES = Map.of(
            "job-api", Set.of("topic:crawl.requests:Write"),
            "progress-gateway", Set.of("topic:job.events:Read"));

    @Test
    void aKafkaTopicForEveryTopicOfTheContract() {
        for (String overlay : Manifests.OVERLAYS) {
            List<JsonNode> topics = Manifests.of(overlay).ofKind("KafkaTopic");
            assertThat(topics).extracting(t -> t.path("spec").path("topicName").asText())
                    .as(overlay).containsExactlyInAnyOrderElementsOf(Topics.ALL);
            assertThat(topics).allSatisfy(t -> {
                assertThat(t.path("spec").path("partitions").asInt()).isEqualTo(Topics.DEFAULT_PARTITIONS);
                assertThat(t.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo("stagewire");
            });
        }
        // docs/delivery.md: job.events is the resume store for 7 days.
        JsonNode jobEvents = Manifests.of("overlays/prod").ofKind("KafkaTopic").stream()
                .filter(t -> t.path("spec").path("topicName").asText().equals(Topics.JOB_EVENTS)).findFirst().orElseThrow();
        assertThat(jobEvents.path("spec").path("config").path("retention.ms").asLong()).isGreaterThanOrEqualTo(7L * 24 * 3600 * 1000);
        assertThat(jobEvents.path("spec").path("replicas").asInt()).isEqualTo(3);
    }

    @Test
    void everyServiceHasExactlyTheAclsItsChannelsNeed() {
        Manifests manifests = Manifests.of("overlays/prod");
        for (String name : ServiceConfig.SERVICES) {
            Set<String> expected = new TreeSet<>(fromChannels(ServiceConfig.of(name)));
            expected.addAll(NOT_IN_PROPERTIES.getOrDefault(name, Set.of()));
            Set<String> granted = acls(manifests.get("KafkaUser", name));

            assertThat(withoutDescribe(granted)).as(name + " ACLs (Describe aside)").isEqualTo(expected);
            assertThat(resources(granted)).as(name + ": Describe only on resources it uses").isEqualTo(resources(expected));
        }
    }

    @Test
    void externalProducersMayOnlyWriteJobEventsAndKedaOnlyDescribe() {
        Manifests manifests = Manifests.of("overlays/prod");
        assertThat(acls(manifests.get("KafkaUser", "external-producer")))
                .containsExactlyInAnyOrder("topic:job.events:Write", "topic:job.events:Describe");
        // The brokers bound what an external producer may write: 1 MiB/s and a quarter of a request thread.
        JsonNode quotas = manifests.get("KafkaUser", "external-producer").path("spec").path("quotas");
        assertThat(quotas.path("producerByteRate").asLong()).isEqualTo(1_048_576L);
        assertThat(quotas.path("requestPercentage").asInt()).isEqualTo(25);
        assertThat(acls(manifests.get("KafkaUser", "keda"))).allSatisfy(acl -> assertThat(acl).endsWith(":Describe"));
        assertThat(manifests.ofKind("KafkaUser")).hasSize(ServiceConfig.SERVICES.size() + 2).allSatisfy(user ->
                assertThat(user.path("spec").path("authentication").path("type").asText()).isEqualTo("scram-sha-512"));
        JsonNode listener = manifests.get("Kafka", "stagewire").path("spec").path("kafka").path("listeners").get(0);
        assertThat(listener.path("tls").asBoolean()).isTrue();
        assertThat(listener.path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
    }

    /** topic:NAME:Read / group:NAME:Read / topic:NAME:Write from the service's SmallRye channels. */
    private static Set<String> fromChannels(ServiceConfig config) {
        Set<String> acls = new HashSet<>();
        for (String key : config.properties().stringPropertyNames()) {
            if (key.startsWith("%")) {
                continue;
            }
            String value = config.get(key).orElseThrow();
            if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topic")) {
                acls.add("topic:" + value + ":Read");
            } else if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.group\\.id")) {
                acls.add("group:" + value + ":Read");
            } else if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.dead-letter-queue\\.topic")
                    || key.matches("mp\\.messaging\\.outgoing\\.[^.]+\\.topic")) {
                acls.add("topic:" + value + ":Write");
            }
        }
        return acls;
    }

    private static Set<String> acls(JsonNode user) {
        Set<String> acls = new TreeSet<>();
        for (JsonNode rule : user.path("spec").path("authorization").path("acls")) {
            JsonNode resource = rule.path("resource");
            assertThat(resource.path("patternType").asText("literal")).as("no prefix or wildcard grants").isEqualTo("literal");
            assertThat(resource.path("name").asText()).doesNotContain("*");
            for (JsonNode operation : rule.path("operations")) {
                acls.add(resource.path("type").asText() + ":" + resource.path("name").asText() + ":" + operation.asText());
            }
        }
        return acls;
    }

    private static Set<String> withoutDescribe(Set<String> acls) {
        Set<String> rest = new TreeSet<>(acls);
        rest.removeIf(acl -> acl.endsWith(":Describe"));
        return rest;
    }

    private static Set<String> resources(Set<String> acls) {
        Set<String> resources = new TreeSet<>();
        acls.forEach(acl -> resources.add(acl.substring(0, acl.lastIndexOf(':'))));
        return resources;
    }
}
