package dev.jmlebench.client;

/**
 * An API key. It is sent in the {@code Authorization} header and nowhere else: {@link #toString()} hides
 * it, and {@link #redact(String)} removes it from any text that leaves the client (server error messages
 * may echo the key they rejected).
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

  /** The text with every occurrence of a key replaced by {@code ***}; a null key changes nothing. */
  public static String redact(ApiKey key, String text) {
    return key == null || text == null ? text : text.replace(key.value, HIDDEN);
  }

  @Override
  public String toString() {
    return HIDDEN;
  }
}
