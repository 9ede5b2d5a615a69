package dev.jmlebench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.jmlebench.results.ResultSchema;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
  void yamlStaysInTheSuitePackage() {
    noClasses().that().resideOutsideOfPackage("dev.jmlebench.suite..")
        .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson.dataformat.yaml..", "org.yaml..")
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

  /** One row of docs/ARCHITECTURE.md's package table: its packages and the packages they may use. */
  private record Row(List<String> packages, Set<String> mayUse, boolean everything) {}

  private static final String ROOT = "dev.jmlebench.";
  private static final Pattern QUALIFIED = Pattern.compile("\\bdev\\.jmlebench\\.([a-z]+(?:\\.[a-z]+)*)\\.[A-Z*]");

  /** The table as the document writes it: the first cell names the packages, the last what they may use. */
  private static List<Row> table() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("docs/ARCHITECTURE.md"));
    int header = lines.indexOf("| Package | Job | May use |");
    assertThat(header).as("docs/ARCHITECTURE.md has its package table").isNotNegative();
    List<Row> rows = new ArrayList<>();
    for (String line : lines.subList(header + 2, lines.size())) {
      if (!line.startsWith("| `")) {
        break;
      }
      String first = line.substring(1, line.indexOf(" | "));
      String last = line.substring(line.lastIndexOf(" | ") + 3, line.length() - 1).strip();
      Set<String> mayUse = new TreeSet<>();
      if (last.equals("all of the above")) {
        rows.forEach(r -> mayUse.addAll(r.packages()));
      } else if (!last.equals("—") && !last.equals("everything")) {
        mayUse.addAll(names(last));
      }
      rows.add(new Row(names(first), mayUse, last.equals("everything")));
    }
    return rows;
  }

  /** The package names of a cell, {@code `runner`, `client`} or {@code runner, client (usage)}. */
  private static List<String> names(String cell) {
    return java.util.Arrays.stream(cell.replace("`", "").replaceAll("\\([^)]*\\)", "").split(","))
        .map(String::strip).filter(n -> !n.isEmpty()).toList();
  }

  @Test
  void theDependencyTableOfTheArchitectureDocumentIsTrueBothWays() throws IOException {
    List<Row> rows = table();
    Map<String, Row> rowOf = new TreeMap<>();
    rows.forEach(r -> r.packages().forEach(p -> assertThat(rowOf.put(p, r)).as(p + " is in one row only").isNull()));
    Set<String> inTable = rowOf.keySet();
    rows.forEach(r -> assertThat(inTable).as("what " + r.packages() + " may use is in the table")
        .containsAll(r.mayUse()));

    Set<String> packages = new TreeSet<>();
    Map<Row, Set<String>> used = new java.util.HashMap<>();
    Map<String, String> unnamed = new TreeMap<>();
    for (JavaClass c : classes) {
      String from = c.getPackageName().substring(ROOT.length());
      packages.add(from);
      Row row = rowOf.get(from);
      if (row == null) {
        continue;
      }
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        JavaClass target = d.getTargetClass().getBaseComponentType();
        String to = target.getPackageName();
        if (!to.startsWith(ROOT) || to.substring(ROOT.length()).equals(from)) {
          continue;
        }
        to = to.substring(ROOT.length());
        used.computeIfAbsent(row, k -> new TreeSet<>()).add(to);
        if (!row.everything() && !row.packages().contains(to) && !row.mayUse().contains(to)) {
          unnamed.putIfAbsent(from + " → " + to, c.getSimpleName() + " uses " + target.getSimpleName());
        }
      }
    }
    // A constant (ResultSchema's field names) is copied into the class that reads it, so the bytecode does not
    // show that use: the sources' imports and qualified names do.
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String from = MAIN.relativize(f.getParent()).toString().replace('/', '.').replace('\\', '.');
        Row row = rowOf.get(from);
        for (String line : Files.readAllLines(f)) {
          String code = line.strip();
          if (row == null || code.startsWith("*") || code.startsWith("/")) {
            continue;
          }
          Matcher m = QUALIFIED.matcher(code);
          while (m.find()) {
            String to = m.group(1);
            if (!to.equals(from)) {
              used.computeIfAbsent(row, k -> new TreeSet<>()).add(to);
              if (!row.everything() && !row.packages().contains(to) && !row.mayUse().contains(to)) {
                unnamed.putIfAbsent(from + " → " + to, f.getFileName() + " names it");
              }
            }
          }
        }
      }
    }
    List<String> problems = new ArrayList<>();
    packages.stream().filter(p -> !inTable.contains(p)).forEach(p -> problems.add(p + ": no row"));
    unnamed.forEach((pair, example) -> problems.add(pair + " (" + example + "): not in the row"));
    for (Row r : rows) {
      for (String p : r.mayUse()) {
        if (!used.getOrDefault(r, Set.of()).contains(p)) {
          problems.add(r.packages() + " names " + p + ", which none of its classes uses");
        }
      }
    }
    assertThat(problems).as("docs/ARCHITECTURE.md's package table against the code: change the row with the code")
        .isEmpty();
  }

  private static final Path MAIN = Path.of("src/main/java/dev/jmlebench");
  private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  /**
   * Every field name {@link ResultSchema} spells, read from its constants; but the keys inside the request,
   * totals and concurrency records, which are ordinary words (blocks, requests, final) used everywhere.
   */
  private static Set<String> resultFieldNames() throws IllegalAccessException {
    Set<String> names = new TreeSet<>();
    List<Class<?>> holders = List.of(ResultSchema.class, ResultSchema.Metadata.class, ResultSchema.Summary.class,
        ResultSchema.Result.class, ResultSchema.Usage.class, ResultSchema.Journal.class);
    for (Class<?> c : holders) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
          f.setAccessible(true);
          names.add((String) f.get(null));
        }
      }
    }
    return names;
  }

  @Test
  void noFieldNameOfTheResultFormatIsSpelledOutsideTheSchemaModule() throws Exception {
    Set<String> names = resultFieldNames();
    assertThat(names).contains("question_id", "parse_success", "by_block", "latency_ms", "schema_version");
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String rel = MAIN.relativize(f).toString().replace('\\', '/');
        // client and mock speak the chat-completions API, another protocol whose names (model, usage,
        // prompt_tokens, finish_reason, error) happen to match some of ours; dataset reads the dataset's own
        // format (its question_id); cli names commands (summary) and option defaults, and reads no JSON; exam
        // reads the exam and edition files (their exam field), imports other harnesses' outputs (their model).
        if (rel.equals("results/ResultSchema.java") || rel.startsWith("client/") || rel.startsWith("mock/")
            || rel.startsWith("dataset/") || rel.startsWith("cli/") || rel.startsWith("exam/")
            || rel.startsWith("imports/")) {
          continue;
        }
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i).strip();
          if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
            continue;
          }
          Matcher m = STRING_LITERAL.matcher(line);
          while (m.find()) {
            if (names.contains(m.group(1))) {
              found.add(rel + ":" + (i + 1) + " \"" + m.group(1) + "\"");
            }
          }
        }
      }
    }
    assertThat(found).as("use the constants of results.ResultSchema").isEmpty();
  }

  @Test
  void theViewersJavaScriptGetsTheExamsRulesOnlyFromItsData() throws IOException {
    List<String> found = new ArrayList<>();
    Path scripts = Path.of("src/main/resources/dev/jmlebench/viewer");
    // A block letter in quotes ('B'), a range of them ([A-F]), or a figure of the 120th exam's scoring.
    Pattern examRule = Pattern.compile("(['\"`])[A-F]\\1|\\[A-F]|\\b(500|200|300|160|221|381)\\b");
    try (Stream<Path> files = Files.walk(scripts)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".js")).toList()) {
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i);
          // The pair documents name the run that was right "A" or "B": runs, not blocks.
          String code = line.replace("d.right === 'A'", "");
          if (examRule.matcher(code).find()) {
            found.add(scripts.relativize(f) + ":" + (i + 1) + ": " + line.strip());
          }
        }
      }
    }
    assertThat(found).as("the exam's blocks, points and pass marks come in index.exam").isEmpty();
  }
}
