package io.stagewire.ocr;

import io.stagewire.testing.PackageRules;
import org.junit.jupiter.api.Test;

/** The module's package rules (docs/architecture.md): no cycles, and the core knows nothing of its wiring. */
class PackageDependenciesTest {
    private static final PackageRules RULES = PackageRules.of("io.stagewire.ocr");

    @Test
    void noCycleBetweenPackages() {
        RULES.haveNoCycles();
    }

    @Test
    void theReadingCoreKnowsNothingOfKafka() {
        RULES.keepInward("service", "pipeline", "messaging");
        RULES.keepInward("engine", "pipeline", "messaging");
    }
}
