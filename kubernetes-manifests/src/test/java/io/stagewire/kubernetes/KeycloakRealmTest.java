package io.stagewire.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The KeycloakRealmImport carries the realm contract of the local stack (deploy/keycloak): same
 * roles, same clients with the same flows and audience mapper; only the public addresses differ.
 * Demo users exist in dev only.
 */
class KeycloakRealmTest {
    private static final List<String> ADDRESS_FIELDS = List.of("redirectUris", "webOrigins");

    @Test
    void everyOverlayCarriesTheLocalRealmsClientsAndRoles() throws IOException {
        JsonNode local = new ObjectMapper().readTree(RepoPaths.root().resolve("deploy/keycloak/stagewire-realm.json").toFile());
        for (String overlay : Manifests.OVERLAYS) {
            JsonNode realm = Manifests.of(overlay).get("KeycloakRealmImport", "stagewire").path("spec").path("realm");
            assertThat(realm.path("realm").asText()).isEqualTo(local.path("realm").asText());
            assertThat(realm.path("roles")).as(overlay).isEqualTo(local.path("roles"));
            assertThat(withoutAddresses(realm.path("clients"))).as(overlay).isEqualTo(withoutAddresses(local.path("clients")));
        }
    }

    @Test
    void demoUsersOnlyInDev() throws IOException {
        JsonNode local = new ObjectMapper().readTree(RepoPaths.root().resolve("deploy/keycloak/stagewire-realm.json").toFile());
        assertThat(realm("overlays/dev").path("users")).isEqualTo(local.path("users"));
        assertThat(realm("overlays/prod").has("users")).isFalse();
        assertThat(realm("base").has("users")).isFalse();
    }

    @Test
    void servicesTrustThePublicIssuerAndTheDashboardRedirectsToThePublicHost() {
        for (String overlay : Manifests.OVERLAYS) {
            Manifests manifests = Manifests.of(overlay);
            String hostname = manifests.get("Keycloak", "keycloak").path("spec").path("hostname").path("hostname").asText();
            String issuer = hostname + "/realms/stagewire";
            for (String service : List.of("job-api", "progress-gateway")) {
                assertThat(ServiceConfigDriftTest.configValue(manifests, service, "QUARKUS_OIDC_TOKEN_ISSUER"))
                        .as(overlay + " " + service).isEqualTo(issuer);
                assertThat(ServiceConfigDriftTest.configValue(manifests, service, "STAGEWIRE_OIDC_URL"))
                        .isEqualTo("http://keycloak-service:8080/realms/stagewire");
            }
            assertThat(ServiceConfigDriftTest.configValue(manifests, "job-api", "STAGEWIRE_DASHBOARD_ISSUER")).isEqualTo(issuer);
            String host = manifests.get("Ingress", "stagewire").path("spec").path("rules").get(0).path("host").asText();
            JsonNode dashboard = realm(manifests).path("clients").get(0);
            assertThat(dashboard.path("clientId").asText()).isEqualTo("dashboard");
            assertThat(dashboard.path("redirectUris").get(0).asText()).as(overlay).matches("https?://" + host.replace(".", "\\.") + "/\\*");
            assertThat(ServiceConfigDriftTest.configValue(manifests, "progress-gateway", "STAGEWIRE_GATEWAY_AUTH_ALLOWED_ORIGINS"))
                    .isEqualTo(dashboard.path("webOrigins").get(0).asText());
        }
    }

    private static JsonNode realm(String overlay) {
        return realm(Manifests.of(overlay));
    }

    private static JsonNode realm(Manifests manifests) {
        return manifests.get("KeycloakRealmImport", "stagewire").path("spec").path("realm");
    }

    private static List<JsonNode> withoutAddresses(JsonNode clients) {
        List<JsonNode> stripped = new ArrayList<>();
        for (JsonNode client : clients) {
            ObjectNode copy = client.deepCopy();
            ADDRESS_FIELDS.forEach(copy::remove);
            if (copy.path("attributes") instanceof ObjectNode attributes) {
                attributes.remove("post.logout.redirect.uris");
            }
            stripped.add(copy);
        }
        return stripped;
    }
}
