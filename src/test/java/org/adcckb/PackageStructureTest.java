package org.adcckb;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The packages of the main code depend on each other without a cycle, so each can be read and changed on its
 * own (docs/ARCHITECTURE.md draws the graph). Every package is its own slice, nested ones included:
 * {@code report.graph} may not lean back on {@code report}'s users any more than {@code report} may.
 */
class PackageStructureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.adcckb");

    @Test
    void theMainCodeIsImported() {
        assertThat(MAIN.stream().map(c -> c.getPackageName()).distinct())
                .contains("org.adcckb", "org.adcckb.reasoning", "org.adcckb.report.graph", "org.adcckb.cli");
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.adcckb.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void onlyTheEnginePackageTouchesDroolsInternals() {
        // Drools' internals change between versions without notice; engine/README.md lists what is read and
        // DroolsInternalsSmokeTest checks each. The public KIE API (org.kie.api) stays open to all.
        noClasses().that().resideOutsideOfPackage("org.adcckb.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.drools..", "org.kie.internal..")
                .because("Drools internals are reached through org.adcckb.engine only")
                .check(MAIN);
    }

    @Test
    void theEngineIsTheBottomLayer() {
        // Nothing of ours below it but the fact types, so no cycle can run through it.
        classes().that().resideInAPackage("org.adcckb.engine..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.adcckb.engine..", "org.adcckb.facts..",
                        "java..", "org.drools..", "org.kie..")
                .check(MAIN);
    }

    @Test
    void theDaemonsClientNeedsOnlyTheJdk() {
        // The client starts for every batch while a daemon runs: it must load nothing but its own few classes.
        classes().that().resideInAPackage("org.adcckb.daemon..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.adcckb.daemon..", "java..", "jdk.net..", "sun.misc..")
                .check(MAIN);
    }

    @Test
    void onlyTheCommandLineAndTheServerUseTheEntryPoint() {
        // AdccKb sits in the root package, which "org.adcckb.(**)" leaves out of the slices; nothing under it
        // may call it back, which keeps the root out of every cycle too.
        noClasses().that().resideOutsideOfPackages("org.adcckb", "org.adcckb.cli..", "org.adcckb.serve..")
                .should().dependOnClassesThat().resideInAPackage("org.adcckb")
                .check(MAIN);
    }
}
