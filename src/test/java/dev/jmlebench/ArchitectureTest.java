package dev.jmlebench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Holds the data flow of STYLE.md: each library stays in its room, and the core never reaches outward. */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    classes = new ClassFileImporter()
        // Not Predefined.DO_NOT_INCLUDE_TESTS: it expects target/, and builds may use -DbuildDir=target-NAME.
        .withImportOption(location -> !location.contains("/test-classes/"))
        .importPackages("dev.jmlebench");
  }

  @Test
  void nothingDependsOnTheCommandLine() {
    noClasses().that().resideOutsideOfPackage("dev.jmlebench.cli..")
        .should().dependOnClassesThat().resideInAPackage("dev.jmlebench.cli..")
        .check(classes);
  }

  @Test
  void picocliStaysInTheCommandLinePackage() {
    noClasses().that().resideOutsideOfPackage("dev.jmlebench.cli..")
        .should().dependOnClassesThat().resideInAPackage("picocli..")
        .check(classes);
  }

  @Test
  void jfreechartStaysInTheLeaderboardPackage() {
    noClasses().that().resideOutsideOfPackage("dev.jmlebench.leaderboard..")
        .should().dependOnClassesThat().resideInAnyPackage("org.jfree..")
        .check(classes);
  }

  @Test
  void theCoreKnowsNothingOfRunningPresentingOrServing() {
    noClasses().that().resideInAnyPackage("dev.jmlebench.common..", "dev.jmlebench.dataset..",
            "dev.jmlebench.parse..", "dev.jmlebench.score..", "dev.jmlebench.results..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.jmlebench.prompt..", "dev.jmlebench.client..",
            "dev.jmlebench.runner..", "dev.jmlebench.leaderboard..", "dev.jmlebench.stats..",
            "dev.jmlebench.viewer..", "dev.jmlebench.mock..", "dev.jmlebench.bench..", "io.javalin..")
        .check(classes);
  }

  @Test
  void parsingAndScoringArePureFunctionsOfTheirInputs() {
    noClasses().that().resideInAnyPackage("dev.jmlebench.parse..", "dev.jmlebench.score..")
        .should().dependOnClassesThat().resideInAnyPackage("java.net..", "dev.jmlebench.results..")
        .check(classes);
  }

  @Test
  void theViewerOnlyReadsAndNeverCallsAModel() {
    noClasses().that().resideInAPackage("dev.jmlebench.viewer..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.jmlebench.client..", "dev.jmlebench.runner..")
        .check(classes);
  }
}
