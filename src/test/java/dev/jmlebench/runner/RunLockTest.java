package dev.jmlebench.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.jmlebench.common.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock of one result file: whatever a killed run left behind, the next run takes it at once. */
class RunLockTest {
  private static final Duration AT_ONCE = Duration.ofSeconds(20);
  private static final String PID = ProcessHandle.current().pid() + "\n";

  @TempDir Path dir;

  @Test
  void aLockFileLeftByARunKilledWhileReleasingItDoesNotBlockTheNextRun() throws Exception {
    // The earlier release wrote a marker, then deleted the file; a kill between the two left this.
    Path out = dir.resolve("x.json");
    Files.writeString(dir.resolve("x.lock"), "released");
    try (RunLock lock = assertTimeoutPreemptively(AT_ONCE, () -> RunLock.take(out))) {
      assertThat(dir.resolve("x.lock")).hasContent(PID);
    }
    assertThat(dir.resolve("x.lock")).doesNotExist();
  }

  @Test
  void aLockFileOfAKilledRunIsTakenOverWhateverItHolds() throws Exception {
    Path out = dir.resolve("y.json");
    for (String left : new String[] {"999999999\n", "", "\u0000\u0000garbage"}) {
      Files.writeString(dir.resolve("y.lock"), left);
      try (RunLock lock = assertTimeoutPreemptively(AT_ONCE, () -> RunLock.take(out))) {
        assertThat(dir.resolve("y.lock")).as("left: %s", left).hasContent(PID);
      }
    }
  }

  @Test
  void aHeldLockStopsASecondTakerAtOnceNamingTheHolderAndIsFreeAgainWhenReleased() {
    Path out = dir.resolve("sub/z.json");
    try (RunLock first = RunLock.take(out)) {
      // Named as a file, not as an --out the user may never have given (the same command continues a run).
      assertThatThrownBy(() -> RunLock.take(out)).isInstanceOf(UserError.class)
          .hasMessage(out + " is in use by another run (process " + ProcessHandle.current().pid()
              + "): wait for it to end, or give this run another --out");
    }
    assertThat(dir.resolve("sub/z.lock")).doesNotExist();
    try (RunLock again = assertTimeoutPreemptively(AT_ONCE, () -> RunLock.take(out))) {
      assertThat(dir.resolve("sub/z.lock")).hasContent(PID);
    }
  }

  @Test
  void releasingTwiceIsHarmlessAndLeavesNoLockFile() {
    // Ctrl-C's hook releases the lock once it has written the file; the run's own thread comes by again.
    Path out = dir.resolve("w.json");
    RunLock lock = RunLock.take(out);
    lock.close();
    lock.close();
    assertThat(dir.resolve("w.lock")).doesNotExist();
    try (RunLock again = assertTimeoutPreemptively(AT_ONCE, () -> RunLock.take(out))) {
      assertThat(dir.resolve("w.lock")).hasContent(PID);
    }
  }
}
