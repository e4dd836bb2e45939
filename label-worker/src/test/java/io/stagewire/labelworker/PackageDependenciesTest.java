package io.stagewire.labelworker;

import io.stagewire.testing.PackageRules;
import org.junit.jupiter.api.Test;

/** The module's package rules (docs/architecture.md): no cycles, and the core knows nothing of its wiring. */
class PackageDependenciesTest {
    private static final PackageRules RULES = PackageRules.of("io.stagewire.labelworker");

    @Test
    void noCycleBetweenPackages() {
        RULES.haveNoCycles();
    }

    @Test
    void theDomainKnowsNothingOfItsWiring() {
        RULES.keepInward("domain", "service", "messaging");
    }
}
