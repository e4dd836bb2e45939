package io.stagewire.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package rules every module keeps (issue 14): packages by concern, no two of which depend on each other, and
 * the inner layers ({@code service}, {@code persistence}, {@code domain}) know nothing of what calls them.
 */
public final class PackageRules {

    private final String root;
    private final JavaClasses classes;

    private PackageRules(String root) {
        this.root = root;
        this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root);
    }

    /** The main classes under {@code root}, e.g. {@code io.stagewire.jobapi}. */
    public static PackageRules of(String root) {
        return new PackageRules(root);
    }

    public void haveNoCycles() {
        slices().matching(root + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    /** Classes of {@code inner} (a sub-package name) depend on none of {@code outer}. */
    public void keepInward(String inner, String... outer) {
        String[] outerPackages = new String[outer.length];
        for (int i = 0; i < outer.length; i++) {
            outerPackages[i] = root + "." + outer[i] + "..";
        }
        noClasses().that().resideInAPackage(root + "." + inner + "..")
                .should().dependOnClassesThat().resideInAnyPackage(outerPackages)
                .check(classes);
    }
}
