package io.stagewire.kubernetes;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every service pod: non-root, read-only root with a writable /tmp, sized, spread, and covered by a PDB. */
@Tag("attack")
class PodHardeningTest {
    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)m");

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void servicePodsAreHardenedSizedAndSpread(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        for (String name : ServiceConfig.SERVICES) {
            JsonNode pod = manifests.get("Deployment", name).path("spec").path("template").path("spec");
            JsonNode container = pod.path("containers").get(0);
            String id = overlay + " " + name;

            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(id).isTrue();
            assertThat(pod.path("securityContext").path("seccompProfile").path("type").asText()).isEqualTo("RuntimeDefault");
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).as(id + " no API token").isFalse();
            JsonNode security = container.path("securityContext");
            assertThat(security.path("readOnlyRootFilesystem").asBoolean()).as(id).isTrue();
            assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).as(id).isFalse();
            assertThat(security.path("capabilities").path("drop").get(0).asText()).isEqualTo("ALL");

            assertThat(container.path("volumeMounts")).as(id + " writable /tmp")
                    .anySatisfy(m -> assertThat(m.path("mountPath").asText()).isEqualTo("/tmp"));
            assertThat(pod.path("volumes")).anySatisfy(v -> {
                assertThat(v.path("name").asText()).isEqualTo("tmp");
                assertThat(v.path("emptyDir").path("sizeLimit").isMissingNode()).isFalse();
            });

            JsonNode resources = container.path("resources");
            for (String field : new String[] {"requests/cpu", "requests/memory", "limits/cpu", "limits/memory"}) {
                assertThat(resources.at("/" + field).asText()).as(id + " " + field).isNotEmpty();
            }
            // The heap must leave room in the limit for metaspace, threads, buffers (and Chromium / Tesseract).
            Matcher heap = XMX.matcher(ServiceConfigDriftTest.configValue(manifests, name, "JAVA_TOOL_OPTIONS"));
            assertThat(heap.find()).as(id + " -Xmx").isTrue();
            assertThat(mebibytes(resources.at("/limits/memory").asText())).as(id + " memory limit vs heap")
                    .isGreaterThanOrEqualTo(Integer.parseInt(heap.group(1)) + 256);

            assertThat(pod.path("topologySpreadConstraints")).extracting(c -> c.path("topologyKey").asText())
                    .contains("topology.kubernetes.io/zone", "kubernetes.io/hostname");
            assertThat(manifests.ofKind("PodDisruptionBudget")).as(id + " PDB").anySatisfy(pdb ->
                    assertThat(pdb.path("spec").path("selector").path("matchLabels").path("app.kubernetes.io/name").asText())
                            .isEqualTo(name));
        }
    }

    private static int mebibytes(String quantity) {
        if (quantity.endsWith("Gi")) {
            return (int) (Double.parseDouble(quantity.substring(0, quantity.length() - 2)) * 1024);
        }
        assertThat(quantity).endsWith("Mi");
        return Integer.parseInt(quantity.substring(0, quantity.length() - 2));
    }
}
