package dev.jmlebench.client;

/**
 * An API key. It is sent in the {@code Authorization} header and nowhere else: {@link #toString()} hides
 * it, and {@link Secrets} removes it from any text that leaves the client (a server may echo it).
 */
public final class ApiKey {
  private static final String HIDDEN = "***";
  private final String value;

  private ApiKey(String value) {
    this.value = value;
  }

  /** The key, or null when none is given (a blank key counts as none). */
  public static ApiKey ofNullable(String value) {
    return value == null || value.isBlank() ? null : new ApiKey(value.strip());
  }

  String headerValue() {
    return "Bearer " + value;
  }

  String value() {
    return value;
  }

  @Override
  public String toString() {
    return HIDDEN;
  }
}
