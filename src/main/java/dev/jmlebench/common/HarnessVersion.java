package dev.jmlebench.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this harness, stamped by the build; result files record it. */
public final class HarnessVersion {
  private static final String VERSION = load();

  private HarnessVersion() {}

  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = HarnessVersion.class.getResourceAsStream("/dev/jmlebench/version.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }
}
