package dev.jmlebench.cli;

import dev.jmlebench.common.HarnessVersion;
import picocli.CommandLine;

/** Feeds {@code --version} from the version the build stamped into the jar. */
final class Version implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"jmle-bench " + HarnessVersion.get(), "Java " + System.getProperty("java.version")};
  }
}
