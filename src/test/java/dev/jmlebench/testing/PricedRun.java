package dev.jmlebench.testing;

import dev.jmlebench.mock.MockOptions;
import dev.jmlebench.mock.MockServer;
import java.nio.file.Path;

/** A whole run of the 120th exam against the mock, priced with {@code --price-input/--price-output}. */
public final class PricedRun {
  /** Dollars per million prompt and completion tokens. */
  public static final String INPUT_PRICE = "0.5";
  public static final String OUTPUT_PRICE = "2";

  private PricedRun() {}

  /** Runs model {@code m} into {@code out}; fails the test when the run fails. */
  public static Path write(Path out) {
    try (MockServer server = MockServer.start(0, SharedData.dataset(), null, MockOptions.INSTANT)) {
      Cli.Outcome o = Cli.run("run", "--model", "m", "--base-url", server.baseUrl().toString(), "--dataset",
          SharedData.root().toString(), "--out", out.toString(), "--parallel", "16", "--price-input", INPUT_PRICE,
          "--price-output", OUTPUT_PRICE);
      if (o.exitCode() != 0) {
        throw new AssertionError("the priced mock run failed: " + o.err());
      }
    }
    return out;
  }
}
