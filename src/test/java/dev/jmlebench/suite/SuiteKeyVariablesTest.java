package dev.jmlebench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.mock.MockOptions;
import dev.jmlebench.mock.MockServer;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A shared suite file names which environment variable is sent, and to which server: one that is not a key
 * variable (here HOME, which every test machine has, standing in for AWS_SECRET_ACCESS_KEY) is sent nowhere
 * unless the user allows it by name, and {@code suite plan} shows which variable goes where.
 */
class SuiteKeyVariablesTest {
  private static final String DATASET = SharedData.root().toString();
  private static final String SECRET = System.getenv("HOME");

  @TempDir Path dir;

  private Path suite(String baseUrl) throws IOException {
    return Files.writeString(dir.resolve("shared.yaml"), """
        defaults:
          base_url: https://openrouter.ai/api/v1
          api_key_env: OPENROUTER_API_KEY
        runs:
        - name: honest
          model: m1
        - name: greedy
          model: m2
          base_url: %s
          api_key_env: HOME
          parallel: 4
        """.formatted(baseUrl));
  }

  @ParameterizedTest
  @CsvSource({"OPENAI_API_KEY,true", "OPENROUTER_API_KEY,true", "ANTHROPIC_API_KEY,true", "HF_TOKEN,true",
      "my_service_api_key,true", "AWS_SECRET_ACCESS_KEY,false", "PATH,false", "HOME,false", "API_KEY,false",
      "_TOKEN,false", "DATABASE_PASSWORD,false", "OPENAI_API_KEY_FILE,false"})
  void aConventionalKeyVariableEndsInApiKeyOrToken(String name, boolean conventional) {
    assertThat(KeyVariables.isConventional(name)).as(name).isEqualTo(conventional);
  }

  @Test
  void aSuiteThatWouldSendAnotherVariableAsItsKeyIsRefusedBeforeAnythingIsSent() throws IOException {
    assertThat(SECRET).as("HOME is set").isNotBlank();
    try (MockServer server = MockServer.start(0, SharedData.dataset(), null, MockOptions.INSTANT)) {
      Path file = suite(server.baseUrl().toString());
      String host = "127.0.0.1:" + server.port();

      String results = dir.resolve("results").toString();
      Cli.Outcome refused = Cli.run("suite", "run", file.toString(), "--only", "greedy", "--dataset", DATASET,
          "--results", results);
      assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(2);
      assertThat(refused.err().strip()).doesNotContain("\n").startsWith("jmle-bench: " + file + ":")
          .contains("run 'greedy': api_key_env HOME is not a key variable").contains("sent to " + host)
          .contains("--allow-env HOME");
      assertThat(server.totalRequests()).as("nothing sent").isZero();
      assertThat(refused.out() + refused.err()).doesNotContain(SECRET);
      assertThat(dir.resolve("results")).doesNotExist();

      // The plan says where each variable goes, and which one needs the user's word.
      Cli.Outcome plan = Cli.run("suite", "plan", file.toString());
      assertThat(plan.exitCode()).as(plan.err()).isZero();
      assertThat(plan.out()).contains("API keys:\n  $OPENROUTER_API_KEY → openrouter.ai (1 run)\n  $HOME → " + host
          + " (1 run)   (not a key variable: 'suite run' refuses it without --allow-env HOME)")
          .contains("API key from $HOME if it is set → " + host + " (a server on this machine may need none) "
              + "(refused without --allow-env HOME)")
          .contains("API key from $OPENROUTER_API_KEY → openrouter.ai\n").doesNotContain(SECRET);
      Cli.Outcome json = Cli.run("suite", "plan", file.toString(), "--json");
      assertThat(json.out()).contains("\"api_key_env\" : \"HOME\"").contains("\"api_key_allowed\" : false")
          .contains("\"api_key_env\" : \"OPENROUTER_API_KEY\"").contains("\"api_key_allowed\" : true");
      Cli.Outcome allowedPlan = Cli.run("suite", "plan", file.toString(), "--allow-env", "HOME");
      assertThat(allowedPlan.out()).contains("$HOME → " + host + " (1 run)   (not a key variable; allowed by --allow-env)")
          .doesNotContain("refused");

      // Named by the user, it is sent: the run is made.
      Cli.Outcome allowed = Cli.run("suite", "run", file.toString(), "--only", "greedy", "--allow-env", "HOME",
          "--dataset", DATASET, "--results", results);
      assertThat(allowed.exitCode()).as(allowed.out() + allowed.err()).isZero();
      assertThat(allowed.out()).contains("API key $HOME → " + host + " (1 run)   (not a key variable; allowed by "
          + "--allow-env)");
      assertThat(server.totalRequests()).isEqualTo(400);
    }
  }
}
