package io.stagewire.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The validation can fail: each deliberately broken object in src/test/resources/broken is rejected, with its path. */
class BrokenManifestsTest {
    private static final String NOT_IN_SCHEMA = " is not defined in the schema and the schema does not allow additional properties";
    private static List<String> problems;

    @BeforeAll
    static void validateTheBrokenKustomization() throws URISyntaxException {
        Path broken = Path.of(BrokenManifestsTest.class.getResource("/broken/kustomization.yaml").toURI()).getParent();
        problems = ManifestValidator.problems(Manifests.render(broken).objects());
    }

    @Test
    void unknownFieldsOfCoreObjectsAreReportedByPath() {
        assertThat(problems).contains(
                "Deployment/typo-deployment: $.spec: property 'replica'" + NOT_IN_SCHEMA,
                "Deployment/typo-deployment: $.spec.template.spec.containers[0].readinessProbe: property 'periodSecond'"
                        + NOT_IN_SCHEMA);
    }

    @Test
    void unknownFieldsOfTypedModelsAndOfMetadataAreReportedByPath() {
        assertThat(problems).contains(
                "KafkaTopic/typo-topic: unknown field spec.partition",
                "KafkaTopic/typo-topic: $.metadata: property 'annotation'" + NOT_IN_SCHEMA);
    }

    @Test
    void unknownFieldsOfCrdsAreReportedByPath() {
        assertThat(problems).anySatisfy(p -> assertThat(p)
                .isEqualTo("ScaledObject/typo-scaledobject: $.spec: property 'minReplicas'" + NOT_IN_SCHEMA));
    }

    @Test
    void wrongTypesAreReported() {
        assertThat(problems).contains(
                "Service/wrong-type-service: $.spec.ports[0].port: string found, integer expected",
                "ScaledObject/wrong-type-scaledobject: $.spec.minReplicaCount: string found, integer expected",
                "Cluster/wrong-type-cluster: $.spec.instances: string found, integer expected");
    }

    @Test
    void missingRequiredFieldsAndUnknownKindsAreReported() {
        assertThat(problems).contains(
                "ScheduledBackup/missing-schedule: $.spec: required property 'schedule' not found",
                "Deployment/missing-selector: $.spec: required property 'selector' not found",
                "Deployment/missing-selector: $.spec.template.spec.containers[0]: required property 'name' not found",
                "Service/missing-port: $.spec.ports[0]: required property 'port' not found",
                "Unvalidated/unknown-kind: no schema or typed model for apiVersion example.com/v1 kind Unvalidated");
    }

    @Test
    void nothingElseIsReported() {
        assertThat(problems).as(String.join("\n", problems)).hasSize(13);
    }
}
