package io.stagewire.jobapi;

import io.stagewire.testing.PackageRules;
import org.junit.jupiter.api.Test;

/** The module's package rules (docs/architecture.md): no cycles, and the core knows nothing of its wiring. */
class PackageDependenciesTest {
    private static final PackageRules RULES = PackageRules.of("io.stagewire.jobapi");

    @Test
    void noCycleBetweenPackages() {
        RULES.haveNoCycles();
    }

    @Test
    void serviceAndPersistenceKnowNothingOfTheirCallers() {
        RULES.keepInward("service", "rest", "messaging", "dashboard", "monitoring");
        RULES.keepInward("persistence", "service", "rest", "messaging", "dashboard", "monitoring");
    }
}
