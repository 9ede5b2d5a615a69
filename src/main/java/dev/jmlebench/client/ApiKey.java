package dev.jmlebench.client;

import dev.jmlebench.common.UserError;
import java.net.URI;
import java.util.function.Function;

/**
 * An API key, and where it came from ({@code --api-key} or {@code $VARIABLE}), so that every message about it
 * names the place the user should look. The key is sent in the request's header and nowhere else:
 * {@link #toString()} hides it, and {@link Secrets} removes it from any text that leaves the client (a
 * server may echo it).
 */
public final class ApiKey {
  /** How a message names the flag a key was given with. */
  public static final String FLAG = "--api-key";
  private static final String HIDDEN = "***";
  private final String value;
  private final String source;

  private ApiKey(String value, String source) {
    this.value = value;
    this.source = source;
  }

  /** The key, or null when none is given (a blank key counts as none); its source is {@code --api-key}. */
  public static ApiKey ofNullable(String value) {
    return value == null || value.isBlank() ? null : new ApiKey(value.strip(), FLAG);
  }

  /**
   * The key of a run: {@code --api-key} when given, else the variable {@code variable} (the one rule of
   * {@link ApiKind#keyVariable}, or the one the user named). A flag given empty is an error of its own — most
   * often a variable expanded into it was unset — never silently "no key". Null when no key is needed: a
   * server on this machine, and none given.
   *
   * @param flag the text of {@code --api-key}, or null when it was not given
   * @param env reads an environment variable
   */
  public static ApiKey resolve(String flag, String variable, Function<String, String> env, URI baseUrl) {
    if (flag != null) {
      if (flag.isBlank()) {
        throw new UserError(FLAG + " was given but is empty (was a variable expanded into it, such as \"$"
            + variable + "\", unset?); set it, or leave " + FLAG + " out to read the key from $" + variable);
      }
      return new ApiKey(flag.strip(), FLAG);
    }
    String fromEnv = env.apply(variable);
    if (fromEnv == null || fromEnv.isBlank()) {
      if (ClientSettings.isLoopback(baseUrl)) {
        return null;
      }
      throw new UserError("no API key for " + Secrets.publicUrl(baseUrl) + ": $" + variable + " is "
          + (fromEnv == null ? "not set" : "empty") + " (set it, pass --api-key-env NAME to read another variable, "
          + "or --api-key KEY)");
    }
    return new ApiKey(fromEnv.strip(), "$" + variable);
  }

  /** Where the key came from: {@code --api-key} or {@code $VARIABLE}; never the key. */
  public String source() {
    return source;
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
