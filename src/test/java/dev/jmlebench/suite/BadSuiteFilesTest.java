package dev.jmlebench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A suite file with a fault: one line naming the file, the line and the field; exit 2; nothing else done. */
class BadSuiteFilesTest {
  private static final String GOOD_RUN = """
      - name: first
        model: m1
        base_url: http://127.0.0.1:9/v1
      """;

  @TempDir Path dir;

  private Cli.Outcome plan(String yaml) throws IOException {
    Path file = dir.resolve("suite.yaml");
    Files.writeString(file, yaml);
    return Cli.run("suite", "plan", file.toString());
  }

  private void assertOneLine(Cli.Outcome r, int line, String... parts) {
    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("jmle-bench: " + dir.resolve("suite.yaml") + ":" + line + ": ")
        .doesNotContain("internal error").doesNotContain("Exception").contains(parts);
  }

  @Test
  void anUnknownFieldOfARunIsNamedWithItsLine() throws IOException {
    Cli.Outcome r = plan("runs:\n" + GOOD_RUN + """
        - name: second
          model: m2
          paralel: 4
        """);
    assertOneLine(r, 7, "run 'second'", "unknown field 'paralel'", "parallel");
  }

  @Test
  void anUnknownFieldAtTheTopOrInTheDefaultsIsNamedWithItsLine() throws IOException {
    assertOneLine(plan("runz:\n" + GOOD_RUN), 1, "unknown field 'runz'");
    assertOneLine(plan("defaults:\n  image_mod: vision\nruns:\n" + GOOD_RUN), 2, "defaults", "unknown field 'image_mod'");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "runs:\\n- name: a\\n  model: m\\n  api_key: sk-live-SECRET123\\n|4|run 'a'",
      "defaults:\\n  api_key: sk-live-SECRET123\\nruns:\\n- name: a\\n  model: m\\n|2|",
      "api_key: sk-live-SECRET123\\nruns:\\n- name: a\\n  model: m\\n|1|"})
  void aLiteralKeyIsRefusedWhereverItIsAndNeverShown(String yaml, int line, String where) throws IOException {
    Cli.Outcome r = plan(yaml.replace("\\n", "\n"));
    assertOneLine(r, line, "field 'api_key'", "api_key_env", where == null ? "" : where);
    assertThat(r.err()).doesNotContain("SECRET");
  }

  @Test
  void aKeyPastedIntoApiKeyEnvIsRefusedWithoutShowingIt() throws IOException {
    Cli.Outcome r = plan("runs:\n- name: a\n  model: m\n  api_key_env: sk-or-v1-SECRET123\n");
    assertOneLine(r, 4, "run 'a'", "field 'api_key_env'", "environment variable");
    assertThat(r.err()).doesNotContain("SECRET");
  }

  @Test
  void aRepeatedNameNamesBothLines() throws IOException {
    Cli.Outcome r = plan("runs:\n" + GOOD_RUN + "- model: m2\n  name: first\n");
    assertOneLine(r, 6, "run 'first'", "field 'name'", "line 2");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "parallel: eight|'parallel' should be a positive whole number, not \"eight\"",
      "parallel: 0|'parallel' should be a positive whole number, not 0",
      "timeout: 2.5|'timeout' should be a positive whole number, not 2.5",
      "repeats: [1, 2]|'repeats' should be a positive whole number, not a list",
      "extra_body: '{\"reasoning\": 1}'|'extra_body' should be a mapping",
      "image_mode: 3|'image_mode' should be skip, blind or vision, not 3",
      "image_mode: color|'image_mode' should be skip, blind or vision, not \"color\"",
      "display_name: {name: x}|'display_name' should be text, not a mapping",
      "display_name: 5|'display_name' should be text, not 5",
      "base_url: ftp://example.org|'base_url' should be http(s)://",
      "base_url: https://user:pw@example.org/v1|'base_url' should carry no user, password or query",
      "key: draft|'key' should be an answer key (author, official, igakuqa), not \"draft\"",
      "exam: 99|'exam' exam 99 is not one this version runs (120, 119, 116, 115, 114, 113, 112)",
      "exam: true|'exam' should be an exam number"})
  void aValueOfTheWrongKindNamesTheFieldAndItsLine(String field, String message) throws IOException {
    Cli.Outcome r = plan("runs:\n" + GOOD_RUN + "- name: second\n  model: m2\n  " + field + "\n");
    assertOneLine(r, 7, "run 'second': field " + message);
  }

  @Test
  void anAnswerKeyTheRunsExamDoesNotHaveIsNamedWithItsLine() throws IOException {
    assertOneLine(plan("runs:\n" + GOOD_RUN + "- name: second\n  model: m2\n  exam: 119\n  key: author\n"), 8,
        "run 'second': field 'key' is 'author', which exam 119 does not have (its answer keys: official)");
    // A key from the defaults: the line of the run's exam, which is what makes the key wrong.
    assertOneLine(plan("defaults:\n  key: author\nruns:\n" + GOOD_RUN + "- name: second\n  model: m2\n  exam: 112\n"),
        9, "run 'second': field 'key' is 'author', which exam 112 does not have");
    assertOneLine(plan("runs:\n" + GOOD_RUN + "- name: second\n  model: m2\n  exam: 119\n  key: igakuqa\n"), 8,
        "run 'second': field 'key' is 'igakuqa', which exam 119 does not have (its answer keys: official)");
  }

  @Test
  void aPerExamKeyGivesEachRunItsExamsEntryAndTheOthersTheirDefault() throws IOException {
    String run = "  model: m\n  base_url: http://127.0.0.1:9/v1\n";
    Cli.Outcome r = plan("defaults:\n  key: 120=author,112=igakuqa\nruns:\n- name: a\n" + run + "- name: b\n" + run
        + "  exam: 119\n- name: c\n" + run + "  exam: 112\n");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("exam 120 · key author", "exam 119 · key official", "exam 112 · key igakuqa")
        .contains(" --base-url http://127.0.0.1:9/v1 --key author --out ", " --exam 112 --key igakuqa --out ");
    // An entry the exam lacks: one line at the field, as --key says it.
    assertOneLine(plan("runs:\n" + GOOD_RUN + "- name: second\n  model: m2\n  key: 120=author,119=author\n"), 7,
        "run 'second': field 'key' entry 119=author: the 119th exam has no answer key 'author'; its answer keys: "
            + "official");
    assertOneLine(plan("runs:\n" + GOOD_RUN + "- name: second\n  model: m2\n  key: 120=author,120=official\n"), 7,
        "run 'second': field 'key' entry 120=official: exam 120 is named twice");
  }

  @Test
  void anEditionOfTheRunsOwnExamReachesItsRun() throws IOException {
    Cli.Outcome r = plan("runs:\n- name: m\n  model: m\n  base_url: http://127.0.0.1:9/v1\n  exam: 112\n"
        + "  key: igakuqa\n");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains(" --exam 112 --key igakuqa ");
  }

  @Test
  void aFieldGivenTwiceInOneMappingIsRefused() throws IOException {
    assertOneLine(plan("runs:\n- name: a\n  model: m\n  model: n\n"), 4, "field 'model' given twice", "line 3");
  }

  @Test
  void aRunWithoutNameOrModelIsRefused() throws IOException {
    assertOneLine(plan("runs:\n- model: m\n"), 2, "run 1", "no field 'name'");
    assertOneLine(plan("runs:\n- model: m\n  name: a/b\n"), 3, "run 1: field 'name' should be a name of letters");
    assertOneLine(plan("runs:\n" + GOOD_RUN + "- name: b\n  display_name: B\n"), 5, "run 'b'", "no field 'model'");
  }

  @Test
  void aFileThatIsNoSuiteSaysSo() throws IOException {
    assertOneLine(plan("- just\n- a list\n"), 1, "should be a mapping with 'runs:'");
    assertOneLine(plan("runs: []\n"), 1, "field 'runs' should be a list of runs");
    assertOneLine(plan("runs:\n- name: a\n  model: [unclosed\n"), 3, "not valid YAML");
    assertOneLine(plan("defaults:\n  name: a\nruns:\n" + GOOD_RUN), 2, "'name' belongs to each run");
  }

  @Test
  void aMissingSuiteFileAndAnUnknownOnlyNameAreOneLineEach() throws IOException {
    Cli.Outcome missing = Cli.run("suite", "plan", dir.resolve("none.yaml").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).isEqualTo("jmle-bench: " + dir.resolve("none.yaml") + ": no such file\n");

    Path file = dir.resolve("suite.yaml");
    Files.writeString(file, "runs:\n" + GOOD_RUN);
    Cli.Outcome only = Cli.run("suite", "plan", file.toString(), "--only", "first,nope");
    assertThat(only.exitCode()).isEqualTo(2);
    assertThat(only.err()).isEqualTo("jmle-bench: --only: " + file + " has no run named 'nope' (its runs: first)\n");
  }

  @Test
  void aSuiteFileLargerThanAnySuiteIsRefusedBeforeItIsParsed() throws IOException {
    Path file = dir.resolve("huge.yaml");
    // A valid suite followed by 16 MB of comments: what is refused is the size, not the content.
    StringBuilder yaml = new StringBuilder("runs:\n- name: a\n  model: m\n  base_url: http://127.0.0.1:9/v1\n");
    String padding = "# " + "x".repeat(1021) + "\n";
    while (yaml.length() < 16_000_000) {
      yaml.append(padding);
    }
    Files.writeString(file, yaml);
    Cli.Outcome r = Cli.run("suite", "plan", file.toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(2);
    assertThat(r.err().strip()).doesNotContain("\n")
        .isEqualTo("jmle-bench: " + file + ": 16.0 MB, larger than a suite file may be (1 MiB); not read");

    // Just under the limit, the same suite is read.
    Files.writeString(file, yaml.substring(0, SuiteReader.MAX_BYTES - 2048));
    assertThat(Cli.run("suite", "plan", file.toString()).exitCode()).isZero();
  }
}
