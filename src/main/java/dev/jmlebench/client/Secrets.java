package dev.jmlebench.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What must never be written or shown: the API key, and credentials given inside the base URL (its
 * userinfo, the values of its query). A server can only put them into an error message or an answer by
 * echoing them, so every text that leaves the client — error messages, answers, reasoning — goes through
 * {@link #redact} or {@link #cut} first, and the URL is stored and shown as {@link #publicUrl}.
 */
public final class Secrets {
  static final String HIDDEN = "***";
  /** A cut that ends in this many characters of a secret hides them: fewer tell nothing of it. */
  static final int MIN_PREFIX = 3;

  public static final Secrets NONE = new Secrets(List.of());

  /** Longest first, so a secret that contains another is hidden whole. */
  private final List<String> values;

  private Secrets(List<String> values) {
    this.values = values.stream().filter(v -> !v.isEmpty()).distinct()
        .sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  public static Secrets of(ApiKey key, URI baseUrl) {
    List<String> v = new ArrayList<>();
    if (key != null) {
      v.add(key.value());
    }
    if (baseUrl != null) {
      String userInfo = baseUrl.getRawUserInfo();
      if (userInfo != null) {
        v.add(userInfo);
        v.add(baseUrl.getUserInfo());
        int colon = userInfo.indexOf(':');
        if (colon >= 0) {
          v.add(userInfo.substring(colon + 1));
        }
      }
      for (String raw : new String[] {baseUrl.getRawQuery(), baseUrl.getQuery()}) {
        if (raw != null) {
          for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            v.add(eq >= 0 ? pair.substring(eq + 1) : pair);
          }
        }
      }
    }
    return new Secrets(v);
  }

  /** The text with every secret replaced by {@code ***}. */
  public String redact(String text) {
    if (text == null) {
      return null;
    }
    String t = text;
    for (String s : values) {
      t = t.replace(s, HIDDEN);
    }
    return t;
  }

  /**
   * The text redacted, then cut to {@code max} characters; when the cut falls inside something that looks
   * like the start of a secret, that start is hidden too (so a cut never shows 18 of a key's 19 characters).
   */
  public String cut(String text, int max) {
    String t = redact(text);
    if (t == null || t.length() <= max) {
      return t;
    }
    int end = max;
    int marker = t.lastIndexOf(HIDDEN, max - 1);
    if (marker >= 0 && marker + HIDDEN.length() > max) {
      end = marker + HIDDEN.length(); // a cut through *** would look like a cut key
    }
    return hidePrefixAtEnd(t.substring(0, end)) + "…";
  }

  private String hidePrefixAtEnd(String t) {
    for (String s : values) {
      for (int n = Math.min(s.length() - 1, t.length()); n >= MIN_PREFIX; n--) {
        if (t.endsWith(s.substring(0, n))) {
          return t.substring(0, t.length() - n) + HIDDEN;
        }
      }
    }
    return t;
  }

  /** The URL to store and show: userinfo and query values replaced by {@code ***}. */
  public static URI publicUrl(URI url) {
    if (url.getRawUserInfo() == null && url.getRawQuery() == null) {
      return url;
    }
    String query = url.getRawQuery() == null ? null
        : String.join("&", java.util.Arrays.stream(url.getRawQuery().split("&"))
            .map(p -> p.indexOf('=') >= 0 ? p.substring(0, p.indexOf('=') + 1) + HIDDEN : HIDDEN).toList());
    try {
      return new URI(url.getScheme() + "://" + (url.getRawUserInfo() == null ? "" : HIDDEN + "@") + url.getRawAuthority()
          .substring(url.getRawUserInfo() == null ? 0 : url.getRawUserInfo().length() + 1)
          + (url.getRawPath() == null ? "" : url.getRawPath()) + (query == null ? "" : "?" + query));
    } catch (URISyntaxException e) {
      throw new IllegalStateException("a URL with its secrets hidden is still a URL", e);
    }
  }

  /** Whether the URL carries credentials of its own (then it is shown only as {@link #publicUrl}). */
  public static boolean hasCredentials(URI url) {
    return url.getRawUserInfo() != null || url.getRawQuery() != null;
  }
}
