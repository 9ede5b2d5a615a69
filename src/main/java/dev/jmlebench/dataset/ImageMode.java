package dev.jmlebench.dataset;

import java.util.Locale;

/**
 * How image questions are treated (SPEC §2): {@code skip} leaves the 98 image questions out, {@code blind}
 * sends them as text only, {@code vision} sends their images too.
 */
public enum ImageMode {
  SKIP,
  BLIND,
  VISION;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mode of a wire name, or null when there is none of that name. */
  public static ImageMode fromWireName(String name) {
    for (ImageMode m : values()) {
      if (m.wireName().equals(name)) {
        return m;
      }
    }
    return null;
  }

  /** Whether a question takes part in a run of this mode. */
  public boolean includes(Question q) {
    return this != SKIP || !q.requiresImage();
  }
}
