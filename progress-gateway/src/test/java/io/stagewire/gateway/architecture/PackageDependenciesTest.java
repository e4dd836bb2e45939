package io.stagewire.gateway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The gateway's shape, enforced (issue 11): {@code fanout} is the core (channels, subscriptions,
 * windows, resume planning) and reaches the outside only through its own interfaces (Authoriser,
 * JobRecords, PartitionLog, FanOutMetrics); the adapters depend on it, never the other way round,
 * and no two packages depend on each other.
 */
class PackageDependenciesTest {
    private static final JavaClasses GATEWAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.stagewire.gateway");

    @Test
    void noCycleBetweenPackages() {
        slices().matching("io.stagewire.gateway.(*)..").should().beFreeOfCycles().check(GATEWAY);
    }

    @Test
    void theCoreDependsOnNoAdapter() {
        noClasses().that().resideInAPackage("io.stagewire.gateway.fanout..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.stagewire.gateway.auth..", "io.stagewire.gateway.client..", "io.stagewire.gateway.messaging..",
                        "io.stagewire.gateway.metrics..", "io.stagewire.gateway.websocket..", "io.stagewire.gateway.sse..",
                        "io.stagewire.gateway.http..", "io.stagewire.gateway.health..")
                .check(GATEWAY);
    }
}
