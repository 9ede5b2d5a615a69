package dev.jmlebench.suite;

import dev.jmlebench.common.UserError;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which environment variables a suite file may send as an API key. A suite is a file others share, and its
 * {@code api_key_env} decides whose secret goes to its {@code base_url}: a conventional key variable
 * ({@code *_API_KEY}, {@code *_TOKEN}, and those the README documents) is taken as meant for a model server;
 * any other ({@code AWS_SECRET_ACCESS_KEY}, {@code PATH}) only when the person at the keyboard names it with
 * {@code --allow-env NAME}. The variable's value is never read before that.
 */
public final class KeyVariables {
  /** The key variables the README names (every one of them also ends in a conventional suffix). */
  static final List<String> DOCUMENTED = List.of("OPENAI_API_KEY", "OPENROUTER_API_KEY", "ANTHROPIC_API_KEY");
  private static final List<String> SUFFIXES = List.of("_API_KEY", "_TOKEN");

  private KeyVariables() {}

  /** Whether the name is a conventional key variable: {@code *_API_KEY}, {@code *_TOKEN} or a documented one. */
  public static boolean isConventional(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    return DOCUMENTED.contains(name)
        || SUFFIXES.stream().anyMatch(s -> upper.endsWith(s) && upper.length() > s.length());
  }

  /** Whether an entry may send its variable: a conventional one, or one the user allowed. */
  static boolean allowed(SuiteEntry e, Set<String> allowedByUser) {
    return isConventional(e.apiKeyEnv()) || allowedByUser.contains(e.apiKeyEnv());
  }

  /** The server an entry's key goes to, as {@code host[:port]}. */
  static String hostOf(SuiteEntry e) {
    URI url = URI.create(e.baseUrl());
    return url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
  }

  /**
   * Refuses, before any run starts, an entry whose variable is neither conventional nor allowed: one line
   * naming the file, the run's line, the variable and the server it would go to.
   */
  static void check(Suite suite, List<SuiteEntry> entries, Set<String> allowedByUser) {
    for (SuiteEntry e : entries) {
      if (!allowed(e, allowedByUser)) {
        throw new UserError(suite.file() + ":" + e.line() + ": run '" + e.name() + "': api_key_env "
            + e.apiKeyEnv() + " is not a key variable (*_API_KEY, *_TOKEN): its value would be sent to "
            + hostOf(e) + "; if it holds the key for that server, pass --allow-env " + e.apiKeyEnv());
      }
    }
  }

  /**
   * Which variable goes to which servers, one line each ({@code $OPENROUTER_API_KEY → openrouter.ai (5
   * runs)}), with a mark on a variable that needs {@code --allow-env}; entries on this machine that need no
   * key are said as such.
   */
  static List<String> routes(List<SuiteEntry> entries, Set<String> allowedByUser) {
    Map<String, Map<String, Integer>> byVariable = new LinkedHashMap<>();
    for (SuiteEntry e : entries) {
      byVariable.computeIfAbsent(e.apiKeyEnv(), v -> new LinkedHashMap<>()).merge(hostOf(e), 1, Integer::sum);
    }
    List<String> lines = new ArrayList<>();
    byVariable.forEach((variable, hosts) -> {
      Set<String> shown = new LinkedHashSet<>();
      hosts.forEach((host, n) -> shown.add(host + " (" + n + (n == 1 ? " run" : " runs") + ")"));
      String mark = isConventional(variable) ? ""
          : allowedByUser.contains(variable) ? "   (not a key variable; allowed by --allow-env)"
          : "   (not a key variable: 'suite run' refuses it without --allow-env " + variable + ")";
      lines.add("$" + variable + " → " + String.join(", ", shown) + mark);
    });
    return lines;
  }
}
