package io.stagewire.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The validation can fail: each deliberately broken object in src/test/resources/broken is rejected, with its path. */
class BrokenManifestsTest {
    private static List<String> problems;

    @BeforeAll
    static void validateTheBrokenKustomization() throws URISyntaxException {
        Path broken = Path.of(BrokenManifestsTest.class.getResource("/broken/kustomization.yaml").toURI()).getParent();
        problems = ManifestValidator.problems(Manifests.render(broken).objects());
    }

    @Test
    void unknownFieldsOfTypedModelsAreReportedByPath() {
        assertThat(problems).contains(
                "Deployment/typo-deployment: unknown field spec.replica",
                "Deployment/typo-deployment: unknown field spec.template.spec.containers[0].readinessProbe.periodSecond",
                "KafkaTopic/typo-topic: unknown field spec.partition");
    }

    @Test
    void unknownFieldsOfCrdsAreReportedByPath() {
        assertThat(problems).anySatisfy(p -> assertThat(p)
                .isEqualTo("ScaledObject/typo-scaledobject: $.spec: property 'minReplicas' is not defined in the schema"
                        + " and the schema does not allow additional properties"));
    }

    @Test
    void wrongTypesAreReported() {
        assertThat(problems).anySatisfy(p -> assertThat(p)
                .startsWith("Service/wrong-type-service: does not parse into Service: spec.ports[0].port: ")
                .contains("eighty"));
        assertThat(problems).contains(
                "ScaledObject/wrong-type-scaledobject: $.spec.minReplicaCount: string found, integer expected",
                "Cluster/wrong-type-cluster: $.spec.instances: string found, integer expected");
    }

    @Test
    void missingRequiredFieldsAndUnknownKindsAreReported() {
        assertThat(problems).contains(
                "ScheduledBackup/missing-schedule: $.spec: required property 'schedule' not found",
                "Unvalidated/unknown-kind: no typed model or CRD schema for apiVersion example.com/v1 kind Unvalidated");
    }

    @Test
    void nothingElseIsReported() {
        assertThat(problems).as(String.join("\n", problems)).hasSize(9);
    }
}
