package io.stagewire.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The base and both overlays render, and every object in them is valid against its model or schema. */
class ManifestsValidateTest {
    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void everyObjectIsValid(String overlay) {
        Manifests manifests = Manifests.of(overlay);

        assertThat(ManifestValidator.problems(manifests.objects())).as(overlay).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void everyPartIsThere(String overlay) {
        Manifests manifests = Manifests.of(overlay);

        assertThat(manifests.objects()).extracting(o -> o.path("kind").asText()).contains(
                "Deployment", "Service", "ConfigMap", "PodDisruptionBudget", "HorizontalPodAutoscaler",
                "Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "Cluster", "Keycloak",
                "KeycloakRealmImport", "ScaledObject", "TriggerAuthentication", "Ingress", "NetworkPolicy",
                "ServiceMonitor");
        assertThat(manifests.ofKind("Deployment")).hasSize(5);
    }

    @Test
    void prodInlinesNoSecretAndDevHasItsOwnNamespace() {
        assertThat(Manifests.of("overlays/prod").ofKind("Secret")).isEmpty();
        assertThat(Manifests.of("overlays/dev").ofKind("Secret")).isEmpty();
        assertThat(Manifests.of("overlays/prod").objects())
                .filteredOn(o -> o.path("metadata").has("namespace"))
                .allSatisfy(o -> assertThat(o.path("metadata").path("namespace").asText()).isEqualTo("stagewire"));
        assertThat(Manifests.of("overlays/dev").objects())
                .filteredOn(o -> o.path("metadata").has("namespace"))
                .allSatisfy(o -> assertThat(o.path("metadata").path("namespace").asText()).isEqualTo("stagewire-dev"));
    }
}
