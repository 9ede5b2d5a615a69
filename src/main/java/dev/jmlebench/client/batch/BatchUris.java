package dev.jmlebench.client.batch;

import java.net.URI;

/**
 * The addresses of batch endpoints, built only from ids that passed {@link BatchApi#isPlainId}: an id a
 * server or a journal gives never reaches a URL (nor an error message, where a URL with the key in its query
 * would show it) unchecked.
 */
final class BatchUris {
  private BatchUris() {}

  /** The id, when it is a plain id; else refused with {@code what} named (never the id itself). */
  static String plain(String id, String what) {
    if (!BatchApi.isPlainId(id)) {
      throw new BatchApi.Refused("the " + what + " is not a plain id (letters, digits, _-.); not followed");
    }
    return id;
  }

  /** {@code url} with {@code query} added to the query it has (a gateway's key may be there already). */
  static URI withQuery(URI url, String query) {
    String s = url.toString();
    return URI.create(s + (url.getRawQuery() == null ? "?" : "&") + query);
  }
}
