package dev.jmlebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.bench.Bench;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import org.junit.jupiter.api.Test;

/** {@code bench --scenario}: the names users type (rate-limit), and one line listing them on a wrong one. */
class BenchCommandTest {
  private static final String DATASET = SharedData.root().toString();

  @Test
  void aScenarioIsNamedInAnyCaseWithHyphensOrUnderscores() {
    for (String typed : new String[] {"rate-limit", "RATE_LIMIT", "Rate-Limit", "rate_limit", " rate-limit "}) {
      assertThat(Bench.Scenario.named(typed)).as(typed).isEqualTo(Bench.Scenario.RATE_LIMIT);
    }
    assertThat(Bench.Scenario.named("faults")).isEqualTo(Bench.Scenario.FAULTS);
    assertThat(Bench.Scenario.named("rate limit")).isNull();
    assertThat(Bench.Scenario.cliNames()).containsExactly("overhead", "latency", "rate-limit", "faults");
  }

  @Test
  void theKebabNameRunsOnlyThatScenario() {
    Cli.Outcome o = Cli.run("bench", "--quick", "--scenario", "rate-limit", "--dataset", DATASET);
    assertThat(o.exitCode()).as(o.err()).isZero();
    assertThat(o.out()).contains("Rate limit: server allows").doesNotContain("Harness overhead")
        .doesNotContain("Wall time against the ideal").doesNotContain("Faults:");
  }

  @Test
  void aWrongScenarioIsOneLineListingTheValidOnes() {
    Cli.Outcome o = Cli.run("bench", "--quick", "--scenario", "latency,rate-limt", "--dataset", DATASET);
    assertThat(o.exitCode()).isEqualTo(2);
    assertThat(o.out()).isEmpty();
    assertThat(o.err()).isEqualTo("jmle-bench: --scenario rate-limt: no such scenario; one of overhead, latency, "
        + "rate-limit, faults\n");
  }

  @Test
  void theHelpListsTheNamesUsersType() {
    Cli.Outcome o = Cli.run("bench", "--help");
    assertThat(o.out()).contains("Only these: overhead, latency, rate-limit, faults.");
  }
}
